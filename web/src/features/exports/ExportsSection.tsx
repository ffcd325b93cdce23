/**
 * Exports and platform lists from an audience (C5): choose the audience, the kind, and optionally another
 * activity or recipient; the server freezes the audience, checks every person and shows the decision with
 * the counts per reason; produced files are downloaded here (never uploaded by Kieskluis).
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDate, useI18n } from '../../i18n';
import { useAudiences } from '../audiences/api';
import { strongAlert, strongBadge } from '../audiences/contrast';
import {
  type CustomAudienceRecord,
  customAudienceFileUrl,
  type ExportRecord,
  exportFileUrl,
  exportsKey,
  requestCustomAudience,
  requestExport,
  useActivities,
  useDestinations,
  useExports,
} from './api';
import { ReasonCounts, ReasonList } from './ReasonCounts';

type Outcome =
  | { kind: 'export'; record: ExportRecord }
  | { kind: 'platform'; record: CustomAudienceRecord }
  | { kind: 'refused'; reasons: string[]; excluded: Record<string, number> };

function refusalOf(error: unknown): Outcome | null {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null)
    return null;
  const d = error.details as { reasons?: unknown; excluded?: unknown };
  if (!Array.isArray(d.reasons)) return null;
  return {
    kind: 'refused',
    reasons: d.reasons.filter((x): x is string => typeof x === 'string'),
    excluded: (d.excluded ?? {}) as Record<string, number>,
  };
}

function Decision({ outcome }: { outcome: Outcome }) {
  const { t } = useI18n();
  const m = t.exports.exports;
  if (outcome.kind === 'refused') {
    return (
      <Alert color="red" variant="light" title={m.refused} role="alert" styles={strongAlert('red')}>
        <Text size="sm" fw={600} mt={4}>
          {m.reasons}
        </Text>
        <ReasonList codes={outcome.reasons} />
        <Text size="sm" fw={600} mt="sm">
          {m.excludedTitle}
        </Text>
        <ReasonCounts counts={outcome.excluded} />
      </Alert>
    );
  }
  const r = outcome.record;
  const n = outcome.kind === 'export' ? outcome.record.personCount : outcome.record.includedCount;
  const awaiting = outcome.kind === 'export' && outcome.record.status === 'awaiting_approval';
  return (
    <Alert
      color={awaiting ? 'yellow' : 'teal'}
      variant="light"
      title={m.decision}
      role="status"
      styles={strongAlert(awaiting ? 'yellow' : 'teal')}
    >
      <Text size="sm">{awaiting ? m.awaiting(n) : m.produced(n)}</Text>
      <Text size="sm" fw={600} mt="sm">
        {m.excludedTitle}
      </Text>
      <ReasonCounts counts={r.excludedCounts} />
    </Alert>
  );
}

function RequestForm() {
  const { t } = useI18n();
  const m = t.exports.exports;
  const queryClient = useQueryClient();
  const audiences = useAudiences();
  const activities = useActivities();
  const destinations = useDestinations();
  const [audienceId, setAudienceId] = useState<string | null>(null);
  const [type, setType] = useState<'csv' | 'platform'>('csv');
  const [activityId, setActivityId] = useState<string | null>(null);
  const [destinationId, setDestinationId] = useState<string | null>(null);
  const [lookalike, setLookalike] = useState(false);
  const [touched, setTouched] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = useMutation({
    mutationFn: async (): Promise<Outcome> => {
      const body = { audienceId: audienceId!, activityId, destinationId };
      if (type === 'csv') return { kind: 'export', record: await requestExport(body) };
      return { kind: 'platform', record: await requestCustomAudience({ ...body, lookalike }) };
    },
    onSuccess: (o) => setOutcome(o),
    onError: (e) => setOutcome(refusalOf(e)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: exportsKey }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setOutcome(null);
    if (!audienceId) return;
    run.mutate();
  }

  const fromActivity = t.exports.common.fromActivity;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="kk-export-request-title">
      <Stack gap="sm" maw={640}>
        <Title order={3} size="h4" id="kk-export-request-title">
          {m.requestTitle}
        </Title>
        {(audiences.isError || activities.isError || destinations.isError) && (
          <ErrorAlert error={audiences.error ?? activities.error ?? destinations.error} />
        )}
        <Select
          label={m.audience}
          required
          searchable
          data={(audiences.data?.items ?? []).map((a) => ({
            value: a.id,
            label: `${a.name} (${a.activityName})`,
          }))}
          value={audienceId}
          error={touched && !audienceId ? m.audienceRequired : undefined}
          onChange={setAudienceId}
        />
        <Radio.Group label={m.type} value={type} onChange={(v) => setType(v as 'csv' | 'platform')}>
          <Group mt={4}>
            <Radio value="csv" label={m.typeCsv} />
            <Radio value="platform" label={m.typePlatform} />
          </Group>
        </Radio.Group>
        <Select
          label={`${m.activity} ${t.exports.common.optional}`}
          placeholder={fromActivity}
          clearable
          data={(activities.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
          value={activityId}
          onChange={setActivityId}
        />
        <Select
          label={`${m.destination} ${t.exports.common.optional}`}
          placeholder={fromActivity}
          clearable
          data={(destinations.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={destinationId}
          onChange={setDestinationId}
        />
        {type === 'platform' && (
          <Checkbox
            label={m.lookalike}
            description={m.lookalikeHint}
            checked={lookalike}
            onChange={(e) => setLookalike(e.currentTarget.checked)}
          />
        )}
        <Group>
          <Button type="submit" loading={run.isPending}>
            {m.submit}
          </Button>
        </Group>
        {run.isError && outcome === null && <ErrorAlert error={run.error} />}
        {outcome && <Decision outcome={outcome} />}
      </Stack>
    </form>
  );
}

export function ExportsSection() {
  const { t, intlLocale } = useI18n();
  const m = t.exports.exports;
  const exports = useExports();
  const when = (iso: string) => formatDate(iso, intlLocale, true);
  const items = exports.data?.items ?? [];
  const platform = exports.data?.customAudiences ?? [];

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-exports-title">
      <Title order={2} size="h3" id="kk-exports-title" mb="xs">
        {m.title}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={760}>
        {m.hint}
      </Text>
      <RequestForm />
      {exports.isPending && <Loading />}
      {exports.isError && <ErrorAlert error={exports.error} />}
      {exports.isSuccess && items.length === 0 && platform.length === 0 && (
        <Text size="sm" c="dimmed" mt="xl">
          {m.noneYet}
        </Text>
      )}
      {items.length > 0 && (
        <>
          <Title order={3} size="h4" mt="xl" mb="xs">
            {m.mine}
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table withTableBorder verticalSpacing="xs">
              <Table.Caption className="kk-visually-hidden">{m.listCaption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{m.created}</Table.Th>
                  <Table.Th scope="col">{m.status}</Table.Th>
                  <Table.Th scope="col">{m.persons}</Table.Th>
                  <Table.Th scope="col">{m.reasons}</Table.Th>
                  <Table.Th scope="col">
                    <span className="kk-visually-hidden">{m.download}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{when(e.createdAt)}</Table.Td>
                    <Table.Td>{m.statuses[e.status] ?? e.status}</Table.Td>
                    <Table.Td>{e.personCount}</Table.Td>
                    <Table.Td>{e.reasons.length > 0 && <ReasonList codes={e.reasons} />}</Table.Td>
                    <Table.Td>
                      {(e.status === 'produced' || e.status === 'approved') && (
                        <Anchor
                          href={exportFileUrl(e.id)}
                          download
                          aria-label={m.downloadNamed(when(e.createdAt))}
                        >
                          {m.download}
                        </Anchor>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {platform.length > 0 && (
        <>
          <Title order={3} size="h4" mt="xl" mb="xs">
            {m.minePlatform}
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table withTableBorder verticalSpacing="xs">
              <Table.Caption className="kk-visually-hidden">{m.platformCaption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{m.created}</Table.Th>
                  <Table.Th scope="col">{m.status}</Table.Th>
                  <Table.Th scope="col">{m.persons}</Table.Th>
                  <Table.Th scope="col">{m.reasons}</Table.Th>
                  <Table.Th scope="col">
                    <span className="kk-visually-hidden">{m.download}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {platform.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      {when(c.createdAt)}{' '}
                      {c.lookalike && (
                        <Badge size="xs" color="red" variant="light" styles={strongBadge('red')}>
                          {m.lookalikeBadge}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{m.statuses[c.status] ?? c.status}</Table.Td>
                    <Table.Td>{c.includedCount}</Table.Td>
                    <Table.Td>
                      {c.productRefusals.length + c.reasons.length > 0 && (
                        <ReasonList codes={[...c.productRefusals, ...c.reasons]} />
                      )}
                    </Table.Td>
                    <Table.Td>
                      {c.status === 'produced' && (
                        <Anchor
                          href={customAudienceFileUrl(c.id)}
                          download
                          aria-label={m.downloadNamed(when(c.createdAt))}
                        >
                          {m.download}
                        </Anchor>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Paper>
  );
}
