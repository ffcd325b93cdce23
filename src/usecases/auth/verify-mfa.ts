/**
 * Second factor at login: a TOTP code within ±30 s, never the same time step twice (no replay).
 * Wrong codes count towards the same lockout as wrong passwords.
 */

import { afterFailedLogin, isLocked } from '../../domain/access/policies.js';
import { DomainError } from '../../domain/codes.js';
import { newSecret } from '../../storage/crypto/tokens.js';
import { matchTotp } from '../../storage/crypto/totp.js';
import { sessionsRepo } from '../../storage/sessions-repo.js';
import type { Deps } from '../deps.js';
import type { SignedIn } from './resolve-session.js';

export async function verifyMfa(
  d: Pick<Deps, 'db' | 'users' | 'audit' | 'config' | 'now'>,
  s: SignedIn,
  code: string,
): Promise<{ csrfToken: string }> {
  if (s.session.stage !== 'mfa_verify') throw new DomainError('UNAUTHENTICATED');
  const outcome = await d.db.transaction(async (tx) => {
    const now = d.now();
    const user = (await d.users.findById(tx, s.user.id, true))!;
    if (isLocked(user.lockedUntil, now)) {
      await sessionsRepo.delete(tx, s.session.idHash);
      return { refused: 'LOGIN_LOCKED' as const };
    }
    const step = user.totpSecret ? matchTotp(user.totpSecret, code, now) : null;
    if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) {
      const next = afterFailedLogin(
        user.failedAttempts,
        now,
        d.config.loginMaxAttempts,
        d.config.loginLockMinutes,
      );
      await d.users.setLoginState(tx, user.id, next.failedAttempts, next.lockedUntil);
      await d.audit.append(
        tx,
        [{ type: 'auth.mfa_failed', actorType: 'user', actorId: user.id, data: { replay: step !== null } }],
        now,
      );
      if (next.lockedUntil) await sessionsRepo.delete(tx, s.session.idHash);
      return { refused: next.lockedUntil ? ('LOGIN_LOCKED' as const) : ('MFA_INVALID' as const) };
    }
    await d.users.setTotpLastStep(tx, user.id, step);
    await d.users.setLoginState(tx, user.id, 0, null);
    const csrfToken = newSecret();
    await sessionsRepo.promote(tx, s.session.idHash, 'active', csrfToken, now);
    await d.audit.append(tx, [{ type: 'auth.mfa_verified', actorType: 'user', actorId: user.id }], now);
    return { csrfToken };
  });
  if ('refused' in outcome && outcome.refused) throw new DomainError(outcome.refused);
  return outcome;
}
