/**
 * What a withdrawal link covers: the purposes, each with whether it is withdrawn already. The
 * person reads their own consents through the link; the read is audited. Tampered → LINK_INVALID.
 */
import { DomainError } from '../../domain/codes.js';
import { isWellFormedLinkToken } from '../../domain/consent/lifecycle.js';
import { consentCatalogueRepo } from '../../storage/consent-catalogue-repo.js';
import { consentLinksRepo, type LinkToken } from '../../storage/consent-links-repo.js';
import { type ConsentRecordRow, ConsentRecordsRepo } from '../../storage/consent-records-repo.js';
import type { Queryable } from '../../storage/db.js';
import type { Deps } from '../deps.js';

export interface WithdrawalView {
  purposes: { purposeId: string; label: string; withdrawn: boolean }[];
}

/** The link's token and records; LINK_INVALID when unknown, of the wrong kind or empty. */
export async function withdrawalLink(
  tx: Queryable,
  records: ConsentRecordsRepo,
  token: string,
  lock = false,
): Promise<{ link: LinkToken; rows: ConsentRecordRow[] }> {
  if (!isWellFormedLinkToken(token)) throw new DomainError('LINK_INVALID');
  const link = await consentLinksRepo.tokenByValue(tx, token, lock);
  if (link?.kind !== 'withdraw') throw new DomainError('LINK_INVALID');
  const rows = await records.byIds(tx, link.recordIds, lock);
  if (rows.length === 0) throw new DomainError('LINK_INVALID');
  return { link, rows };
}

export async function getWithdrawal(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring'>,
  token: string,
): Promise<WithdrawalView> {
  const records = new ConsentRecordsRepo(d.keyring);
  const now = d.now();
  return d.db.transaction(async (tx) => {
    const { rows } = await withdrawalLink(tx, records, token);
    const purposes = await consentCatalogueRepo.purposesByIds(
      tx,
      rows.map((r) => r.purposeId),
    );
    const byPurpose = new Map<string, boolean>();
    for (const r of rows)
      byPurpose.set(r.purposeId, (byPurpose.get(r.purposeId) ?? true) && r.withdrawnAt !== null);
    await d.audit.append(
      tx,
      [
        {
          type: 'consent.read',
          actorType: 'anonymous',
          actorId: null,
          personId: rows[0]!.personId,
          purpose: 'withdrawal link',
          data: { records: rows.map((r) => r.id) },
        },
      ],
      now,
    );
    return {
      purposes: [...byPurpose].map(([purposeId, withdrawn]) => ({
        purposeId,
        label: purposes.get(purposeId)?.name ?? purposeId,
        withdrawn,
      })),
    };
  });
}
