/**
 * First-login enrolment of the TOTP second factor: `beginMfaEnrolment` hands out the secret (kept
 * encrypted), `confirmMfaEnrolment` switches MFA on once the user proves they hold it.
 */
import { DomainError } from '../../domain/codes.js';
import { newSecret } from '../../storage/crypto/tokens.js';
import { matchTotp, newTotpSecret, otpauthUri } from '../../storage/crypto/totp.js';
import { sessionsRepo } from '../../storage/sessions-repo.js';
import type { Deps } from '../deps.js';
import type { SignedIn } from './resolve-session.js';

export async function beginMfaEnrolment(
  d: Pick<Deps, 'db' | 'users'>,
  s: SignedIn,
): Promise<{ secret: string; otpauthUri: string }> {
  if (s.session.stage !== 'mfa_enroll') throw new DomainError('MFA_ALREADY_ENROLLED');
  return d.db.transaction(async (tx) => {
    const user = (await d.users.findById(tx, s.user.id, true))!;
    if (user.mfaEnabledAt) throw new DomainError('MFA_ALREADY_ENROLLED');
    let secret = user.totpSecret;
    if (!secret) {
      secret = newTotpSecret();
      await d.users.setTotpSecret(tx, user.id, secret);
    }
    return { secret, otpauthUri: otpauthUri(secret, user.username) };
  });
}

export async function confirmMfaEnrolment(
  d: Pick<Deps, 'db' | 'users' | 'audit' | 'now'>,
  s: SignedIn,
  code: string,
): Promise<{ csrfToken: string }> {
  if (s.session.stage !== 'mfa_enroll') throw new DomainError('MFA_ALREADY_ENROLLED');
  return d.db.transaction(async (tx) => {
    const now = d.now();
    const user = (await d.users.findById(tx, s.user.id, true))!;
    if (user.mfaEnabledAt) throw new DomainError('MFA_ALREADY_ENROLLED');
    const step = user.totpSecret ? matchTotp(user.totpSecret, code, now) : null;
    if (step === null) throw new DomainError('MFA_INVALID');
    await d.users.enableMfa(tx, user.id, step, now);
    await d.users.setLoginState(tx, user.id, 0, null);
    const csrfToken = newSecret();
    await sessionsRepo.promote(tx, s.session.idHash, 'active', csrfToken, now);
    await d.audit.append(tx, [{ type: 'auth.mfa_enrolled', actorType: 'user', actorId: user.id }], now);
    return { csrfToken };
  });
}
