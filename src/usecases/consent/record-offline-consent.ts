/**
 * Record a consent given on paper, at the door, by phone, by e-mail reply or orally: the
 * text version shown, the collector, place and time, optional scan. Staff and volunteers may do this
 * (`consent:record`) for persons within the scope of that role (R-63: otherwise 404, audited). It is marked "onbevestigd" until a
 * double opt-in or a scan confirms it, but a recorded express statement is valid without that (R-17:
 * confirmation is a product step, not a legal condition). Optionally a double opt-in mail is sent. A
 * purpose the person withdrew or objected to is refused (SUPPRESSED_CONTACT, R-16, R-58).
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { ageAtConsentFromBirthYear, needsGuardian } from '../../domain/consent/assess.js';
import { confirmationExpiresAt } from '../../domain/consent/lifecycle.js';
import type { CaptureDefect, OfflineChannel } from '../../domain/consent/types.js';
import { BIRTH_YEAR_MIN, normalizeEmailAddress } from '../../domain/persons/validate-contact.js';
import { blocksPurpose, suppressionDecisionReason } from '../../domain/suppression.js';
import { consentCatalogueRepo } from '../../storage/consent-catalogue-repo.js';
import { consentLinksRepo } from '../../storage/consent-links-repo.js';
import { ConsentRecordsRepo } from '../../storage/consent-records-repo.js';
import type { Deps } from '../deps.js';
import { auditActor } from '../refuse.js';
import { assessRecords } from './assess-records.js';
import { consentRecorder, invalid, personInScope, refuseOutOfScope } from './authorize-consent.js';
import { confirmationMail } from './consent-mails.js';
import { consentViews, type PersonConsentView } from './list-person-consents.js';
import { confirmUrl, publicBaseUrl, withdrawUrl } from './public-base-url.js';
import { checkScan, type ScanUpload } from './scan-input.js';

export interface OfflineConsentInput {
  personId: string;
  purposeId: string;
  /** The text version shown. */
  textVersionId: string;
  channel: OfflineChannel;
  givenAt: Date;
  /** Who collected it (a volunteer's name). */
  collector: string;
  place: string | null;
  /** An express statement was made (a ticked statement, a signature, a recorded "yes", R-17). */
  explicit: boolean;
  /** Defects of the capture, e.g. a pre-ticked box on an old paper form. */
  captureDefects: CaptureDefect[];
  birthYear: number | null;
  guardianName: string | null;
  guardianEmail: string | null;
  /** The guardian signed or consented on the spot. */
  guardianConsented: boolean;
  scan: ScanUpload | null;
  /** Send a double opt-in mail (to the guardian when under 16 and not yet consented). */
  sendConfirmation: boolean;
}

const FUTURE_SLACK_MS = 5 * 60_000;

