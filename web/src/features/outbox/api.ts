import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export type MailStatus = 'queued' | 'sent' | 'failed' | 'held';

export interface OutboxItem {
  id: string;
  kind: string;
  /** Masked in the list (j***@example.invalid). */
  to: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxMessage extends OutboxItem {
  personId: string | null;
  text: string;
  html: string | null;
}

interface OutboxPage {
  items: OutboxItem[];
  nextBefore: number | null;
}

export const outboxKey = ['outbox'] as const;

export function useOutbox(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: outboxKey,
    enabled,
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      api<OutboxPage>('GET', `/api/v1/outbox?limit=50${pageParam ? `&before=${pageParam}` : ''}`),
    getNextPageParam: (last) => last.nextBefore,
  });
}

/** Reading one message is audited on the server; it is fetched only when an admin opens it. */
export function useOutboxMessage(id: string | null) {
  return useQuery({
    queryKey: [...outboxKey, 'message', id],
    enabled: id !== null,
    queryFn: () => api<OutboxMessage>('GET', `/api/v1/outbox/${id}`),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
