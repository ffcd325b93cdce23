import { Badge, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import { completeProvenance, type Dataset, datasetsKey, reasonsOf, useDatasets } from './api';
import { DatasetForm } from './DatasetForm';
import { EMPTY_PROVENANCE, ProvenanceFields } from './ProvenanceFields';
import { ObligationsList, ReasonsAlert } from './ReasonsAlert';

const STATUS_COLOR = { active: 'teal', quarantine: 'yellow', refused: 'red' } as const;

export function DatasetBadge({ d }: { d: Dataset }) {
  const { t } = useI18n();
  return (
    <Badge color={STATUS_COLOR[d.status]} variant="light">
      {t.imports.datasetStatus[d.status]}
    </Badge>
  );
}

/** Quarantine: complete the provenance statement, the only way out. */
function CompleteProvenance({ d }: { d: Dataset }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [value, setValue] = useState({ ...EMPTY_PROVENANCE, ...d });
  const save = useMutation({
    mutationFn: () =>
      completeProvenance(d.id, {
        description: value.description,
        noticeGiven: value.noticeGiven,
        collectedFrom: value.collectedFrom,
        collectedUntil: value.collectedUntil,
        lawfulBasis: value.lawfulBasis,
        supplier: value.supplier,
        collectionMethod: value.collectionMethod,
        consentText: value.consentText,
        consentNamesParty: value.consentNamesParty,
        documentReference: value.documentReference,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: datasetsKey }),
  });
  const reasons = reasonsOf(save.error);
  const missing =
    (save.error as { details?: { missingProvenance?: string[] } } | null)?.details?.missingProvenance ?? [];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      <Stack gap="sm" maw={640}>
        {save.isError && reasons.length > 0 && (
          <ReasonsAlert
            title={t.imports.quarantineTitle}
            reasons={reasons}
            missing={missing}
            color="yellow"
          />
        )}
        {save.isError && reasons.length === 0 && <ErrorAlert error={save.error} />}
        <ProvenanceFields
          value={value}
          onChange={(v) => setValue({ ...value, ...v })}
          touched
          headingId={`kk-prov-${d.id}`}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t.imports.saveProvenance}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Step 1: choose an existing dataset or record a new one; refusals and quarantine in plain words. */
export function DatasetStep({ onChoose }: { onChoose: (id: string) => void }) {
  const { t } = useI18n();
  const datasets = useDatasets();
  const items = datasets.data?.items ?? [];
  const [selected, setSelected] = useState<string>('');
  const [creating, setCreating] = useState(false);
  const chosen = items.find((d) => d.id === selected) ?? null;

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-dataset-title">
      <Title order={2} size="h3" id="kk-dataset-title" mb="xs">
        {t.imports.datasetTitle}
      </Title>
      <Text size="sm" mb="md">
        {t.imports.datasetIntro}
      </Text>
      {datasets.isPending && <Loading />}
      {datasets.isError && <ErrorAlert error={datasets.error} />}
      <Stack gap="md">
        {datasets.isSuccess && items.length === 0 && <Text c="dimmed">{t.imports.noDatasets}</Text>}
        {items.length > 0 && (
          <NativeSelect
            label={t.imports.chooseDataset}
            value={selected}
            onChange={(e) => setSelected(e.currentTarget.value)}
            data={[
              { value: '', label: t.imports.chooseDatasetPlaceholder },
              ...items.map((d) => ({
                value: d.id,
                label: `${d.name} · ${t.imports.origins[d.origin] ?? d.origin} · ${t.imports.datasetStatus[d.status]}`,
              })),
            ]}
            maw={640}
          />
        )}
        {chosen && (
          <Stack gap="sm" maw={640}>
            <Group gap="xs">
              <Text fw={600}>{chosen.name}</Text>
              <DatasetBadge d={chosen} />
            </Group>
            {chosen.status === 'refused' && (
              <ReasonsAlert title={t.imports.refusedTitle} reasons={chosen.reasons} />
            )}
            {chosen.status === 'quarantine' && (
              <>
                <ReasonsAlert
                  title={t.imports.quarantineTitle}
                  reasons={chosen.reasons}
                  missing={chosen.missingProvenance}
                  purgeAt={chosen.purgeAt}
                  color="yellow"
                />
                <CompleteProvenance d={chosen} />
              </>
            )}
            {chosen.status === 'active' && (
              <>
                <ObligationsList obligations={chosen.obligations} />
                <Group>
                  <Button onClick={() => onChoose(chosen.id)}>{t.imports.useDataset}</Button>
                </Group>
              </>
            )}
          </Stack>
        )}
        <div>
          <Button variant="default" onClick={() => setCreating((c) => !c)} aria-expanded={creating}>
            {t.imports.newDataset}
          </Button>
        </div>
        {creating && (
          <DatasetForm
            onCreated={(d) => {
              setCreating(false);
              setSelected(d.id);
              if (d.status === 'active') onChoose(d.id);
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}
