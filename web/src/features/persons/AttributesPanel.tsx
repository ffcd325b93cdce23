import { Button, Group, NativeSelect, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, useI18n } from '../../i18n';
import { addAttribute, type PersonPage, personKey, removeAttribute, useFieldDefinitions } from './api';
import { Disclosure } from './Disclosure';
import { TextBadge } from './TextBadge';

/** Fields, tags and notes with their class shown; political ones only for staff. */
export function AttributesPanel({ person }: { person: PersonPage }) {
  const { t, locale, intlLocale } = useI18n();
  const r = t.register;
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (attributeId: string) => removeAttribute(person.id, attributeId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKey(person.id) }),
  });
  return (
    <Stack gap="lg">
      <section aria-labelledby="kk-attributes">
        <Title order={2} size="h3" id="kk-attributes" mb="xs">
          {r.attributes.title}
        </Title>
        {!person.can.readPolitical && (
          <Text size="sm" c="dimmed" mb="xs">
            {r.grounds.hidden}
          </Text>
        )}
        {remove.isError && <ErrorAlert error={remove.error} />}
        {person.attributes.length === 0 ? (
          <Text size="sm">{r.attributes.none}</Text>
        ) : (
          <Table withTableBorder>
            <Table.Caption className="kk-visually-hidden">{r.attributes.title}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{r.attributes.definition}</Table.Th>
                <Table.Th scope="col">{r.attributes.value}</Table.Th>
                <Table.Th scope="col">{r.attributes.createdBy}</Table.Th>
                {person.can.write && <Table.Th scope="col" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {person.attributes.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text size="sm">
                        {r.attributes.kinds[a.kind] ?? a.kind}: {locale === 'nl' ? a.labelNl : a.labelEn}
                      </Text>
                      <TextBadge
                        size="xs"
                        color={a.dataClass === 'political' ? 'grape' : 'gray'}
                        w="fit-content"
                      >
                        {r.attributes.class[a.dataClass]}
                      </TextBadge>
                    </Stack>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{a.value ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {a.createdByName ?? '—'} · {formatDate(a.createdAt, intlLocale)}
                    </Text>
                  </Table.Td>
                  {person.can.write && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        loading={remove.isPending && remove.variables === a.id}
                        onClick={() => remove.mutate(a.id)}
                        aria-label={`${r.attributes.remove}: ${locale === 'nl' ? a.labelNl : a.labelEn}`}
                      >
                        {r.attributes.remove}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
      {person.can.write && (
        <Disclosure label={r.attributes.add}>
          <AttributeForm person={person} />
        </Disclosure>
      )}
    </Stack>
  );
}

function AttributeForm({ person }: { person: PersonPage }) {
  const { t, locale } = useI18n();
  const r = t.register;
  const queryClient = useQueryClient();
  const defs = (useFieldDefinitions().data?.items ?? []).filter((d) => !d.locked);
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [basedOn, setBasedOn] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const def = defs.find((d) => d.key === key) ?? defs[0];
  const publicEvidence = (person.political?.publicEvidence ?? []).filter((e) => !e.retractedAt);
  const save = useMutation({
    mutationFn: () =>
      addAttribute(person.id, def!.kind, {
        key: def!.key,
        value: def!.kind === 'tag' ? null : value.trim(),
        publicEvidenceId: basedOn || null,
      }),
    onSuccess: (res) => {
      setMessage(res.masked ? r.attributes.masked : r.attributes.added);
      setValue('');
      return queryClient.invalidateQueries({ queryKey: personKey(person.id) });
    },
  });
  if (!def) return null;
  const needsValue = def.kind !== 'tag';
  function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (needsValue && value.trim() === '') return;
    save.mutate();
  }
  const label = (d: { labelNl: string; labelEn: string; kind: string; dataClass: string }) =>
    `${r.attributes.kinds[d.kind] ?? d.kind}: ${locale === 'nl' ? d.labelNl : d.labelEn} (${r.attributes.class[d.dataClass]})`;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="kk-attribute-form">
      <Stack gap="xs" maw={620}>
        <Title order={3} size="h5" id="kk-attribute-form">
          {r.attributes.add}
        </Title>
        {save.isError && <ErrorAlert error={save.error} />}
        {message && (
          <Text size="sm" role="status" c="teal.9">
            {message}
          </Text>
        )}
        <NativeSelect
          label={r.attributes.definition}
          value={def.key}
          onChange={(e) => setKey(e.currentTarget.value)}
          data={defs.map((d) => ({ value: d.key, label: label(d) }))}
        />
        {def.dataClass === 'political' && (
          <Text size="xs" c="grape.9">
            {r.attributes.politicalWarning}
          </Text>
        )}
        {def.kind === 'field' && (
          <TextInput
            label={r.attributes.value}
            maxLength={500}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
          />
        )}
        {def.kind === 'note' && (
          <Textarea
            label={r.attributes.noteText}
            autosize
            minRows={3}
            maxLength={5000}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
          />
        )}
        {def.dataClass === 'political' && publicEvidence.length > 0 && (
          <NativeSelect
            label={r.attributes.basedOn}
            description={r.attributes.basedOnHint}
            value={basedOn}
            onChange={(e) => setBasedOn(e.currentTarget.value)}
            data={[
              { value: '', label: r.attributes.basedOnNone },
              ...publicEvidence.map((e) => ({ value: e.id, label: e.topic })),
            ]}
          />
        )}
        <Group>
          <Button type="submit" size="sm" loading={save.isPending}>
            {r.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
