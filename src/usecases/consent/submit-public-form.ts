/**
 * A sign-up on a public form (R-13…R-19): one consent record per ticked purpose with the exact text version
 * shown, channel WEB_FORM, pending until the double opt-in click; under 16 the mail goes to the
 * guardian and the consent counts only after the guardian confirms. Suppressed purposes are silently
 * not recorded, with the same answer (R-16, R-58; no enumeration of who is on the list). The same
 * submission id twice gives the same outcome and no new rows. Mail is queued in the transaction and
 * flushed after commit. Bad input is refused before anything is written.
 */

import { DomainError } from '../../domain/codes.js';
import { ageAtConsentFromBirthYear, needsGuardian } from '../../domain/consent/assess.js';
import { confirmationExpiresAt, pendingPurgeCutoff } from '../../domain/consent/lifecycle.js';
import type { ConsentLanguage } from '../../domain/consent/types.js';
import {
  BIRTH_YEAR_MIN,
  type ContactFieldError,
  validateContact,
} from '../../domain/persons/validate-contact.js';
import { blocksPerson, blocksPurpose } from '../../domain/suppression.js';
import { consentCatalogueRepo } from '../../storage/consent-catalogue-repo.js';
import { consentLinksRepo, type SubmissionOutcome } from '../../storage/consent-links-repo.js';
import { ConsentRecordsRepo } from '../../storage/consent-records-repo.js';
import { sha256 } from '../../storage/crypto/tokens.js';
import type { Deps } from '../deps.js';
import { confirmationMail } from './consent-mails.js';
import { findOrCreateFormPerson } from './form-person.js';
import { publishedForm, servedLanguage } from './get-public-form.js';
import { confirmUrl, publicBaseUrl, withdrawUrl } from './public-base-url.js';

export interface PublicFormSubmission {
  /** A random id the form page generated (hidden field): the same post twice is one submission. */
  submissionId: string;
  firstName: string;
  lastName: string | null;
  email: string;
  birthYear: number | null;
  guardianName: string | null;
  guardianEmail: string | null;
  purposeIds: string[];
  locale: ConsentLanguage;
}

export interface SubmitMeta {
  /** Keyed blind index of the client IP (never the raw address). */
  ipHash: string | null;
  userAgent: string | null;
}

export interface SubmitResult {
  outcome: SubmissionOutcome;
}

const SUBMISSION_ID = /^[A-Za-z0-9_-]{8,100}$/;
const MAX_USER_AGENT = 512;

interface Checked {
  firstName: string;
  lastName: string | null;
  email: string;
  guardian: { name: string; email: string } | null;
  ageAtConsent: number | null;
  purposeIds: string[];
}

function checkInput(input: PublicFormSubmission, onForm: readonly string[], now: Date): Checked {
  const fields: { field: string; rule: string; problem: string }[] = [];
  const add = (errs: readonly ContactFieldError[], prefix = '') =>
    fields.push(...errs.map((e) => ({ field: `${prefix}${e.field}`, rule: e.rule, problem: e.problem })));
  if (!SUBMISSION_ID.test(input.submissionId ?? '')) {
    fields.push({
      field: 'submissionId',
      rule: 'submissionId.syntax',
      problem: '8–100 letters, digits, - or _',
    });
  }
  if (!input.firstName?.trim())
    fields.push({ field: 'firstName', rule: 'firstName.required', problem: 'required' });
  if (!input.email?.trim()) fields.push({ field: 'email', rule: 'email.required', problem: 'required' });
  const contact = validateContact(
    { firstName: input.firstName, lastName: input.lastName, email: input.email, language: input.locale },
    now,
  );
  add(contact.errors);
  const year = now.getUTCFullYear();
  if (
    input.birthYear !== null &&
    (!Number.isInteger(input.birthYear) || input.birthYear < BIRTH_YEAR_MIN || input.birthYear > year)
  ) {
    fields.push({
      field: 'birthYear',
      rule: 'birthYear.range',
      problem: `a year from ${BIRTH_YEAR_MIN} to ${year}`,
    });
  }
  const ageAtConsent = fields.some((f) => f.field === 'birthYear')
    ? null
    : ageAtConsentFromBirthYear(input.birthYear, now);
  let guardian: Checked['guardian'] = null;
  if (needsGuardian(ageAtConsent)) {
    // under 16 the guardian consents; their name and e-mail are required, and not the child's own.
    if (!input.guardianName?.trim())
      fields.push({ field: 'guardianName', rule: 'guardianName.required', problem: 'required under 16' });
    if (!input.guardianEmail?.trim())
      fields.push({ field: 'guardianEmail', rule: 'guardianEmail.required', problem: 'required under 16' });
    const g = validateContact({ firstName: input.guardianName, email: input.guardianEmail }, now);
    for (const e of g.errors) {
      fields.push({
        field: e.field === 'email' ? 'guardianEmail' : 'guardianName',
        rule: e.rule,
        problem: e.problem,
      });
    }
    if (
      g.value?.email &&
      contact.value?.email &&
      g.value.email.toLowerCase() === contact.value.email.toLowerCase()
    ) {
      fields.push({
        field: 'guardianEmail',
        rule: 'guardianEmail.not_own',
        problem: "the guardian's own address",
      });
    }
    if (g.value?.email) guardian = { name: g.value.firstName, email: g.value.email };
  }
  const purposeIds = [...new Set(input.purposeIds ?? [])];
  if (purposeIds.length === 0)
    fields.push({ field: 'purposeIds', rule: 'purposeIds.min_one', problem: 'tick at least one purpose' });
  if (purposeIds.some((p) => !onForm.includes(p))) {
    fields.push({ field: 'purposeIds', rule: 'purposeIds.on_form', problem: 'only purposes of this form' });
  }
  if (fields.length > 0) throw new DomainError('VALIDATION_FAILED', { in: 'body', fields });
  return {
    firstName: contact.value!.firstName,
    lastName: contact.value!.lastName || null,
    email: contact.value!.email!,
    guardian,
    ageAtConsent,
    purposeIds,
  };
}

