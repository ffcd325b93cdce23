/**
 * Turn a session cookie into the signed-in user, or refuse: unknown → UNAUTHENTICATED; idle or too old →
 * SESSION_EXPIRED; every role expired → ACCESS_EXPIRED and the session is ended.
 */

import { loginAccess, sessionValid } from '../../domain/access/policies.js';
import { DomainError } from '../../domain/codes.js';
import { type SessionRecord, sessionsRepo } from '../../storage/sessions-repo.js';
import type { AssignmentRecord, UserRecord } from '../../storage/users-repo.js';
import type { Deps } from '../deps.js';

export interface SignedIn {
  session: SessionRecord;
  user: UserRecord;
  assignments: AssignmentRecord[];
}

/** Only write last_seen_at when it moved by more than this, so reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

export async function resolveSession(
  d: Pick<Deps, 'db' | 'users' | 'config' | 'now'>,
  token: string,
): Promise<SignedIn> {
  const now = d.now();
  const session = await sessionsRepo.find(d.db, token);
  if (!session) throw new DomainError('UNAUTHENTICATED');
  if (!sessionValid(session, now, d.config.sessionIdleMinutes, d.config.sessionMaxHours)) {
    await sessionsRepo.delete(d.db, session.idHash);
    throw new DomainError('SESSION_EXPIRED');
  }
  const user = await d.users.findById(d.db, session.userId);
  if (!user || user.disabledAt) {
    await sessionsRepo.delete(d.db, session.idHash);
    throw new DomainError('UNAUTHENTICATED');
  }
  const assignments = await d.users.assignments(d.db, user.id);
  const access = loginAccess(assignments, now);
  if (!access.ok) {
    // The role has ended: end every session of this user, not only this one.
    await sessionsRepo.deleteForUser(d.db, user.id);
    throw new DomainError(access.code);
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await sessionsRepo.touch(d.db, session.idHash, now);
  }
  return { session, user, assignments };
}
