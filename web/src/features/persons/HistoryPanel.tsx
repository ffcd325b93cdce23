import { Button, Table, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDate, useI18n } from '../../i18n';
import { usePersonHistory } from './api';

/** The person's audit events, newest first (admin and FG); loading them is itself recorded. */
export function HistoryPanel({ id }: { id: string }) {
  const { t, intlLocale } = useI18n();
  const r = t.register;
  const history = usePersonHistory(id);
  const rows = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="kk-history">
      <Title order={2} size="h3" id="kk-history" mb="xs">
        {r.history.title}
      </Title>
      <Text size="sm" mb="sm" maw={720}>
        {r.history.intro}
      </Text>
      {history.isPending && <Loading />}
      {history.isError && <ErrorAlert error={history.error} />}
      {history.isSuccess && rows.length === 0 && <Text size="sm">{r.history.empty}</Text>}
      {rows.length > 0 && (
        <Table striped withTableBorder>
          <Table.Caption className="kk-visually-hidden">{r.history.title}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{r.history.at}</Table.Th>
              <Table.Th scope="col">{r.history.event}</Table.Th>
              <Table.Th scope="col">{r.history.actor}</Table.Th>
              <Table.Th scope="col">{r.history.purpose}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.seq}>
                <Table.Td>{formatDate(e.at, intlLocale, true)}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {e.type}
                    {typeof e.data.code === 'string' ? ` (${e.data.code})` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>{e.actorName ?? (e.actorType === 'user' ? '—' : r.history.system)}</Table.Td>
                <Table.Td>{e.purpose ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {history.hasNextPage && (
        <Button
          variant="default"
          mt="sm"
          onClick={() => history.fetchNextPage()}
          loading={history.isFetchingNextPage}
        >
          {r.history.more}
        </Button>
      )}
    </section>
  );
}