export async function submitPublicForm(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'persons' | 'suppression' | 'mail' | 'config'>,
  slug: string,
  input: PublicFormSubmission,
  meta: SubmitMeta,
): Promise<SubmitResult> {
  const now = d.now();
  const { form, published } = await publishedForm(d.db, slug);
  const c = checkInput(
    input,
    published.purposes.map((p) => p.purposeId),
    now,
  );
  const language = servedLanguage(published, input.locale);
  const keyHash = sha256(`${form.id}:${input.submissionId}`);
  const records = new ConsentRecordsRepo(d.keyring);
  const base = publicBaseUrl(d.config);
  const guardianFlow = c.guardian !== null;
  const sentOutcome: SubmissionOutcome = guardianFlow ? 'guardian_confirmation_sent' : 'confirmation_sent';

  const result = await d.db.transaction(
    async (tx): Promise<{ outcome: SubmissionOutcome; mailed: boolean }> => {
      if (!(await consentLinksRepo.claimSubmission(tx, keyHash, now))) {
        return {
          outcome: (await consentLinksRepo.submissionOutcome(tx, keyHash)) ?? sentOutcome,
          mailed: false,
        };
      }
      const skipped = async (outcome: SubmissionOutcome, why: string) => {
        await consentLinksRepo.finishSubmission(tx, keyHash, {
          outcome,
          recordIds: [],
          createdPersonId: null,
        });
        await d.audit.append(
          tx,
          [
            {
              type: 'consent.submission_skipped',
              actorType: 'anonymous',
              actorId: null,
              objectType: 'consent_form',
              objectId: form.id,
              data: { why },
            },
          ],
          now,
        );
        return { outcome, mailed: false };
      };
      // erased, objecting or withdrawn persons are not recorded again (same answer).
      const entries = await d.suppression.match(tx, { email: c.email });
      const allowed = blocksPerson(entries) ? [] : c.purposeIds.filter((p) => !blocksPurpose(entries, p));
      if (allowed.length === 0) return skipped(sentOutcome, 'suppressed');

      await consentCatalogueRepo.lockKey(
        tx,
        `kieskluis:signup:${d.keyring.blindIndex('email', c.email.toLowerCase())}`,
      );
      const datasetId = await consentCatalogueRepo.ownFormsDataset(tx, now);
      const { personId, created } = await findOrCreateFormPerson(
        d,
        tx,
        {
          firstName: c.firstName,
          lastName: c.lastName,
          email: c.email,
          formId: form.id,
          datasetId,
          language,
        },
        now,
      );
      // Purposes with a sign-up still waiting for its confirmation: no second record, a fresh link instead.
      const cutoff = pendingPurgeCutoff(now);
      const pendingIds: string[] = [];
      const fresh: string[] = [];
      for (const purposeId of allowed) {
        const waiting = (await records.byPersonAndPurpose(tx, personId, purposeId)).filter(
          (r) =>
            r.channel === 'WEB_FORM' &&
            r.confirmedAt === null &&
            r.withdrawnAt === null &&
            r.givenAt > cutoff,
        );
        if (waiting.length > 0) pendingIds.push(...waiting.map((r) => r.id));
        else fresh.push(purposeId);
      }

      const textIds = published.purposes
        .filter((p) => fresh.includes(p.purposeId))
        .map((p) => p.texts[language]!);
      const texts = await consentCatalogueRepo.textsByIds(tx, textIds);
      const purposes = await consentCatalogueRepo.purposesByIds(tx, allowed);
      const newIds: string[] = [];
      for (const purposeId of fresh) {
        const pinned = published.purposes.find((p) => p.purposeId === purposeId)!;
        const text = texts.get(pinned.texts[language]!)!;
        const purpose = purposes.get(purposeId)!;
        const id = await records.insert(
          tx,
          {
            personId,
            purposeId,
            textVersionId: text.id,
            textSha256: text.sha256,
            controllerNames: [text.controllerName, ...purpose.recipients],
            explicit: purpose.political,
            captureDefects: [],
            purposesInAction: 1,
            formId: form.id,
            submissionId: input.submissionId,
            noticeId: published.noticeId,
            channel: 'WEB_FORM',
            givenAt: now,
            capturedBy: null,
            place: null,
            collector: null,
            ipHash: meta.ipHash,
            userAgent: meta.userAgent ? meta.userAgent.slice(0, MAX_USER_AGENT) : null,
            scanId: null,
            confirmedAt: null,
            ageAtConsent: c.ageAtConsent,
            guardianName: c.guardian?.name ?? null,
            guardianEmail: c.guardian?.email ?? null,
            guardianConfirmedAt: null,
          },
          now,
        );
        newIds.push(id);
      }
      await consentCatalogueRepo.markReferenced(tx, textIds, now);

      const recordIds = [...newIds, ...pendingIds];
      const outcome: SubmissionOutcome = newIds.length === 0 ? 'already_pending' : sentOutcome;
      const confirmToken = await consentLinksRepo.createToken(
        tx,
        { kind: 'confirm', guardian: guardianFlow, recordIds, expiresAt: confirmationExpiresAt(now) },
        now,
      );
      const withdrawToken = await consentLinksRepo.createToken(
        tx,
        { kind: 'withdraw', guardian: guardianFlow, recordIds, expiresAt: null },
        now,
      );
      const shown = await consentCatalogueRepo.textsByIds(
        tx,
        published.purposes.filter((p) => allowed.includes(p.purposeId)).map((p) => p.texts[language]!),
      );
      const mail = confirmationMail({
        locale: language,
        controllerName: published.controllerName,
        formTitle: published.titles[language] ?? form.slug,
        firstName: c.firstName,
        guardianName: c.guardian?.name ?? null,
        statements: [...shown.values()].map((t) => t.statement),
        confirmUrl: confirmUrl(base, confirmToken),
        withdrawUrl: withdrawUrl(base, withdrawToken),
        privacyNoticeUrl: published.privacyNotice.url,
      });
      await d.mail.queue(
        tx,
        { to: c.guardian?.email ?? c.email, ...mail, kind: 'consent.confirm', personId },
        now,
      );
      await consentLinksRepo.finishSubmission(tx, keyHash, {
        outcome,
        recordIds,
        createdPersonId: created ? personId : null,
      });
      if (newIds.length === 0) {
        await d.audit.append(
          tx,
          [
            {
              type: 'consent.submission_skipped',
              actorType: 'anonymous',
              actorId: null,
              personId,
              objectType: 'consent_form',
              objectId: form.id,
              data: { why: 'already_pending', records: pendingIds },
            },
          ],
          now,
        );
      }
      await d.audit.append(
        tx,
        newIds.map((recordId, i) => ({
          type: 'consent.recorded' as const,
          actorType: 'anonymous' as const,
          actorId: null,
          personId,
          objectType: 'consent_record',
          objectId: recordId,
          data: {
            purposeId: fresh[i],
            channel: 'WEB_FORM',
            formId: form.id,
            textVersionId: published.purposes.find((p) => p.purposeId === fresh[i])!.texts[language],
            guardianFlow,
            suppressedPurposes: c.purposeIds.length - allowed.length,
          },
        })),
        now,
      );
      return { outcome, mailed: true };
    },
  );
  if (result.mailed) await d.mail.flush();
  return { outcome: result.outcome };
}
