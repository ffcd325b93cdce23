/**
 * Create a user with one role assignment (R-61 password rule, R-63 scope, R-89 time box). Callable by an
 * admin or by the local operator (CLI). All checks run before anything is written.
 */
import type { Actor } from '../../domain/access/actor.js';
import { can, passwordProblems, validateAssignment } from '../../domain/access/policies.js';
import type { Assignment } from '../../domain/access/scope.js';
import { DomainError } from '../../domain/codes.js';
import { hashPassword } from '../../storage/crypto/passwords.js';
import type { Deps } from '../deps.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CreateUserInput {
  username: string;
  displayName: string;
  email: string | null;
  password: string;
  locale: 'nl' | 'en';
  assignment: Omit<Assignment, 'validFrom'> & { validFrom?: Date };
}

export async function createUser(
  d: Pick<Deps, 'db' | 'users' | 'audit' | 'now'>,
  actor: Actor,
  input: CreateUserInput,
): Promise<{ id: string }> {
  const now = d.now();
  if (actor.kind !== 'operator' && !(actor.kind === 'user' && can(actor.assignments, 'user:manage', now))) {
    throw new DomainError('FORBIDDEN');
  }
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(username)) {
    throw new DomainError('VALIDATION_FAILED', {
      field: 'username',
      rule: 'a-z, 0-9, . _ -; 2–64 characters',
    });
  }
  const pw = passwordProblems(input.password);
  if (pw.length) throw new DomainError(pw[0]!, { field: 'password' });
  const assignment: Assignment = { ...input.assignment, validFrom: input.assignment.validFrom ?? now };
  const problems = validateAssignment(assignment, now);
  if (problems.length) throw new DomainError(problems[0]!, { field: 'assignment', codes: problems });
  const passwordHash = await hashPassword(input.password);
  return d.db.transaction(async (tx) => {
    if (await d.users.findByUsername(tx, username))
      throw new DomainError('USERNAME_TAKEN', { field: 'username' });
    for (const [field, table, id] of [
      ['branchId', 'branches', assignment.branchId],
      ['candidateId', 'candidates', assignment.candidateId],
    ] as const) {
      if (id === null) continue;
      if (!UUID.test(id) || (await tx.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id])).rowCount === 0) {
        throw new DomainError('VALIDATION_FAILED', { field, rule: 'unknown id' });
      }
    }
    const id = await d.users.insert(
      tx,
      { username, displayName: input.displayName, email: input.email, passwordHash, locale: input.locale },
      now,
    );
    await d.users.insertAssignment(tx, id, assignment, now);
    await d.audit.append(
      tx,
      [
        {
          type: 'user.created',
          actorType: actor.kind === 'operator' ? 'operator' : 'user',
          actorId: actor.kind === 'operator' ? null : actor.userId,
          objectType: 'user',
          objectId: id,
          data: { role: assignment.role, validUntil: assignment.validUntil?.toISOString() ?? null },
        },
      ],
      now,
    );
    return { id };
  });
}
