/** End a session. */
import { sessionsRepo } from '../../storage/sessions-repo.js';
import type { Deps } from '../deps.js';
import type { SignedIn } from './resolve-session.js';

export async function logOut(d: Pick<Deps, 'db' | 'audit' | 'now'>, s: SignedIn): Promise<void> {
  await d.db.transaction(async (tx) => {
    await sessionsRepo.delete(tx, s.session.idHash);
    await d.audit.append(tx, [{ type: 'auth.logout', actorType: 'user', actorId: s.user.id }], d.now());
  });
}