export async function recordOfflineConsent(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'persons' | 'suppression' | 'mail' | 'config'>,
  actor: Actor,
  input: OfflineConsentInput,
): Promise<PersonConsentView> {
  const now = d.now();
  const who = await consentRecorder(d, actor, 'consent.record_offline');
  if (input.givenAt.getTime() > now.getTime() + FUTURE_SLACK_MS)
    invalid('givenAt', 'givenAt.future', 'not in the future');
  if (!input.collector.trim()) invalid('collector', 'collector.required', 'who collected the consent');
  if (
    input.birthYear !== null &&
    (input.birthYear < BIRTH_YEAR_MIN || input.birthYear > now.getUTCFullYear())
  ) {
    invalid('birthYear', 'birthYear.range', `a year from ${BIRTH_YEAR_MIN}`);
  }
  const ageAtConsent = ageAtConsentFromBirthYear(input.birthYear, input.givenAt);
  const minor = needsGuardian(ageAtConsent);
  if (minor && input.guardianConsented && !input.guardianName?.trim()) {
    invalid('guardianName', 'guardianName.required', 'the guardian who consented');
  }
  let guardianEmail: string | null = null;
  if (input.guardianEmail?.trim()) {
    const e = normalizeEmailAddress(input.guardianEmail.trim());
    if (!e.ok) invalid('guardianEmail', e.rule, e.problem);
    guardianEmail = e.value;
  }
  const mailGuardian = minor && !input.guardianConsented;
  if (input.sendConfirmation && mailGuardian && !guardianEmail) {
    invalid('guardianEmail', 'guardianEmail.required', "the guardian's e-mail for the confirmation");
  }
  const scan = input.scan ? checkScan(input.scan, who.userId) : null;
  const records = new ConsentRecordsRepo(d.keyring);
  const base = publicBaseUrl(d.config);

  const outcome = await d.db.transaction(async (tx) => {
    const scoped = await personInScope(d, tx, who, input.personId, now, 'consent:record');
    if ('refused' in scoped) return scoped;
    const person = scoped.person;
    const purpose = await consentCatalogueRepo.purposeById(tx, input.purposeId);
    if (!purpose) invalid('purposeId', 'purposeId.unknown', 'no such purpose');
    const text = await consentCatalogueRepo.textById(tx, input.textVersionId);
    if (!text || text.purposeId !== purpose.id)
      invalid('textVersionId', 'textVersionId.of_purpose', 'a text version of this purpose');
    const blocked = blocksPurpose(await d.suppression.match(tx, person), purpose.id);
    if (blocked) return { suppressed: suppressionDecisionReason(blocked.reason) };
    if (input.sendConfirmation && !mailGuardian && !person.email) {
      invalid('sendConfirmation', 'sendConfirmation.no_email', 'the person has no e-mail address');
    }

    const scanId = scan ? await records.insertScan(tx, scan, now) : null;
    const id = await records.insert(
      tx,
      {
        personId: person.id,
        purposeId: purpose.id,
        textVersionId: text.id,
        textSha256: text.sha256,
        controllerNames: [text.controllerName, ...purpose.recipients],
        explicit: input.explicit,
        captureDefects: [...new Set(input.captureDefects)],
        purposesInAction: 1,
        formId: null,
        submissionId: null,
        noticeId: null,
        channel: input.channel,
        givenAt: input.givenAt,
        capturedBy: who.userId,
        place: input.place?.trim() || null,
        collector: input.collector.trim(),
        ipHash: null,
        userAgent: null,
        scanId,
        confirmedAt: null,
        ageAtConsent,
        guardianName: input.guardianName?.trim() || null,
        guardianEmail,
        guardianConfirmedAt: minor && input.guardianConsented ? input.givenAt : null,
      },
      now,
    );
    await consentCatalogueRepo.markReferenced(tx, [text.id], now);
    if (input.sendConfirmation) {
      const confirm = await consentLinksRepo.createToken(
        tx,
        { kind: 'confirm', guardian: mailGuardian, recordIds: [id], expiresAt: confirmationExpiresAt(now) },
        now,
      );
      const withdraw = await consentLinksRepo.createToken(
        tx,
        { kind: 'withdraw', guardian: mailGuardian, recordIds: [id], expiresAt: null },
        now,
      );
      const mail = confirmationMail({
        locale: text.language,
        controllerName: text.controllerName,
        formTitle: null,
        firstName: person.firstName,
        guardianName: mailGuardian
          ? input.guardianName?.trim() || (text.language === 'nl' ? 'ouder of voogd' : 'parent or guardian')
          : null,
        statements: [text.statement],
        confirmUrl: confirmUrl(base, confirm),
        withdrawUrl: withdrawUrl(base, withdraw),
        privacyNoticeUrl: null,
      });
      await d.mail.queue(
        tx,
        {
          to: mailGuardian ? guardianEmail! : person.email!,
          ...mail,
          kind: 'consent.confirm',
          personId: person.id,
        },
        now,
      );
    }
    const audit = auditActor(actor);
    await d.audit.append(
      tx,
      [
        {
          type: 'consent.recorded',
          ...audit,
          personId: person.id,
          objectType: 'consent_record',
          objectId: id,
          data: {
            purposeId: purpose.id,
            channel: input.channel,
            textVersionId: text.id,
            scan: scanId !== null,
            mailed: input.sendConfirmation,
          },
        },
        ...(scanId
          ? [
              {
                type: 'consent.scan_uploaded' as const,
                ...audit,
                personId: person.id,
                objectType: 'consent_scan',
                objectId: scanId,
                data: { sha256: scan!.sha256, records: [id] },
              },
            ]
          : []),
      ],
      now,
    );
    const [view] = await consentViews(tx, await assessRecords(tx, await records.byIds(tx, [id]), now));
    return { view: view!, mailed: input.sendConfirmation };
  });
  if ('refused' in outcome)
    return refuseOutOfScope(d, actor, outcome, 'consent.record_offline', input.personId);
  if ('suppressed' in outcome) {
    // A refusal that reports the entry's reason (Appendix C.3 SUPPRESSED_CONTACT); audited on its own.
    await d.db.transaction((tx) =>
      d.audit.append(
        tx,
        [
          {
            type: 'access.refused',
            ...auditActor(actor),
            personId: input.personId,
            data: {
              code: 'SUPPRESSED_CONTACT',
              action: 'consent.record_offline',
              reasons: [outcome.suppressed],
            },
          },
        ],
        d.now(),
      ),
    );
    throw new DomainError('SUPPRESSED_CONTACT', {
      reasons: ['SUPPRESSED_CONTACT', outcome.suppressed],
      purposeId: input.purposeId,
    });
  }
  if (outcome.mailed) await d.mail.flush();
  return outcome.view;
}
