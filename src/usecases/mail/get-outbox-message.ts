/**
 * One outgoing mail in full (recipient, subject, text and HTML body) for an admin; the read is audited
 * in the same transaction, with the person the mail is about. Unknown id: NOT_FOUND.
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { MailOutboxRepo, type OutboxMessage } from '../../storage/mail-outbox-repo.js';
import type { Deps } from '../deps.js';
import { outboxReader } from './authorize-outbox.js';

export async function getOutboxMessage(
  d: Pick<Deps, 'db' | 'keyring' | 'audit' | 'now'>,
  actor: Actor,
  id: string,
): Promise<OutboxMessage> {
  const who = await outboxReader(d, actor, 'mail.read', { objectType: 'mail_outbox', objectId: id });
  const repo = new MailOutboxRepo(d.keyring);
  const message = await d.db.transaction(async (tx) => {
    const m = await repo.get(tx, id);
    if (!m) return null;
    await d.audit.append(
      tx,
      [
        {
          type: 'mail.read',
          ...who,
          personId: m.personId,
          objectType: 'mail_outbox',
          objectId: m.id,
          data: { kind: m.kind },
        },
      ],
      d.now(),
    );
    return m;
  });
  if (!message) throw new DomainError('NOT_FOUND');
  return message;
}
