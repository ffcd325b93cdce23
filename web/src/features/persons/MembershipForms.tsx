import { Button, Group, NativeSelect, Popover, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { endMembership, personKey, recordMembership, useBranches } from './api';
import { fieldErrors } from './field-errors';

const today = () => new Date().toISOString().slice(0, 10);

/** Record a membership (political data, R-02). */
export function MembershipForm({ personId }: { personId: string }) {
  const { t } = useI18n();
  const r = t.register;
  const queryClient = useQueryClient();
  const branches = useBranches();
  const [since, setSince] = useState('');
  const [branchId, setBranchId] = useState('');
  const [done, setDone] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      recordMembership(personId, { since: since.trim(), until: null, branchId: branchId || null }),
    onSuccess: () => {
      setDone(true);
      setSince('');
      return queryClient.invalidateQueries({ queryKey: personKey(personId) });
    },
  });
  const errors = fieldErrors(save.error, r.rules);

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (since.trim() !== '') save.mutate();
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="kk-membership-form">
      <Stack gap="xs" mt="sm" maw={520}>
        <Title order={3} size="h5" id="kk-membership-form">
          {r.memberships.add}
        </Title>
        {save.isError && !errors.since && <ErrorAlert error={save.error} />}
        {done && (
          <Text size="sm" role="status" c="teal.9">
            {r.memberships.recorded}
          </Text>
        )}
        <Group grow align="flex-start">
          <TextInput
            label={r.memberships.since}
            description={r.contact.birthDateHint}
            placeholder={today()}
            value={since}
            required
            maxLength={10}
            error={errors.since}
            onChange={(e) => setSince(e.currentTarget.value)}
          />
          <NativeSelect
            label={r.memberships.branch}
            value={branchId}
            onChange={(e) => setBranchId(e.currentTarget.value)}
            data={[
              { value: '', label: '—' },
              ...(branches.data?.items ?? []).map((b) => ({ value: b.id, label: b.name })),
            ]}
          />
        </Group>
        <Group>
          <Button type="submit" size="sm" loading={save.isPending}>
            {r.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** End a membership with its end date (R-04: the former-member ground runs from it). */
export function EndMembershipForm({ personId, membershipId }: { personId: string; membershipId: string }) {
  const { t } = useI18n();
  const r = t.register;
  const queryClient = useQueryClient();
  const [until, setUntil] = useState(today());
  const [opened, setOpened] = useState(false);
  const end = useMutation({
    mutationFn: () => endMembership(personId, membershipId, until.trim()),
    onSuccess: () => {
      setOpened(false);
      return queryClient.invalidateQueries({ queryKey: personKey(personId) });
    },
  });
  const errors = fieldErrors(end.error, r.rules);
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom-start" withArrow>
      <Popover.Target>
        <Button size="compact-sm" variant="light" color="red" onClick={() => setOpened((o) => !o)}>
          {r.memberships.end}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            end.mutate();
          }}
        >
          <Stack gap="xs">
            {end.isError && !errors.until && <ErrorAlert error={end.error} />}
            <TextInput
              label={r.memberships.endDate}
              value={until}
              maxLength={10}
              error={errors.until}
              onChange={(e) => setUntil(e.currentTarget.value)}
            />
            <Button type="submit" size="sm" color="red" loading={end.isPending}>
              {r.memberships.endSubmit}
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
