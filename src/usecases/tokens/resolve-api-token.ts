/** Turn `Authorization: Bearer kk_…` into a token actor, or refuse with TOKEN_INVALID / ACCESS_EXPIRED. */
import type { Actor } from '../../domain/access/actor.js';
import { loginAccess } from '../../domain/access/policies.js';
import { DomainError } from '../../domain/codes.js';
import { apiTokensRepo } from '../../storage/api-tokens-repo.js';
import type { Deps } from '../deps.js';

export async function resolveApiToken(
  d: Pick<Deps, 'db' | 'users' | 'now'>,
  secret: string,
): Promise<Extract<Actor, { kind: 'token' }>> {
  const now = d.now();
  const token = await apiTokensRepo.findBySecret(d.db, secret);
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt.getTime() <= now.getTime())) {
    throw new DomainError('TOKEN_INVALID');
  }
  const user = await d.users.findById(d.db, token.userId);
  if (!user || user.disabledAt) throw new DomainError('TOKEN_INVALID');
  const assignments = await d.users.assignments(d.db, user.id);
  const access = loginAccess(assignments, now);
  if (!access.ok) throw new DomainError(access.code);
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
    await apiTokensRepo.touch(d.db, token.id, now);
  }
  return {
    kind: 'token',
    userId: user.id,
    username: user.username,
    tokenId: token.id,
    assignments,
    scopes: token.scopes,
  };
}
