/**
 * Log in with username and password. Failed attempts count towards a temporary lockout; the
 * counter and the audit entry are committed even though the login is refused. The password is checked
 * outside the transaction (argon2 takes ~10–20 ms) and the state is then updated under a row lock.
 */

import { afterFailedLogin, isLocked, loginAccess, requiresMfa } from '../../domain/access/policies.js';
import { DomainError } from '../../domain/codes.js';
import { dummyHash, verifyPassword } from '../../storage/crypto/passwords.js';
import { newSecret } from '../../storage/crypto/tokens.js';
import { type SessionStage, sessionsRepo } from '../../storage/sessions-repo.js';
import type { Deps } from '../deps.js';

export interface LogInResult {
  sessionToken: string;
  csrfToken: string;
  stage: SessionStage;
}

export async function logIn(
  d: Pick<Deps, 'db' | 'users' | 'audit' | 'config' | 'now'>,
  input: { username: string; password: string },
): Promise<LogInResult> {
  const user = await d.users.findByUsername(d.db, input.username);
  if (!user || user.disabledAt) {
    await verifyPassword(await dummyHash(), input.password);
    await d.db.transaction((tx) =>
      d.audit.append(
        tx,
        [
          {
            type: 'auth.login_failed',
            actorType: 'anonymous',
            actorId: null,
            data: { reason: 'unknown_user' },
          },
        ],
        d.now(),
      ),
    );
    throw new DomainError('INVALID_CREDENTIALS');
  }
  if (isLocked(user.lockedUntil, d.now())) throw new DomainError('LOGIN_LOCKED');
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  const outcome = await d.db.transaction(async (tx) => {
    const now = d.now();
    const fresh = (await d.users.findById(tx, user.id, true))!;
    if (isLocked(fresh.lockedUntil, now)) return { refused: 'LOGIN_LOCKED' as const };
    if (!passwordOk) {
      const next = afterFailedLogin(
        fresh.failedAttempts,
        now,
        d.config.loginMaxAttempts,
        d.config.loginLockMinutes,
      );
      await d.users.setLoginState(tx, user.id, next.failedAttempts, next.lockedUntil);
      await d.audit.append(
        tx,
        [
          { type: 'auth.login_failed', actorType: 'user', actorId: user.id, data: { reason: 'password' } },
          ...(next.lockedUntil
            ? [
                {
                  type: 'auth.locked' as const,
                  actorType: 'system' as const,
                  actorId: null,
                  objectType: 'user',
                  objectId: user.id,
                  data: { until: next.lockedUntil.toISOString() },
                },
              ]
            : []),
        ],
        now,
      );
      return { refused: next.lockedUntil ? ('LOGIN_LOCKED' as const) : ('INVALID_CREDENTIALS' as const) };
    }
    const assignments = await d.users.assignments(tx, user.id);
    const access = loginAccess(assignments, now);
    if (!access.ok) {
      await d.audit.append(
        tx,
        [
          {
            type: 'access.refused',
            actorType: 'user',
            actorId: user.id,
            data: { code: access.code, at: 'login' },
          },
        ],
        now,
      );
      return { refused: access.code };
    }
    const stage: SessionStage = requiresMfa(assignments.map((a) => a.role))
      ? fresh.mfaEnabledAt
        ? 'mfa_verify'
        : 'mfa_enroll'
      : 'active';
    // Failed attempts are forgiven only once the login is complete: a correct password alone must not
    // reset the count of wrong second-factor codes (else password + endless TOTP guesses).
    if (stage === 'active') await d.users.setLoginState(tx, user.id, 0, null);
    const sessionToken = newSecret();
    const csrfToken = newSecret();
    await sessionsRepo.insert(tx, sessionToken, user.id, stage, csrfToken, now);
    await d.audit.append(
      tx,
      [{ type: 'auth.login', actorType: 'user', actorId: user.id, data: { stage } }],
      now,
    );
    return { sessionToken, csrfToken, stage };
  });
  if ('refused' in outcome && outcome.refused) throw new DomainError(outcome.refused);
  return outcome;
}
