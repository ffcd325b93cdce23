/**
 * API tokens for integrations: scoped (never beyond the user's own permissions), expiring, revocable;
 * the secret is shown once and only its hash is stored.
 */
import { TOKEN_SCOPES } from '../../domain/access/actor.js';
import { can } from '../../domain/access/policies.js';
import { DomainError } from '../../domain/codes.js';
import { apiTokensRepo } from '../../storage/api-tokens-repo.js';
import { newSecret } from '../../storage/crypto/tokens.js';
import type { SignedIn } from '../auth/resolve-session.js';
import type { Deps } from '../deps.js';

export const TOKEN_PREFIX = 'kk_';

export async function createApiToken(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  s: SignedIn,
  input: { name: string; scopes: string[]; expiresInDays: number | null },
) {
  const now = d.now();
  if (!can(s.assignments, 'token:manage_own', now)) throw new DomainError('FORBIDDEN');
  for (const scope of input.scopes) {
    const perms = TOKEN_SCOPES[scope];
    if (!perms) throw new DomainError('VALIDATION_FAILED', { field: 'scopes', unknown: scope });
    if (!perms.every((p) => can(s.assignments, p, now))) {
      throw new DomainError('FORBIDDEN', { field: 'scopes', scope });
    }
  }
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  return d.db.transaction(async (tx) => {
    const rec = await apiTokensRepo.insert(
      tx,
      { userId: s.user.id, name: input.name, secret, scopes: input.scopes, expiresAt },
      now,
    );
    await d.audit.append(
      tx,
      [
        {
          type: 'token.created',
          actorType: 'user',
          actorId: s.user.id,
          objectType: 'api_token',
          objectId: rec.id,
          data: { scopes: input.scopes, expiresAt: expiresAt?.toISOString() ?? null },
        },
      ],
      now,
    );
    return { ...rec, token: secret };
  });
}
