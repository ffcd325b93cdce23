import { Alert, Anchor, Group, Stack, Tabs, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { linkTo } from '../../router';
import { useSession } from '../auth/session';
import { RecordConsentButton } from '../consent/RecordConsentButton';
import { AttributesPanel } from './AttributesPanel';
import { personKey, usePersonPage } from './api';
import { GroundsPanel } from './GroundsPanel';
import { HistoryPanel } from './HistoryPanel';
import { OverviewPanel } from './OverviewPanel';
import { TextBadge } from './TextBadge';

export const GROUND_COLOR: Record<string, string> = {
  MEMBER_9_2_D: 'teal',
  FORMER_MEMBER_9_2_D: 'yellow',
  REGULAR_CONTACT_9_2_D: 'yellow',
  EXPLICIT_CONSENT_9_2_A: 'blue',
  MANIFESTLY_PUBLIC_9_2_E: 'grape',
  NONE: 'gray',
};

/** The person page: ground badge and cautions on top; details, ground and evidence, attributes, history. */
export function PersonDetail({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const r = t.register;
  const page = usePersonPage(id);
  const session = useSession();
  const queryClient = useQueryClient();
  const mayRecordConsent = session.data?.user?.permissions.includes('consent:record') ?? false;

  if (page.isPending) return <Loading />;
  if (page.isError) {
    const missing = page.error instanceof ApiError && page.error.status === 404;
    return (
      <>
        <Anchor href="/personen" onClick={linkTo('/personen')} size="sm">
          {r.back}
        </Anchor>
        <PageTitle>{r.title}</PageTitle>
        {missing ? <Text>{r.notFound}</Text> : <ErrorAlert error={page.error} />}
      </>
    );
  }
  const p = page.data;
  const pol = p.political;
  return (
    <>
      <Anchor href="/personen" onClick={linkTo('/personen')} size="sm">
        {r.back}
      </Anchor>
      <PageTitle>{p.displayName}</PageTitle>
      <Stack gap="xs" mb="md">
        {mayRecordConsent && (
          <Group>
            <RecordConsentButton
              person={p}
              onRecorded={() => queryClient.invalidateQueries({ queryKey: personKey(p.id) })}
            />
          </Group>
        )}
        {pol ? (
          <Group gap="xs">
            <TextBadge color={GROUND_COLOR[pol.primary] ?? 'gray'} size="lg">
              {r.grounds.badge[pol.primary] ?? pol.primary}
            </TextBadge>
            <Text size="sm">
              {r.grounds.relationLabel}: {r.grounds.relation[pol.relation] ?? pol.relation}
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {r.grounds.hidden}
          </Text>
        )}
        {pol?.cautions.map((c) => (
          <Alert
            key={c.code}
            variant="default"
            title={r.grounds.caution}
            maw={720}
            style={{ borderLeft: '4px solid var(--mantine-color-yellow-6)' }}
          >
            <Text size="sm">{locale === 'nl' ? c.nl : c.en}</Text>
          </Alert>
        ))}
      </Stack>
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="overview">{r.tabs.overview}</Tabs.Tab>
          {pol && <Tabs.Tab value="grounds">{r.tabs.grounds}</Tabs.Tab>}
          <Tabs.Tab value="attributes">{r.tabs.attributes}</Tabs.Tab>
          {p.can.readHistory && <Tabs.Tab value="history">{r.tabs.history}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <OverviewPanel person={p} />
        </Tabs.Panel>
        {pol && (
          <Tabs.Panel value="grounds">
            <GroundsPanel person={p} political={pol} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="attributes">
          <AttributesPanel person={p} />
        </Tabs.Panel>
        {p.can.readHistory && (
          <Tabs.Panel value="history">
            <HistoryPanel id={p.id} />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}
