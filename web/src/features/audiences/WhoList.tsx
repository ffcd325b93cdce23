/** Who and why (C5): persons included, or excluded for one reason, in pages; each view is audited. */
import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import { explainAudience } from './api';
import { codeText } from './codeText';

export function WhoList({
  audienceId,
  outcome,
  reason,
  onClose,
}: {
  audienceId: string;
  outcome: 'included' | 'excluded';
  reason: string | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const m = t.audiences.who;
  const q = useInfiniteQuery({
    queryKey: ['audiences', audienceId, 'explain', outcome, reason],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => explainAudience(audienceId, { outcome, reason, cursor: pageParam }),
    getNextPageParam: (last) => last.next,
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const title =
    outcome === 'included' ? m.includedTitle : m.excludedTitle(reason ? codeText(reason, locale) : '');
  return (
    <Modal opened onClose={onClose} title={title} size="xl" closeButtonProps={{ 'aria-label': m.close }}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {m.audited}
        </Text>
        {q.isLoading && <Loading />}
        {q.isError && <ErrorAlert error={q.error} />}
        {q.isSuccess && items.length === 0 && <Text>{m.none}</Text>}
        {items.length > 0 && (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{m.name}</Table.Th>
                <Table.Th>{m.branch}</Table.Th>
                {outcome === 'excluded' && <Table.Th>{m.reasons}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.personId}>
                  <Table.Td>{p.displayName}</Table.Td>
                  <Table.Td>{p.branchName ?? '—'}</Table.Td>
                  {outcome === 'excluded' && (
                    <Table.Td>
                      {p.reasons.map((r) => (
                        <Text key={r} size="sm">
                          {codeText(r, locale)}{' '}
                          <Text span size="xs" ff="monospace">
                            ({r})
                          </Text>
                        </Text>
                      ))}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group>
          {q.hasNextPage && (
            <Button variant="light" loading={q.isFetchingNextPage} onClick={() => q.fetchNextPage()}>
              {m.more}
            </Button>
          )}
          <Button variant="default" onClick={onClose}>
            {m.close}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
