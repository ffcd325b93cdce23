/** The user's own API tokens (never the secrets). */
import { apiTokensRepo } from '../../storage/api-tokens-repo.js';
import type { SignedIn } from '../auth/resolve-session.js';
import type { Deps } from '../deps.js';

export function listApiTokens(d: Pick<Deps, 'db'>, s: SignedIn) {
  return apiTokensRepo.listForUser(d.db, s.user.id);
}
