/** Revoke one of the user's own tokens; someone else's token does not exist for them (404). */
import { DomainError } from '../../domain/codes.js';
import { apiTokensRepo } from '../../storage/api-tokens-repo.js';
import type { SignedIn } from '../auth/resolve-session.js';
import type { Deps } from '../deps.js';

export async function revokeApiToken(d: Pick<Deps, 'db' | 'audit' | 'now'>, s: SignedIn, id: string) {
  await d.db.transaction(async (tx) => {
    const now = d.now();
    if (!(await apiTokensRepo.revoke(tx, id, s.user.id, now))) throw new DomainError('NOT_FOUND');
    await d.audit.append(
      tx,
      [
        {
          type: 'token.revoked',
          actorType: 'user',
          actorId: s.user.id,
          objectType: 'api_token',
          objectId: id,
        },
      ],
      now,
    );
  });
}
