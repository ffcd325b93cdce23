/**
 * The criteria builder (C5): an activity from the register is required; branches, postcode ranges,
 * membership status and dates, tags to require or exclude, consent purposes, events and language. The
 * server checks everything again and names every wrong field.
 */
import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import {
  type Audience,
  audiencesKey,
  type Criteria,
  createAudience,
  EMPTY_CRITERIA,
  MEMBERSHIP_STATUSES,
  type MembershipStatus,
  updateAudience,
  useCriteriaOptions,
} from './api';

/** Drop empty optional dates so the server sees only what was chosen. */
function clean<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== undefined)) as T;
}

export function CriteriaBuilder({
  initial,
  onDone,
  onCancel,
}: {
  initial: Audience | null;
  onDone: (a: Audience) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const m = t.audiences.builder;
  const options = useCriteriaOptions();
  const queryClient = useQueryClient();
  const [name, setName] = useState(initial?.name ?? '');
  const [activityId, setActivityId] = useState<string | null>(initial?.activityId ?? null);
  const [c, setC] = useState<Criteria>(initial?.criteria ?? EMPTY_CRITERIA);
  const [range, setRange] = useState<{ from: number | ''; to: number | '' }>({ from: '', to: '' });
  const [touched, setTouched] = useState(false);
  const prefix = initial ? `kk-audience-${initial.id}` : 'kk-audience-new';

  const save = useMutation({
    mutationFn: () => {
      const criteria: Criteria = {
        ...c,
        membership: c.membership ? clean(c.membership) : null,
        events: c.events ? clean(c.events) : null,
      };
      const input = { name: name.trim(), activityId: activityId ?? '', criteria };
      return initial ? updateAudience(initial.id, input) : createAudience(input);
    },
    onSuccess: (a) => {
      onDone(a);
      return queryClient.invalidateQueries({ queryKey: audiencesKey });
    },
  });

  if (options.isLoading) return <Loading />;
  if (options.isError) return <ErrorAlert error={options.error} />;
  const o = options.data!;
  const tagLabel = (tag: (typeof o.tags)[number]) =>
    `${locale === 'en' ? tag.labelEn : tag.labelNl}${tag.dataClass === 'political' ? ` (${m.politicalTag})` : ''}`;
  const tagData = o.tags.map((x) => ({ value: x.id, label: tagLabel(x) }));
  const set = (patch: Partial<Criteria>) => setC({ ...c, ...patch });

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (name.trim() === '' || activityId === null) return;
    save.mutate();
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${prefix}-title`}>
      <Stack gap="sm" maw={720}>
        <Title order={3} size="h4" id={`${prefix}-title`}>
          {initial ? m.editTitle(initial.name) : m.createTitle}
        </Title>
        {save.isError && <ErrorAlert error={save.error} />}
        <TextInput
          label={m.name}
          required
          maxLength={200}
          value={name}
          error={touched && name.trim() === '' ? m.nameRequired : undefined}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Select
          label={m.activity}
          description={m.activityHint}
          required
          data={o.activities.map((a) => ({ value: a.id, label: `${a.name} (${a.kind}, ${a.channel})` }))}
          value={activityId}
          error={touched && activityId === null ? m.activityRequired : undefined}
          onChange={setActivityId}
        />
        <Switch
          label={m.everyone}
          checked={c.everyone}
          onChange={(e) => set({ everyone: e.currentTarget.checked })}
        />
        <MultiSelect
          label={m.branches}
          data={o.branches.map((b) => ({ value: b.id, label: b.name }))}
          value={c.branchIds}
          onChange={(v) => set({ branchIds: v })}
          searchable
        />
        <Fieldset legend={m.postcodes}>
          <Stack gap="xs">
            {c.postcodeRanges.map((r) => (
              <Group key={`${r.from}-${r.to}`} gap="xs">
                <span>
                  {r.from}–{r.to}
                </span>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={m.removeRange(r.from, r.to)}
                  onClick={() => set({ postcodeRanges: c.postcodeRanges.filter((x) => x !== r) })}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group align="flex-end" gap="xs">
              <NumberInput
                label={m.from}
                min={1000}
                max={9999}
                w={110}
                value={range.from}
                onChange={(v) => setRange({ ...range, from: typeof v === 'number' ? v : '' })}
              />
              <NumberInput
                label={m.to}
                min={1000}
                max={9999}
                w={110}
                value={range.to}
                onChange={(v) => setRange({ ...range, to: typeof v === 'number' ? v : '' })}
              />
              <Button
                variant="light"
                disabled={range.from === '' || range.to === ''}
                onClick={() => {
                  if (range.from === '' || range.to === '') return;
                  set({ postcodeRanges: [...c.postcodeRanges, { from: range.from, to: range.to }] });
                  setRange({ from: '', to: '' });
                }}
              >
                {m.addRange}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Fieldset legend={m.membership}>
          <Stack gap="xs">
            <Switch
              label={m.useMembership}
              checked={c.membership !== null}
              onChange={(e) => set({ membership: e.currentTarget.checked ? { statuses: ['active'] } : null })}
            />
            {c.membership && (
              <>
                <Checkbox.Group
                  label={m.statuses}
                  value={c.membership.statuses}
                  onChange={(v) =>
                    set({ membership: { ...c.membership!, statuses: v as MembershipStatus[] } })
                  }
                >
                  <Group mt={4}>
                    {MEMBERSHIP_STATUSES.map((s) => (
                      <Checkbox key={s} value={s} label={m.statusNames[s] ?? s} />
                    ))}
                  </Group>
                </Checkbox.Group>
                <Group grow>
                  {(['sinceFrom', 'sinceTo', 'untilFrom', 'untilTo'] as const).map((k) => (
                    <TextInput
                      key={k}
                      type="date"
                      label={m[k]}
                      value={c.membership?.[k] ?? ''}
                      onChange={(e) => set({ membership: { ...c.membership!, [k]: e.currentTarget.value } })}
                    />
                  ))}
                </Group>
              </>
            )}
          </Stack>
        </Fieldset>
        <MultiSelect
          label={m.tagsAll}
          data={tagData}
          value={c.tagIdsAll}
          onChange={(v) => set({ tagIdsAll: v })}
          searchable
        />
        <MultiSelect
          label={m.tagsNone}
          data={tagData}
          value={c.tagIdsNone}
          onChange={(v) => set({ tagIdsNone: v })}
          searchable
        />
        <MultiSelect
          label={m.consents}
          data={o.purposes.map((p) => ({ value: p.id, label: p.name }))}
          value={c.consentPurposeIds}
          onChange={(v) => set({ consentPurposeIds: v })}
          searchable
        />
        <Fieldset legend={m.events}>
          <Stack gap="xs">
            <Switch
              label={m.useEvents}
              checked={c.events !== null}
              onChange={(e) => set({ events: e.currentTarget.checked ? {} : null })}
            />
            {c.events && (
              <Group grow>
                {(['attendedFrom', 'attendedTo'] as const).map((k) => (
                  <TextInput
                    key={k}
                    type="date"
                    label={m[k]}
                    value={c.events?.[k] ?? ''}
                    onChange={(e) => set({ events: { ...c.events, [k]: e.currentTarget.value } })}
                  />
                ))}
              </Group>
            )}
          </Stack>
        </Fieldset>
        <MultiSelect
          label={m.languages}
          data={o.languages}
          value={c.languages}
          onChange={(v) => set({ languages: v })}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {m.save}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {m.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
