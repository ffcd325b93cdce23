/**
 * The public objection link (`/f/bezwaar/:token`, R-27): the POST records the objection at once — from
 * the page's button (channel LINK) or from a mail client's RFC 8058 one-click POST (LIST_UNSUBSCRIBE).
 * Repeating it is harmless. A malformed or unknown token is OBJECTION_LINK_INVALID and writes nothing.
 */
import { DomainError } from '../../domain/codes.js';
import { isWellFormedLinkToken } from '../../domain/consent/lifecycle.js';
import { gateFactsRepo } from '../../storage/gate-facts-repo.js';
import { objectionsRepo } from '../../storage/objections-repo.js';
import type { Deps } from '../deps.js';
import { recordDirectMarketingObjection } from './record-objection.js';

export async function objectByLink(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'keyring' | 'persons' | 'suppression'>,
  token: string,
  channel: 'LINK' | 'LIST_UNSUBSCRIBE',
): Promise<{ created: boolean }> {
  if (!isWellFormedLinkToken(token)) throw new DomainError('OBJECTION_LINK_INVALID');
  return d.db.transaction(async (tx) => {
    const now = d.now();
    const link = await objectionsRepo.linkByToken(tx, token, true);
    if (!link) throw new DomainError('OBJECTION_LINK_INVALID');
    const person = await d.persons.findById(tx, link.personId);
    if (!person) throw new DomainError('OBJECTION_LINK_INVALID');
    const r = await recordDirectMarketingObjection(
      d,
      tx,
      person,
      { channel, actorType: 'anonymous', actorId: null, campaignId: link.campaignId },
      now,
    );
    await objectionsRepo.markLinkUsed(tx, link.id, now);
    return { created: r.created };
  });
}

/** For the GET page: whether the link is valid and already used. Writes nothing (scanners prefetch). */
export async function getObjectionLink(
  d: Pick<Deps, 'db'>,
  token: string,
): Promise<{ alreadyObjected: boolean; partyName: string | null }> {
  if (!isWellFormedLinkToken(token)) throw new DomainError('OBJECTION_LINK_INVALID');
  const link = await objectionsRepo.linkByToken(d.db, token);
  if (!link) throw new DomainError('OBJECTION_LINK_INVALID');
  const existing = await objectionsRepo.directMarketing(d.db, link.personId);
  const party = await gateFactsRepo.partySettings(d.db);
  return { alreadyObjected: existing !== null, partyName: party?.partyName ?? null };
}
