/**
 * One-click withdrawal through a link in a mail: no reason asked, no second "are you sure"; for
 * the purposes named (or all of the link's), effective everywhere with a suppression entry per purpose.
 * Repeating it is harmless. Tampered → LINK_INVALID; a purpose the link does not cover → VALIDATION_FAILED.
 */
import { DomainError } from '../../domain/codes.js';
import { ConsentRecordsRepo } from '../../storage/consent-records-repo.js';
import type { Deps } from '../deps.js';
import { withdrawalLink } from './get-withdrawal.js';
import { withdrawPurposes } from './withdraw-purposes.js';

export async function withdrawByLink(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'persons' | 'suppression'>,
  token: string,
  purposeIds: readonly string[] | 'all',
): Promise<{ withdrawn: string[] }> {
  const records = new ConsentRecordsRepo(d.keyring);
  const now = d.now();
  return d.db.transaction(async (tx) => {
    const { link, rows } = await withdrawalLink(tx, records, token, true);
    const covered = [...new Set(rows.map((r) => r.purposeId))];
    const wanted = purposeIds === 'all' ? covered : [...new Set(purposeIds)];
    if (wanted.length === 0 || wanted.some((p) => !covered.includes(p))) {
      throw new DomainError('VALIDATION_FAILED', {
        in: 'body',
        fields: [
          { field: 'purposeIds', rule: 'purposeIds.on_link', problem: 'only purposes this link covers' },
        ],
      });
    }
    const person = await d.persons.findById(tx, rows[0]!.personId);
    if (!person) throw new DomainError('LINK_INVALID');
    await withdrawPurposes(
      d,
      tx,
      records,
      person,
      wanted,
      {
        channel: 'LINK',
        by: link.guardian ? 'guardian' : 'subject',
        onBehalfOf: null,
        actorType: 'anonymous',
        actorId: null,
      },
      now,
    );
    return { withdrawn: wanted };
  });
}
