/**
 * The outbox list for admins: newest first, keyset-paged. Recipients are masked (`j***@example.invalid`)
 * and bodies left out; reading one message is `getOutboxMessage`. The listing is audited with the ids
 * shown (no personal data in the payload).
 */
import type { Actor } from '../../domain/access/actor.js';
import { MailOutboxRepo, type MailStatus, type OutboxSummary } from '../../storage/mail-outbox-repo.js';
import type { Deps } from '../deps.js';
import { outboxReader } from './authorize-outbox.js';

export interface OutboxListItem extends Omit<OutboxSummary, 'to'> {
  /** The recipient, masked. */
  to: string;
}

/** `jan.jansen@example.invalid` → `j***@example.invalid`; the domain stays readable. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

export async function listOutbox(
  d: Pick<Deps, 'db' | 'keyring' | 'audit' | 'now'>,
  actor: Actor,
  input: { before: number | null; limit: number; status: MailStatus | null },
): Promise<{ items: OutboxListItem[]; nextBefore: number | null }> {
  const who = await outboxReader(d, actor, 'mail.outbox_list');
  const repo = new MailOutboxRepo(d.keyring);
  return d.db.transaction(async (tx) => {
    const page = await repo.list(tx, { limit: input.limit, beforeSeq: input.before, status: input.status });
    await d.audit.append(
      tx,
      [
        {
          type: 'mail.outbox_listed',
          ...who,
          objectType: 'mail_outbox',
          data: { ids: page.items.map((m) => m.id), status: input.status },
        },
      ],
      d.now(),
    );
    return {
      items: page.items.map((m) => ({ ...m, to: maskEmail(m.to) })),
      nextBefore: page.nextBefore,
    };
  });
}
