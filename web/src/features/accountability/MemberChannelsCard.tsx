/**
 * R-70 (Tw art 11.7): on which channels members may be messaged on the basis of the existing relationship,
 * because the membership form offered an opt-out there. Empty by default: then members, like anyone else,
 * need a consent whose purpose grants the channel. Changing it needs `accountability:manage` and a reason.
 */
import { Button, Checkbox, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDate, useI18n } from '../../i18n';
import { useSession } from '../auth/session';

const CHANNELS = ['EMAIL', 'SMS', 'WHATSAPP', 'PHONE'] as const;
type Channel = (typeof CHANNELS)[number];

interface MemberChannels {
  channels: Channel[];
  reason: string | null;
  setBy: string | null;
  setAt: string | null;
}

const key = ['member-channels'] as const;

export function MemberChannelsCard() {
  const { t, intlLocale } = useI18n();
  const m = t.accountability.memberChannels;
  const queryClient = useQueryClient();
  const session = useSession();
  const mayEdit = session.data?.user?.permissions.includes('accountability:manage') ?? false;
  const current = useQuery({
    queryKey: key,
    queryFn: () => api<MemberChannels>('GET', '/api/v1/member-channels'),
  });
  const [channels, setChannels] = useState<Channel[]>([]);
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (current.data) {
      setChannels(current.data.channels);
      setReason(current.data.reason ?? '');
    }
  }, [current.data]);
  const save = useMutation({
    mutationFn: () =>
      api<MemberChannels>('PUT', '/api/v1/member-channels', { channels, reason: reason.trim() || null }),
    onSuccess: (data) => queryClient.setQueryData(key, data),
  });

  if (current.isPending) return <Loading />;
  if (current.isError) return <ErrorAlert error={current.error} />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const setAt = current.data.setAt ? formatDate(current.data.setAt, intlLocale, true) : null;

  return (
    <Paper withBorder p="md" maw={760} component="section" aria-labelledby="kk-member-channels-title">
      <form onSubmit={onSubmit}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="kk-member-channels-title">
            {m.title}
          </Title>
          <Text size="sm">{m.intro}</Text>
          <Checkbox.Group
            label={m.channelsLabel}
            value={channels}
            onChange={(v) => setChannels(v as Channel[])}
          >
            <Group mt="xs">
              {CHANNELS.map((c) => (
                <Checkbox key={c} value={c} label={m.channels[c]} disabled={!mayEdit} />
              ))}
            </Group>
          </Checkbox.Group>
          <Textarea
            label={m.reasonLabel}
            description={m.reasonHelp}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            disabled={!mayEdit}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <Text size="xs" c="dimmed">
            {setAt ? m.lastSet(setAt) : m.neverSet}
          </Text>
          {save.isError && <ErrorAlert error={save.error} />}
          {save.isSuccess && (
            <Text size="sm" c="green.9" role="status">
              {m.saved}
            </Text>
          )}
          {mayEdit && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {m.save}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
