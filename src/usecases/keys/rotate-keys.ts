/**
 * Rotate the field-encryption key without downtime: a new data key becomes active at once (new writes
 * use it, reads decrypt any known key), and the `keys.reencrypt` job moves existing fields onto it in
 * small batches. Without a job queue (CLI on a stopped embedded database) it re-encrypts inline.
 */
import type { Actor } from '../../domain/access/actor.js';
import { can } from '../../domain/access/policies.js';
import { DomainError } from '../../domain/codes.js';
import { reencryptAll } from '../../storage/crypto/reencrypt.js';
import type { Deps } from '../deps.js';

export const REENCRYPT_JOB = 'keys.reencrypt';

export async function rotateKeys(
  d: Pick<Deps, 'db' | 'keyring' | 'audit' | 'jobs' | 'now'>,
  actor: Actor,
  opts: { inline?: boolean } = {},
): Promise<{ activeKeyId: string; previousKeyId: string; queued: boolean; reencrypted: number | null }> {
  if (
    actor.kind !== 'operator' &&
    !(actor.kind === 'user' && can(actor.assignments, 'keys:rotate', d.now()))
  ) {
    throw new DomainError('FORBIDDEN');
  }
  const previousKeyId = d.keyring.activeKeyId;
  const activeKeyId = await d.db.transaction(async (tx) => {
    const id = await d.keyring.rotate(tx);
    await d.audit.append(
      tx,
      [
        {
          type: 'keys.rotated',
          actorType: actor.kind === 'operator' ? 'operator' : 'user',
          actorId: actor.kind === 'user' ? actor.userId : null,
          data: { previousKeyId, activeKeyId: id },
        },
      ],
      d.now(),
    );
    return id;
  });
  if (d.jobs && !opts.inline) {
    await d.jobs.send(REENCRYPT_JOB, { activeKeyId });
    return { activeKeyId, previousKeyId, queued: true, reencrypted: null };
  }
  const reencrypted = await reencryptFields(d);
  return { activeKeyId, previousKeyId, queued: false, reencrypted };
}

/** The job body: move every field onto the active key, then record how many moved. */
export async function reencryptFields(d: Pick<Deps, 'db' | 'keyring' | 'audit' | 'now'>): Promise<number> {
  await d.keyring.reload(d.db);
  const n = await reencryptAll(d.db, d.keyring);
  await d.db.transaction((tx) =>
    d.audit.append(
      tx,
      [
        {
          type: 'keys.reencrypted',
          actorType: 'system',
          actorId: null,
          data: { fields: n, keyId: d.keyring.activeKeyId },
        },
      ],
      d.now(),
    ),
  );
  return n;
}
