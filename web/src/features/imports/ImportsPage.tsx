import { Anchor, Paper, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, useI18n } from '../../i18n';
import { type ImportJob, importsKey, useImports } from './api';
import { DatasetStep } from './DatasetStep';
import { MappingStep } from './MappingStep';
import { ProgressStep } from './ProgressStep';
import { UploadStep } from './UploadStep';

function History({ onOpen }: { onOpen: (j: ImportJob) => void }) {
  const { t, intlLocale } = useI18n();
  const imports = useImports();
  const items = imports.data?.items ?? [];
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-history-title">
      <Title order={2} size="h3" id="kk-history-title" mb="sm">
        {t.imports.historyTitle}
      </Title>
      {imports.isError && <ErrorAlert error={imports.error} />}
      {imports.isSuccess && items.length === 0 && <Text c="dimmed">{t.imports.noImports}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder verticalSpacing="xs" fz="sm">
            <Table.Caption className="kk-visually-hidden">{t.imports.historyCaption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.imports.fileName}</Table.Th>
                <Table.Th scope="col">{t.imports.status}</Table.Th>
                <Table.Th scope="col">{t.imports.counts.inserted}</Table.Th>
                <Table.Th scope="col">{t.imports.started}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.slice(0, 20).map((j) => (
                <Table.Tr key={j.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component="button" type="button" size="sm" onClick={() => onOpen(j)}>
                      {j.fileName}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{t.imports.statuses[j.status] ?? j.status}</Table.Td>
                  <Table.Td>{j.counts.inserted.toLocaleString(intlLocale)}</Table.Td>
                  <Table.Td>{formatDate(j.createdAt, intlLocale, true)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** Importeren: dataset (provenance gate) → file → columns → progress and result. */
export function ImportsPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [datasetId, setDatasetId] = useState<string | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [started, setStarted] = useState(false);
  const step =
    job && (started || !['uploaded', 'previewed'].includes(job.status)) ? 3 : job ? 2 : datasetId ? 1 : 0;
  const reset = () => {
    setJob(null);
    setStarted(false);
    void queryClient.invalidateQueries({ queryKey: importsKey });
  };

  return (
    <>
      <PageTitle>{t.imports.title}</PageTitle>
      <Text maw={760} mb="lg">
        {t.imports.intro}
      </Text>
      <Stack gap="xl" maw={1200}>
        <Stepper active={step} size="sm" aria-label={t.imports.stepsLabel} allowNextStepsSelect={false}>
          <Stepper.Step label={t.imports.steps.dataset} />
          <Stepper.Step label={t.imports.steps.upload} />
          <Stepper.Step label={t.imports.steps.mapping} />
          <Stepper.Step label={t.imports.steps.result} />
        </Stepper>
        {step === 0 && <DatasetStep onChoose={setDatasetId} />}
        {step === 1 && datasetId && (
          <UploadStep datasetId={datasetId} onUploaded={setJob} onBack={() => setDatasetId(null)} />
        )}
        {step === 2 && job && (
          <MappingStep
            job={job}
            onStarted={(j) => {
              setJob(j);
              setStarted(true);
            }}
            onCancelled={reset}
          />
        )}
        {step === 3 && job && <ProgressStep jobId={job.id} onAgain={reset} />}
        <History
          onOpen={(j) => {
            setDatasetId(j.datasetId);
            setJob(j);
            setStarted(!['uploaded', 'previewed'].includes(j.status));
          }}
        />
      </Stack>
    </>
  );
}
