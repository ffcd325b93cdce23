import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
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
import {
  createPurpose,
  PERMISSION_CHANNELS,
  type PermissionChannel,
  type Purpose,
  type PurposeInput,
  purposesKey,
  updatePurpose,
  usePurposes,
} from './api';

const EMPTY: PurposeInput = {
  name: '',
  description: '',
  political: false,
  channels: [],
  scopeUntil: null,
  refreshAfterMonths: null,
  recipients: [],
};

/** Create or edit one purpose; `initial` set means editing. */
function PurposeForm({ initial, onDone }: { initial: Purpose | null; onDone: (p: Purpose) => void }) {
  const { t } = useI18n();
  const m = t.consent.purposes;
  const queryClient = useQueryClient();
  const [v, setV] = useState<PurposeInput>(initial ?? EMPTY);
  const [recipients, setRecipients] = useState((initial?.recipients ?? []).join('\n'));
  const [touched, setTouched] = useState(false);
  const prefix = initial ? `kk-purpose-${initial.id}` : 'kk-purpose-new';

  const save = useMutation({
    mutationFn: (input: PurposeInput) => (initial ? updatePurpose(initial.id, input) : createPurpose(input)),
    onSuccess: (p) => {
      if (!initial) {
        setV(EMPTY);
        setRecipients('');
        setTouched(false);
      }
      onDone(p);
      return queryClient.invalidateQueries({ queryKey: purposesKey });
    },
  });

  const refreshOk =
    v.refreshAfterMonths === null ||
    (Number.isInteger(v.refreshAfterMonths) && v.refreshAfterMonths >= 1 && v.refreshAfterMonths <= 120);
  const nameError = touched && v.name.trim() === '' ? m.nameRequired : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (v.name.trim() === '' || !refreshOk) return;
    save.mutate({
      ...v,
      recipients: recipients
        .split('\n')
        .map((r) => r.trim())
        .filter(Boolean),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${prefix}-title`}>
      <Stack gap="sm" maw={560}>
        <Title order={3} size="h4" id={`${prefix}-title`}>
          {initial ? m.editTitle(initial.name) : m.add}
        </Title>
        {save.isError && <ErrorAlert error={save.error} />}
        <TextInput
          label={m.name}
          required
          maxLength={200}
          value={v.name}
          error={nameError}
          onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
        />
        <Textarea
          label={m.description}
          maxLength={2000}
          autosize
          minRows={2}
          value={v.description}
          onChange={(e) => setV({ ...v, description: e.currentTarget.value })}
        />
        <Switch
          label={m.political}
          description={m.politicalHint}
          checked={v.political}
          onChange={(e) => setV({ ...v, political: e.currentTarget.checked })}
        />
        <Checkbox.Group
          label={m.channels}
          value={v.channels}
          onChange={(values) => setV({ ...v, channels: values as PermissionChannel[] })}
        >
          <Group mt={4}>
            {PERMISSION_CHANNELS.map((c) => (
              <Checkbox key={c} value={c} label={m.channelNames[c]} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label={m.scopeUntil}
            description={m.scopeHint}
            value={v.scopeUntil ?? ''}
            onChange={(e) => setV({ ...v, scopeUntil: e.currentTarget.value || null })}
          />
          <NumberInput
            label={m.refresh}
            description={m.refreshHint}
            min={1}
            max={120}
            allowDecimal={false}
            allowNegative={false}
            value={v.refreshAfterMonths ?? ''}
            error={touched && !refreshOk ? m.refreshInvalid : undefined}
            onChange={(n) => setV({ ...v, refreshAfterMonths: typeof n === 'number' ? n : null })}
          />
        </Group>
        <Textarea
          label={m.recipients}
          description={m.recipientsHint}
          autosize
          minRows={1}
          value={recipients}
          onChange={(e) => setRecipients(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {initial ? t.consent.common.save : m.add}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PurposesSection() {
  const { t } = useI18n();
  const m = t.consent.purposes;
  const purposes = usePurposes();
  const [editing, setEditing] = useState<Purpose | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const items = purposes.data?.items ?? [];

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-purposes-title">
      <Title order={2} size="h3" id="kk-purposes-title" mb="xs">
        {m.title}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={760}>
        {m.hint}
      </Text>
      {purposes.isPending && <Loading />}
      {purposes.isError && <ErrorAlert error={purposes.error} />}
      {purposes.isSuccess && items.length === 0 && <Text c="dimmed">{t.consent.common.none}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720} mb="lg">
          <Table withTableBorder verticalSpacing="xs">
            <Table.Caption className="kk-visually-hidden">{m.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m.name}</Table.Th>
                <Table.Th scope="col">{m.channels}</Table.Th>
                <Table.Th scope="col">{m.scopeUntil}</Table.Th>
                <Table.Th scope="col">{m.recipients}</Table.Th>
                <Table.Th scope="col">
                  <span className="kk-visually-hidden">{m.edit}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {p.name}{' '}
                      {p.political && (
                        <Badge size="xs" color="grape" variant="light">
                          {m.politicalBadge}
                        </Badge>
                      )}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.description}
                    </Text>
                  </Table.Td>
                  <Table.Td>{p.channels.map((c) => m.channelNames[c]).join(', ')}</Table.Td>
                  <Table.Td>{p.scopeUntil ?? ''}</Table.Td>
                  <Table.Td>{p.recipients.join(', ')}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={m.editNamed(p.name)}
                      onClick={() => setEditing(p)}
                    >
                      {m.edit}
                    </Button>
                  </Table.Td>
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
      <PurposeForm initial={null} onDone={(p) => setAdded(p.name)} />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? m.editTitle(editing.name) : ''}
        size="lg"
      >
        {editing && <PurposeForm key={editing.id} initial={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Paper>
  );
}
