import {
  Badge,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import {
  cancelImport,
  FIELDS,
  type ImportJob,
  importsKey,
  type Mapping,
  mappingsKey,
  POLITICAL_FIELDS,
  reasonsOf,
  saveMapping,
  startImport,
  useMappings,
  usePreview,
} from './api';
import { ObligationsList, ReasonsAlert } from './ReasonsAlert';

function ClassBadge({ field }: { field: string | null }) {
  const { t } = useI18n();
  if (!field) return null;
  return POLITICAL_FIELDS.has(field) ? (
    <Tooltip label={t.imports.classPoliticalHint}>
      <Badge color="grape" variant="light" size="sm">
        {t.imports.classPolitical}
      </Badge>
    </Tooltip>
  ) : (
    <Badge color="gray" variant="light" size="sm">
      {t.imports.classOrdinary}
    </Badge>
  );
}

/** Step 3: the preview with a field per column, saved mappings, the gate's verdict, and start. */
export function MappingStep({
  job,
  onStarted,
  onCancelled,
}: {
  job: ImportJob;
  onStarted: (j: ImportJob) => void;
  onCancelled: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const preview = usePreview(job.id, true);
  const mappings = useMappings();
  const [mapping, setMapping] = useState<Mapping>({});
  const [saved, setSaved] = useState('');
  const [name, setName] = useState('');
  const p = preview.data;
  useEffect(() => {
    if (p) setMapping(p.mapping);
  }, [p]);

  const start = useMutation({
    mutationFn: () => startImport(job.id, mapping),
    onSuccess: (j) => {
      void queryClient.invalidateQueries({ queryKey: importsKey });
      onStarted(j);
    },
  });
  const cancel = useMutation({ mutationFn: () => cancelImport(job.id), onSuccess: onCancelled });
  const save = useMutation({
    mutationFn: () => saveMapping(name.trim(), mapping),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mappingsKey }),
  });

  const applySaved = () => {
    const m = mappings.data?.items.find((x) => x.name === saved);
    if (!m || !p) return;
    setMapping(Object.fromEntries(p.headers.map((h) => [h, m.mapping[h] ?? null])));
  };
  const startError = start.error instanceof ApiError ? start.error : null;
  const problems =
    startError?.code === 'IMPORT_MAPPING_INVALID'
      ? ((
          startError.details as { problems?: { column: string | null; field: string | null; rule: string }[] }
        )?.problems ?? [])
      : [];
  const refusal = startError && startError.status === 422 && !problems.length ? reasonsOf(startError) : [];

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-mapping-title">
      <Title order={2} size="h3" id="kk-mapping-title" mb="xs">
        {t.imports.mappingTitle}
      </Title>
      {preview.isPending && <Loading />}
      {preview.isError &&
        (reasonsOf(preview.error).length > 0 && (preview.error as ApiError).status === 422 ? (
          <ReasonsAlert title={t.imports.refusedTitle} reasons={reasonsOf(preview.error)} />
        ) : (
          <ErrorAlert error={preview.error} />
        ))}
      {p && (
        <Stack gap="md">
          <Text size="sm">
            {job.fileName} · {t.imports.detected(p.format, p.encoding ?? '', p.delimiter ?? '')}
          </Text>
          {p.assessment.status === 'active' ? (
            <Stack gap={4}>
              <Text size="sm" c="teal.9">
                {t.imports.gateOk}
              </Text>
              <ObligationsList obligations={p.assessment.obligations} />
            </Stack>
          ) : (
            <ReasonsAlert
              title={t.imports.gateRefused}
              reasons={p.assessment.reasons}
              columns={p.assessment.columns}
            />
          )}
          <Table.ScrollContainer minWidth={Math.max(600, p.headers.length * 180)}>
            <Table withTableBorder withColumnBorders verticalSpacing="xs" fz="sm">
              <Table.Caption>{t.imports.previewCaption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.imports.rowNumber}</Table.Th>
                  {p.headers.map((h) => (
                    <Table.Th scope="col" key={h}>
                      {h}
                    </Table.Th>
                  ))}
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t.imports.field}</Table.Th>
                  {p.columns.map((c) => (
                    <Table.Td key={c.header}>
                      <Stack gap={4}>
                        <NativeSelect
                          size="xs"
                          aria-label={t.imports.fieldFor(c.header)}
                          value={mapping[c.header] ?? ''}
                          onChange={(e) =>
                            setMapping({ ...mapping, [c.header]: e.currentTarget.value || null })
                          }
                          data={[
                            { value: '', label: t.imports.notImported },
                            ...FIELDS.map((f) => ({ value: f, label: t.imports.fields[f] ?? f })),
                          ]}
                        />
                        <Group gap={4}>
                          <ClassBadge field={mapping[c.header] ?? null} />
                          {c.kinds.map((k) => (
                            <Badge key={k} color="red" variant="outline" size="sm">
                              {t.imports.kinds[k] ?? k}
                            </Badge>
                          ))}
                        </Group>
                      </Stack>
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.rows.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Th scope="row">{r.row}</Table.Th>
                    {p.headers.map((h, i) => (
                      <Table.Td key={h}>{r.cells[i] ?? ''}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>

          <Group align="flex-end" gap="sm">
            <NativeSelect
              label={t.imports.savedMapping}
              value={saved}
              onChange={(e) => setSaved(e.currentTarget.value)}
              data={[
                { value: '', label: t.imports.savedMappingNone },
                ...(mappings.data?.items ?? []).map((m) => ({ value: m.name, label: m.name })),
              ]}
            />
            <Button variant="default" onClick={applySaved} disabled={saved === ''}>
              {t.imports.applyMapping}
            </Button>
            <TextInput
              label={t.imports.mappingName}
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <Button
              variant="default"
              onClick={() => save.mutate()}
              disabled={name.trim() === ''}
              loading={save.isPending}
            >
              {t.imports.saveMapping}
            </Button>
          </Group>
          {save.isSuccess && (
            <Text size="sm" role="status" c="teal.9">
              {t.imports.mappingSaved(save.data.name)}
            </Text>
          )}
          {save.isError && <ErrorAlert error={save.error} />}

          {problems.length > 0 && (
            <div role="alert">
              <Text size="sm" fw={600} c="red.9">
                {t.imports.mappingProblems}
              </Text>
              <List size="sm">
                {problems.map((pr) => (
                  <List.Item key={`${pr.column}-${pr.field}-${pr.rule}`}>
                    {pr.column ?? (pr.field ? t.imports.fields[pr.field] : '')}:{' '}
                    {t.imports.mappingRules[pr.rule] ?? pr.rule}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          {refusal.length > 0 && (
            <ReasonsAlert
              title={t.imports.gateRefused}
              reasons={refusal}
              columns={(startError?.details as { columns?: Record<string, string[]> })?.columns}
            />
          )}
          {startError && problems.length === 0 && refusal.length === 0 && <ErrorAlert error={startError} />}
          {cancel.isError && <ErrorAlert error={cancel.error} />}
          <Group>
            <Button onClick={() => start.mutate()} loading={start.isPending}>
              {t.imports.start}
            </Button>
            <Button variant="subtle" color="red" onClick={() => cancel.mutate()} loading={cancel.isPending}>
              {t.imports.cancel}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
