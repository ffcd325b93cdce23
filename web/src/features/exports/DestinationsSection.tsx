/**
 * The register of destinations (recipients) with role, vetting and agreements (R-30, R-33, R-34, R-35,
 * The FG also sees the exports waiting for approval here: exports go to recipients.
 */
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
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
import { strongBadge } from '../audiences/contrast';
import { useSession } from '../auth/session';
import {
  activityOptionsKey,
  createDestination,
  type Destination,
  type DestinationInput,
  destinationsKey,
  ROLES,
  updateDestination,
  useDestinations,
} from './api';
import { ExportApprovals } from './ExportApprovals';

const EMPTY: DestinationInput = {
  name: '',
  role: 'PROCESSOR',
  platform: false,
  vetted: false,
  processorAgreementComplete: false,
  art26Arrangement: false,
  outsideEea: false,
  transferMechanism: false,
  notes: '',
};

const FLAGS = [
  'platform',
  'vetted',
  'processorAgreementComplete',
  'art26Arrangement',
  'outsideEea',
  'transferMechanism',
] as const;

/** What a recipient still lacks for its role (a processor's agreement, a joint controller's art 26 arrangement…). */
function missingFor(
  d: Destination,
): ('vetted' | 'processorAgreementComplete' | 'art26Arrangement' | 'transferMechanism')[] {
  const out: ('vetted' | 'processorAgreementComplete' | 'art26Arrangement' | 'transferMechanism')[] = [];
  if (!d.vetted) out.push('vetted');
  if (d.role === 'PROCESSOR' && !d.processorAgreementComplete) out.push('processorAgreementComplete');
  if (d.role === 'JOINT_CONTROLLER' && !d.art26Arrangement) out.push('art26Arrangement');
  if (d.outsideEea && !d.transferMechanism) out.push('transferMechanism');
  return out;
}

function DestinationForm({
  initial,
  onDone,
}: {
  initial: Destination | null;
  onDone: (d: Destination) => void;
}) {
  const { t } = useI18n();
  const e = t.exports;
  const m = e.destinations;
  const queryClient = useQueryClient();
  const [v, setV] = useState<DestinationInput>(initial ?? EMPTY);
  const [touched, setTouched] = useState(false);
  const prefix = initial ? `kk-destination-${initial.id}` : 'kk-destination-new';

  const save = useMutation({
    mutationFn: (input: DestinationInput) =>
      initial ? updateDestination(initial.id, input) : createDestination(input),
    onSuccess: async (d) => {
      if (!initial) {
        setV(EMPTY);
        setTouched(false);
      }
      onDone(d);
      await queryClient.invalidateQueries({ queryKey: activityOptionsKey });
      return queryClient.invalidateQueries({ queryKey: destinationsKey });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!v.name.trim()) return;
    save.mutate(v);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${prefix}-title`}>
      <Stack gap="sm" maw={640}>
        <Title order={3} size="h4" id={`${prefix}-title`}>
          {initial ? m.editTitle(initial.name) : m.add}
        </Title>
        {save.isError && <ErrorAlert error={save.error} />}
        <TextInput
          label={m.name}
          required
          maxLength={200}
          value={v.name}
          error={touched && !v.name.trim() ? m.nameRequired : undefined}
          onChange={(x) => setV({ ...v, name: x.currentTarget.value })}
        />
        <Select
          label={m.role}
          data={ROLES.map((r) => ({ value: r, label: e.roles[r] ?? r }))}
          value={v.role}
          allowDeselect={false}
          onChange={(x) => x && setV({ ...v, role: x as DestinationInput['role'] })}
        />
        <Stack gap={6} role="group" aria-label={m.conditions}>
          {FLAGS.map((f) => (
            <Checkbox
              key={f}
              label={m[f]}
              checked={v[f]}
              onChange={(x) => setV({ ...v, [f]: x.currentTarget.checked })}
            />
          ))}
        </Stack>
        <Textarea
          label={m.notes}
          maxLength={2000}
          autosize
          minRows={2}
          value={v.notes}
          onChange={(x) => setV({ ...v, notes: x.currentTarget.value })}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {initial ? e.common.save : m.add}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function DestinationsSection() {
  const { t } = useI18n();
  const e = t.exports;
  const m = e.destinations;
  const session = useSession();
  const permissions = session.data?.user?.permissions ?? [];
  const mayWrite = permissions.includes('accountability:manage');
  const destinations = useDestinations();
  const [editing, setEditing] = useState<Destination | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const items = destinations.data?.items ?? [];

  return (
    <Stack>
      {permissions.includes('export:approve') && <ExportApprovals />}
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-destinations-title">
        <Title order={2} size="h3" id="kk-destinations-title" mb="xs">
          {m.title}
        </Title>
        <Text size="sm" c="dimmed" mb="md" maw={760}>
          {m.hint}
        </Text>
        {destinations.isPending && <Loading />}
        {destinations.isError && <ErrorAlert error={destinations.error} />}
        {destinations.isSuccess && items.length === 0 && <Text c="dimmed">{e.common.none}</Text>}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={720} mb="lg">
            <Table withTableBorder verticalSpacing="xs">
              <Table.Caption className="kk-visually-hidden">{m.caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{m.name}</Table.Th>
                  <Table.Th scope="col">{m.role}</Table.Th>
                  <Table.Th scope="col">{m.conditions}</Table.Th>
                  {mayWrite && (
                    <Table.Th scope="col">
                      <span className="kk-visually-hidden">{e.common.edit}</span>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {d.name}
                      </Text>
                      {d.notes && (
                        <Text size="xs" c="dimmed">
                          {d.notes}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{e.roles[d.role] ?? d.role}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {FLAGS.filter((f) => d[f]).map((f) => (
                          <Badge key={f} size="xs" variant="light" color="gray" tt="none">
                            {m[f]}
                          </Badge>
                        ))}
                        {missingFor(d).map((f) => (
                          <Badge
                            key={`missing-${f}`}
                            size="xs"
                            variant="light"
                            color="red"
                            tt="none"
                            styles={strongBadge('red')}
                          >
                            {m.missing(m.missingNames[f])}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    {mayWrite && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={m.editNamed(d.name)}
                          onClick={() => setEditing(d)}
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
        {mayWrite && <DestinationForm initial={null} onDone={(d) => setAdded(d.name)} />}
        <Modal
          opened={editing !== null}
          onClose={() => setEditing(null)}
          title={editing ? m.editTitle(editing.name) : ''}
          size="lg"
        >
          {editing && <DestinationForm key={editing.id} initial={editing} onDone={() => setEditing(null)} />}
        </Modal>
      </Paper>
    </Stack>
  );
}
