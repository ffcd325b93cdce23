/**
 * The double opt-in click: sets the confirmation time on the sign-up's records (and the guardian's
 * confirmation in the guardian flow, R-19), then mails the receipt with a one-click withdrawal link per
 * purpose. A second click answers `already_confirmed`. Expired (14 days) → CONFIRMATION_EXPIRED;
 * unknown or tampered → LINK_INVALID.
 */
import { DomainError } from '../../domain/codes.js';
import { isWellFormedLinkToken, linkExpired } from '../../domain/consent/lifecycle.js';
import type { ConsentLanguage } from '../../domain/consent/types.js';
import { consentCatalogueRepo } from '../../storage/consent-catalogue-repo.js';
import { consentFormsRepo } from '../../storage/consent-forms-repo.js';
import { consentLinksRepo } from '../../storage/consent-links-repo.js';
import { ConsentRecordsRepo } from '../../storage/consent-records-repo.js';
import type { Deps } from '../deps.js';
import { receiptMail } from './consent-mails.js';
import { publicBaseUrl, withdrawUrl } from './public-base-url.js';

export interface ConfirmResult {
  outcome: 'confirmed' | 'already_confirmed';
  /** Names of the purposes confirmed (or, on a second click, confirmed before). */
  purposes: string[];
  /** A withdrawal link token for all of them (only on the first click: tokens are stored as hashes). */
  withdrawToken?: string;
}

export async function confirmConsent(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'persons' | 'mail' | 'config'>,
  token: string,
): Promise<ConfirmResult> {
  if (!isWellFormedLinkToken(token)) throw new DomainError('LINK_INVALID');
  const now = d.now();
  const records = new ConsentRecordsRepo(d.keyring);
  const base = publicBaseUrl(d.config);
  const result = await d.db.transaction(async (tx) => {
    const link = await consentLinksRepo.tokenByValue(tx, token, true);
    if (link?.kind !== 'confirm') throw new DomainError('LINK_INVALID');
    const rows = await records.byIds(tx, link.recordIds, true);
    const purposes = await consentCatalogueRepo.purposesByIds(
      tx,
      rows.map((r) => r.purposeId),
    );
    const names = (ids: readonly string[]) => [
      ...new Set(
        rows.filter((r) => ids.includes(r.id)).map((r) => purposes.get(r.purposeId)?.name ?? r.purposeId),
      ),
    ];
    if (link.usedAt !== null) {
      return {
        outcome: 'already_confirmed' as const,
        purposes: names(rows.filter((r) => r.confirmedAt).map((r) => r.id)),
      };
    }
    if (linkExpired(link.expiresAt, now)) throw new DomainError('CONFIRMATION_EXPIRED');
    if (rows.length === 0) throw new DomainError('LINK_INVALID');

    const confirmed = await records.confirm(tx, link.recordIds, now, link.guardian);
    await consentLinksRepo.markUsed(tx, link.id, now);
    const done = rows.filter((r) => confirmed.includes(r.id));
    const first = done[0] ?? rows[0]!;
    let withdrawToken: string | undefined;
    if (done.length > 0) {
      withdrawToken = await consentLinksRepo.createToken(
        tx,
        { kind: 'withdraw', guardian: link.guardian, recordIds: done.map((r) => r.id), expiresAt: null },
        now,
      );
      const texts = await consentCatalogueRepo.textsByIds(
        tx,
        done.flatMap((r) => (r.textVersionId ? [r.textVersionId] : [])),
      );
      const items = [];
      for (const r of done) {
        const one = await consentLinksRepo.createToken(
          tx,
          { kind: 'withdraw', guardian: link.guardian, recordIds: [r.id], expiresAt: null },
          now,
        );
        items.push({
          statement:
            (r.textVersionId && texts.get(r.textVersionId)?.statement) ||
            purposes.get(r.purposeId)?.name ||
            '',
          withdrawUrl: withdrawUrl(base, one),
        });
      }
      const firstText = first.textVersionId ? texts.get(first.textVersionId) : undefined;
      const language: ConsentLanguage = firstText?.language ?? 'nl';
      const form = first.formId ? await consentFormsRepo.byId(tx, first.formId) : null;
      const controllerName = firstText?.controllerName ?? first.controllerNames[0] ?? '';
      const to = link.guardian ? first.guardianEmail : (await d.persons.findById(tx, first.personId))?.email;
      if (to) {
        const mail = receiptMail({
          locale: language,
          controllerName,
          confirmedAt: now,
          items,
          withdrawAllUrl: withdrawUrl(base, withdrawToken),
          privacyNoticeUrl: form?.published?.privacyNotice.url ?? form?.privacyNoticeUrl ?? null,
        });
        await d.mail.queue(tx, { to, ...mail, kind: 'consent.receipt', personId: first.personId }, now);
      }
      await d.audit.append(
        tx,
        done.map((r) => ({
          type: 'consent.confirmed' as const,
          actorType: 'anonymous' as const,
          actorId: null,
          personId: r.personId,
          objectType: 'consent_record',
          objectId: r.id,
          data: { purposeId: r.purposeId, guardian: link.guardian },
        })),
        now,
      );
    }
    return {
      outcome: 'confirmed' as const,
      purposes: names(confirmed),
      withdrawToken,
      mailed: done.length > 0,
    };
  });
  if ('mailed' in result && result.mailed) await d.mail.flush();
  const { outcome, purposes } = result;
  return 'withdrawToken' in result && result.withdrawToken
    ? { outcome, purposes, withdrawToken: result.withdrawToken }
    : { outcome, purposes };
}
