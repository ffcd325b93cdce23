import { Anchor, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import { type Counts, cancelImport, FINISHED, reportUrl, useImport } from './api';
import { ReasonsAlert } from './ReasonsAlert';

const COUNT_KEYS: (keyof Counts)[] = ['read', 'inserted', 'duplicates', 'suppressed', 'rejected'];

/** Step 4: live progress (polled), then the counts and the row report. */
export function ProgressStep({ jobId, onAgain }: { jobId: string; onAgain: () => void }) {
  const { t, intlLocale } = useI18n();
  const q = useImport(jobId);
  const cancel = useMutation({ mutationFn: () => cancelImport(jobId), onSuccess: () => q.refetch() });
  const job = q.data;
  const finished = job ? FINISHED.has(job.status) : false;
  const pct = job?.totalRows
    ? Math.min(100, Math.floor((job.counts.read / job.totalRows) * 100))
    : job?.status === 'done'
      ? 100
      : 0;
  const line = typeof job?.errorDetails?.line === 'number' ? (job.errorDetails.line as number) : null;

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-result-title">
      <Title order={2} size="h3" id="kk-result-title" mb="xs">
        {t.imports.resultTitle}
      </Title>
      {q.isPending && <Loading />}
      {q.isError && <ErrorAlert error={q.error} />}
      {job && (
        <Stack gap="md" maw={760}>
          <Text size="sm">
            {job.fileName} · {t.imports.statuses[job.status] ?? job.status}
          </Text>
          {!finished && (
            <Stack gap={4}>
              <Progress value={pct} aria-label={t.imports.progressLabel} animated />
              <Text size="sm" role="status" aria-live="polite">
                {job.totalRows === null
                  ? t.imports.checking
                  : `${pct}% · ${t.imports.progressText(job.counts.read, job.totalRows)}`}
              </Text>
            </Stack>
          )}
          {job.status === 'refused' && (
            <ReasonsAlert title={t.imports.gateRefused} reasons={job.refusalCodes} />
          )}
          {job.status === 'failed' && job.errorCode && (
            <ReasonsAlert title={t.imports.statuses.failed ?? ''} reasons={[job.errorCode]} />
          )}
          {job.status === 'failed' && line !== null && <Text size="sm">{t.imports.failedAtLine(line)}</Text>}
          <Table withTableBorder maw={480}>
            <Table.Caption>{t.imports.countsCaption}</Table.Caption>
            <Table.Tbody>
              {COUNT_KEYS.map((k) => (
                <Table.Tr key={k}>
                  <Table.Th scope="row" fw={400}>
                    {t.imports.counts[k]}
                  </Table.Th>
                  <Table.Td ta="right">{job.counts[k].toLocaleString(intlLocale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {finished && job.counts.read > 0 && (
            <Stack gap={2}>
              <Anchor href={reportUrl(job.id)} download>
                {t.imports.report}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t.imports.reportHint}
              </Text>
            </Stack>
          )}
          {cancel.isError && <ErrorAlert error={cancel.error} />}
          <Group>
            {!finished && (
              <Button variant="subtle" color="red" onClick={() => cancel.mutate()} loading={cancel.isPending}>
                {t.imports.cancel}
              </Button>
            )}
            {finished && <Button onClick={onAgain}>{t.imports.again}</Button>}
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
