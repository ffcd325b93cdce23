/** The FG's queue: exports above the threshold waiting for a second approver. */
import { Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDate, useI18n } from '../../i18n';
import { approveExport, declineExport, exportsKey, useExports } from './api';
import { ReasonCounts } from './ReasonCounts';

export function ExportApprovals() {
  const { t, intlLocale } = useI18n();
  const m = t.exports.approvals;
  const queryClient = useQueryClient();
  const exports = useExports();
  const [done, setDone] = useState(false);
  const act = useMutation({
    mutationFn: ({ id, approve }: { id: string; approve: boolean }) =>
      approve ? approveExport(id) : declineExport(id),
    onSuccess: () => {
      setDone(true);
      return queryClient.invalidateQueries({ queryKey: exportsKey });
    },
  });
  const waiting = (exports.data?.items ?? []).filter((e) => e.status === 'awaiting_approval');
  const when = (iso: string) => formatDate(iso, intlLocale, true);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-approvals-title">
      <Title order={2} size="h3" id="kk-approvals-title" mb="xs">
        {m.title}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={760}>
        {m.hint}
      </Text>
      {exports.isPending && <Loading />}
      {exports.isError && <ErrorAlert error={exports.error} />}
      {act.isError && <ErrorAlert error={act.error} />}
      {done && (
        <Text size="sm" role="status" c="teal.9" mb="xs">
          {m.done}
        </Text>
      )}
      {exports.isSuccess && waiting.length === 0 && <Text c="dimmed">{m.none}</Text>}
      {waiting.length > 0 && (
        <Table withTableBorder verticalSpacing="xs">
          <Table.Caption className="kk-visually-hidden">{m.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.exports.exports.created}</Table.Th>
              <Table.Th scope="col">{t.exports.exports.persons}</Table.Th>
              <Table.Th scope="col">{t.exports.exports.excludedTitle}</Table.Th>
              <Table.Th scope="col">
                <span className="kk-visually-hidden">{m.approve}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {waiting.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{when(e.createdAt)}</Table.Td>
                <Table.Td>{e.personCount}</Table.Td>
                <Table.Td>
                  <ReasonCounts counts={e.excludedCounts} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      aria-label={m.approveNamed(when(e.createdAt))}
                      loading={act.isPending}
                      onClick={() => act.mutate({ id: e.id, approve: true })}
                    >
                      {m.approve}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      color="red"
                      aria-label={m.declineNamed(when(e.createdAt))}
                      loading={act.isPending}
                      onClick={() => act.mutate({ id: e.id, approve: false })}
                    >
                      {m.decline}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
