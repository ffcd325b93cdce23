import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Popover,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { addPublicEvidence, addRegularContact, personKey, retractEvidence } from './api';
import { fieldErrors } from './field-errors';

const KINDS = [
  'ACTIVE_VOLUNTEER',
  'RECURRING_DONOR',
  'SUBSCRIBER',
  'EVENT_ATTENDANCE',
  'CORRESPONDENCE',
  'PETITION_SIGNATURE',
  'OTHER',
];
/** Only active acts are offered: likes, follows, shares, group memberships and visits are not. */
const ACTS = [
  'PUBLIC_STATEMENT_OWN_NAME',
  'CANDIDACY',
  'PUBLIC_OFFICE',
  'PUBLISHED_ARTICLE',
  'OTHER_DOCUMENTED',
];

/** Evidence of regular contact: kind, dates, and how it relates to the party's purposes. */
export function RegularContactForm({ personId }: { personId: string }) {
  const { t } = useI18n();
  const r = t.register;
  const queryClient = useQueryClient();
  const [kind, setKind] = useState(KINDS[0]!);
  const [dates, setDates] = useState('');
  const [description, setDescription] = useState('');
  const [done, setDone] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      addRegularContact(personId, {
        kind,
        occurrences: dates
          .split(/[\n,;]+/)
          .map((s) => s.trim())
          .filter(Boolean),
        description: description.trim(),
      }),
    onSuccess: () => {
      setDone(true);
      setDates('');
      setDescription('');
      return queryClient.invalidateQueries({ queryKey: personKey(personId) });
    },
  });
  const errors = fieldErrors(save.error, r.rules);
  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    save.mutate();
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="kk-regular-form">
      <Stack gap="xs" mt="sm" maw={520}>
        <Title order={3} size="h5" id="kk-regular-form">
          {r.regular.add}
        </Title>
        {save.isError && <ErrorAlert error={save.error} />}
        {done && (
          <Text size="sm" role="status" c="teal.9">
            {r.regular.added}
          </Text>
        )}
        <NativeSelect
          label={r.regular.kind}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value)}
          data={KINDS.map((k) => ({ value: k, label: r.regular.kinds[k] ?? k }))}
        />
        <Textarea
          label={r.regular.occurrences}
          description={r.regular.occurrencesHint}
          autosize
          minRows={2}
          value={dates}
          required
          error={Object.entries(errors).find(([f]) => f.startsWith('occurrences'))?.[1]}
          onChange={(e) => setDates(e.currentTarget.value)}
        />
        <Textarea
          label={r.regular.description}
          description={r.regular.descriptionHint}
          autosize
          minRows={2}
          maxLength={2000}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" size="sm" loading={save.isPending}>
            {r.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Manifestly-public evidence; the acting user is recorded as the reviewer. */
export function PublicEvidenceForm({ personId }: { personId: string }) {
  const { t } = useI18n();
  const r = t.register;
  const queryClient = useQueryClient();
  const [v, setV] = useState({ url: '', quote: '', capturedAt: '', topic: '', captureMethod: '' });
  const [act, setAct] = useState(ACTS[0]!);
  const [unrestricted, setUnrestricted] = useState(false);
  const [touched, setTouched] = useState(false);
  const [done, setDone] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      addPublicEvidence(personId, {
        url: v.url.trim(),
        quote: v.quote.trim(),
        capturedAt: new Date(v.capturedAt).toISOString(),
        activeAct: act,
        audienceUnrestricted: unrestricted,
        captureMethod: v.captureMethod.trim(),
        topic: v.topic.trim(),
      }),
    onSuccess: () => {
      setDone(true);
      setTouched(false);
      setV({ url: '', quote: '', capturedAt: '', topic: '', captureMethod: '' });
      return queryClient.invalidateQueries({ queryKey: personKey(personId) });
    },
  });
  const missing = (k: keyof typeof v) => (touched && v[k].trim() === '' ? r.public.required : undefined);
  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setDone(false);
    if (Object.values(v).some((x) => x.trim() === '') || Number.isNaN(new Date(v.capturedAt).getTime()))
      return;
    save.mutate();
  }
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((old) => ({ ...old, [k]: value }));
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="kk-public-form">
      <Stack gap="xs" mt="sm" maw={620}>
        <Title order={3} size="h5" id="kk-public-form">
          {r.public.add}
        </Title>
        {save.isError && <ErrorAlert error={save.error} />}
        {done && (
          <Text size="sm" role="status" c="teal.9">
            {r.public.added}
          </Text>
        )}
        <NativeSelect
          label={r.public.activeAct}
          value={act}
          onChange={(e) => setAct(e.currentTarget.value)}
          data={ACTS.map((a) => ({ value: a, label: r.public.acts[a] ?? a }))}
        />
        <TextInput
          label={r.public.url}
          type="url"
          required
          maxLength={2000}
          value={v.url}
          error={missing('url')}
          onChange={set('url')}
        />
        <Textarea
          label={r.public.quote}
          required
          autosize
          minRows={2}
          maxLength={5000}
          value={v.quote}
          error={missing('quote')}
          onChange={set('quote')}
        />
        <Group grow align="flex-start">
          <TextInput
            label={r.public.capturedAt}
            type="datetime-local"
            required
            value={v.capturedAt}
            error={missing('capturedAt')}
            onChange={set('capturedAt')}
          />
          <TextInput
            label={r.public.captureMethod}
            description={r.public.captureMethodHint}
            required
            maxLength={200}
            value={v.captureMethod}
            error={missing('captureMethod')}
            onChange={set('captureMethod')}
          />
        </Group>
        <TextInput
          label={r.public.topic}
          required
          maxLength={200}
          value={v.topic}
          error={missing('topic')}
          onChange={set('topic')}
        />
        <Checkbox
          label={r.public.audience}
          checked={unrestricted}
          onChange={(e) => setUnrestricted(e.currentTarget.checked)}
        />
        <Text size="xs" c="dimmed">
          {r.public.reviewerNote}
        </Text>
        <Group>
          <Button type="submit" size="sm" loading={save.isPending}>
            {r.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Retract evidence with a reason; it stays on record and no longer counts. */
export function RetractForm({
  personId,
  kind,
  evidenceId,
}: {
  personId: string;
  kind: 'regular-contact' | 'public';
  evidenceId: string;
}) {
  const { t } = useI18n();
  const r = t.register;
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const retract = useMutation({
    mutationFn: () => retractEvidence(personId, kind, evidenceId, reason.trim()),
    onSuccess: () => {
      setOpened(false);
      return queryClient.invalidateQueries({ queryKey: personKey(personId) });
    },
  });
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-start" withArrow>
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          onClick={() => setOpened((o) => !o)}
          w="fit-content"
        >
          {r.retract.button}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim().length >= 3) retract.mutate();
          }}
        >
          <Stack gap="xs" maw={320}>
            {retract.isError && <ErrorAlert error={retract.error} />}
            <TextInput
              label={r.retract.reason}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Button type="submit" size="sm" color="red" loading={retract.isPending}>
              {r.retract.submit}
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
