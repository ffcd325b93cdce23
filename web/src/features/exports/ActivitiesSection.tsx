/**
 * The register of processing activities: list, add and edit. Every audience, campaign and
 * export is bound to one; its kind, channel, TTPA class and recipient decide what the legal gate allows.
 */
import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import { useSession } from '../auth/session';
import {
  type Activity,
  type ActivityInput,
  AD_CLASSES,
  activitiesKey,
  CHANNELS,
  createActivity,
  DPIA_STATUSES,
  KINDS,
  updateActivity,
  useActivities,
  useActivityOptions,
} from './api';

const EMPTY: ActivityInput = {
  name: '',
  purpose: '',
  kind: 'MESSAGE',
  channel: 'EMAIL',
  directMarketing: true,
  politicalData: true,
  adClass: 'NOT_POLITICAL_AD',
  consentPurposeId: null,
  destinationId: null,
  dpiaStatus: 'NONE',
  memberCommunicationOverride: false,
  overrideReason: null,
};

function ActivityForm({ initial, onDone }: { initial: Activity | null; onDone: (a: Activity) => void }) {
  const { t } = useI18n();
  const e = t.exports;
  const m = e.activities;
  const queryClient = useQueryClient();
  const options = useActivityOptions();
  const [v, setV] = useState<ActivityInput>(initial ?? EMPTY);
  const [touched, setTouched] = useState(false);
  const prefix = initial ? `kk-activity-${initial.id}` : 'kk-activity-new';

  const save = useMutation({
    mutationFn: (input: ActivityInput) =>
      initial ? updateActivity(initial.id, input) : createActivity(input),
    onSuccess: (a) => {
      if (!initial) {
        setV(EMPTY);
        setTouched(false);
      }
      onDone(a);
      return queryClient.invalidateQueries({ queryKey: activitiesKey });
    },
  });

  const reasonMissing = v.memberCommunicationOverride && !(v.overrideReason ?? '').trim();
  const errors = {
    name: touched && !v.name.trim() ? m.nameRequired : undefined,
    purpose: touched && !v.purpose.trim() ? m.purposeRequired : undefined,
    reason: touched && reasonMissing ? m.overrideReasonRequired : undefined,
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!v.name.trim() || !v.purpose.trim() || reasonMissing) return;
    save.mutate(v);
  }

  const pick = <T extends string>(values: readonly T[], names: Record<string, string>) =>
    values.map((x) => ({ value: x, label: names[x] ?? x }));
  const purposes = (options.data?.consentPurposes ?? []).map((p) => ({ value: p.id, label: p.name }));
  const destinations = (options.data?.destinations ?? []).map((d) => ({
    value: d.id,
    label: `${d.name} (${e.roles[d.role] ?? d.role})`,
  }));

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${prefix}-title`}>
      <Stack gap="sm" maw={640}>
        <Title order={3} size="h4" id={`${prefix}-title`}>
          {initial ? m.editTitle(initial.name) : m.add}
        </Title>
        {save.isError && <ErrorAlert error={save.error} />}
        {options.isError && <ErrorAlert error={options.error} />}
        <TextInput
          label={m.name}
          required
          maxLength={200}
          value={v.name}
          error={errors.name}
          onChange={(x) => setV({ ...v, name: x.currentTarget.value })}
        />
        <Textarea
          label={m.purpose}
          required
          maxLength={2000}
          autosize
          minRows={2}
          value={v.purpose}
          error={errors.purpose}
          onChange={(x) => setV({ ...v, purpose: x.currentTarget.value })}
        />
        <Group grow align="flex-start">
          <Select
            label={m.kind}
            data={pick(KINDS, e.kinds)}
            value={v.kind}
            allowDeselect={false}
            onChange={(x) => x && setV({ ...v, kind: x as ActivityInput['kind'] })}
          />
          <Select
            label={m.channel}
            data={pick(CHANNELS, e.channels)}
            value={v.channel}
            allowDeselect={false}
            onChange={(x) => x && setV({ ...v, channel: x as ActivityInput['channel'] })}
          />
        </Group>
        <Switch
          label={m.directMarketing}
          checked={v.directMarketing}
          onChange={(x) => setV({ ...v, directMarketing: x.currentTarget.checked })}
        />
        <Switch
          label={m.politicalData}
          checked={v.politicalData}
          onChange={(x) => setV({ ...v, politicalData: x.currentTarget.checked })}
        />
        <Group grow align="flex-start">
          <Select
            label={m.adClass}
            data={pick(AD_CLASSES, e.adClasses)}
            value={v.adClass}
            allowDeselect={false}
            onChange={(x) => x && setV({ ...v, adClass: x as ActivityInput['adClass'] })}
          />
          <Select
            label={m.dpiaStatus}
            data={pick(DPIA_STATUSES, e.dpia)}
            value={v.dpiaStatus}
            allowDeselect={false}
            onChange={(x) => x && setV({ ...v, dpiaStatus: x as ActivityInput['dpiaStatus'] })}
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={`${m.consentPurpose} ${e.common.optional}`}
            data={purposes}
            value={v.consentPurposeId}
            clearable
            searchable
            onChange={(x) => setV({ ...v, consentPurposeId: x })}
          />
          <Select
            label={`${m.destination} ${e.common.optional}`}
            placeholder={m.noDestination}
            data={destinations}
            value={v.destinationId}
            clearable
            searchable
            onChange={(x) => setV({ ...v, destinationId: x })}
          />
        </Group>
        <Switch
          label={m.override}
          checked={v.memberCommunicationOverride}
          onChange={(x) => setV({ ...v, memberCommunicationOverride: x.currentTarget.checked })}
        />
        {v.memberCommunicationOverride && (
          <Textarea
            label={m.overrideReason}
            required
            maxLength={2000}
            autosize
            minRows={2}
            value={v.overrideReason ?? ''}
            error={errors.reason}
            onChange={(x) => setV({ ...v, overrideReason: x.currentTarget.value || null })}
          />
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {initial ? e.common.save : m.add}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ActivitiesSection() {
  const { t } = useI18n();
  const e = t.exports;
  const m = e.activities;
  const session = useSession();
  const mayWrite = session.data?.user?.permissions.includes('accountability:manage') ?? false;
  const activities = useActivities();
  const options = useActivityOptions();
  const destinationName = (id: string | null) =>
    id === null ? m.noDestination : (options.data?.destinations.find((d) => d.id === id)?.name ?? '…');
  const [editing, setEditing] = useState<Activity | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const items = activities.data?.items ?? [];

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-activities-title">
      <Title order={2} size="h3" id="kk-activities-title" mb="xs">
        {m.title}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={760}>
        {m.hint}
      </Text>
      {activities.isPending && <Loading />}
      {activities.isError && <ErrorAlert error={activities.error} />}
      {activities.isSuccess && items.length === 0 && <Text c="dimmed">{e.common.none}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={900} mb="lg">
          <Table withTableBorder verticalSpacing="xs">
            <Table.Caption className="kk-visually-hidden">{m.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m.name}</Table.Th>
                <Table.Th scope="col">{m.kind}</Table.Th>
                <Table.Th scope="col">{m.channel}</Table.Th>
                <Table.Th scope="col">{m.adClass}</Table.Th>
                <Table.Th scope="col">{m.destination}</Table.Th>
                <Table.Th scope="col">{m.dpiaStatus}</Table.Th>
                {mayWrite && (
                  <Table.Th scope="col">
                    <span className="kk-visually-hidden">{e.common.edit}</span>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {a.name}{' '}
                      {a.politicalData && (
                        <Badge size="xs" color="grape" variant="light">
                          {m.politicalBadge}
                        </Badge>
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {a.purpose}
                    </Text>
                  </Table.Td>
                  <Table.Td>{e.kinds[a.kind] ?? a.kind}</Table.Td>
                  <Table.Td>{e.channels[a.channel] ?? a.channel}</Table.Td>
                  <Table.Td>{e.adClasses[a.adClass] ?? a.adClass}</Table.Td>
                  <Table.Td>{destinationName(a.destinationId)}</Table.Td>
                  <Table.Td>{e.dpia[a.dpiaStatus] ?? a.dpiaStatus}</Table.Td>
                  {mayWrite && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={m.editNamed(a.name)}
                        onClick={() => setEditing(a)}
                      >
                        {e.common.edit}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {added !== null && (
        <Text size="sm" role="status" c="teal.9" mb="xs">
          {m.added(added)}
        </Text>
      )}
      {mayWrite && <ActivityForm initial={null} onDone={(a) => setAdded(a.name)} />}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? m.editTitle(editing.name) : ''}
        size="lg"
      >
        {editing && <ActivityForm key={editing.id} initial={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Paper>
  );
}
