/** Verify the audit chain (FG or local operator) and record that it was verified, with the outcome. */
import type { Actor } from '../../domain/access/actor.js';
import { can } from '../../domain/access/policies.js';
import { DomainError } from '../../domain/codes.js';
import { type VerifyReport, verifyAuditChain } from '../../storage/audit-log.js';
import type { Deps } from '../deps.js';

export async function verifyAudit(
  d: Pick<Deps, 'db' | 'keyring' | 'audit' | 'now'>,
  actor: Actor,
): Promise<VerifyReport> {
  if (
    actor.kind !== 'operator' &&
    !(actor.kind === 'user' && can(actor.assignments, 'audit:verify', d.now()))
  ) {
    throw new DomainError('FORBIDDEN');
  }
  const report = await verifyAuditChain(d.db, d.keyring.auditKey);
  await d.db.transaction((tx) =>
    d.audit.append(
      tx,
      [
        {
          type: 'audit.verified',
          actorType: actor.kind === 'operator' ? 'operator' : 'user',
          actorId: actor.kind === 'user' ? actor.userId : null,
          data: { ok: report.ok, entries: report.entries, problems: report.problems.length },
        },
      ],
      d.now(),
    ),
  );
  return report;
}
