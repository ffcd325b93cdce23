import { Anchor, Badge, Button, Group, List, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, useI18n } from '../../i18n';
import { AddWebsiteForm } from './AddWebsiteForm';
import {
  acknowledgeAlert,
  alertsKey,
  deleteWebsite,
  scanNow,
  scansKey,
  useAlerts,
  useWebsites,
  type Website,
  websitesKey,
} from './api';
import { ScanHistory } from './ScanHistory';
import { ScanVerdict, StatusBadge } from './ScanVerdict';

function AlertsSection({ sites }: { sites: Website[] }) {
  const { t, intlLocale } = useI18n();
  const queryClient = useQueryClient();
  const alerts = useAlerts();
  const ack = useMutation({
    mutationFn: (id: string) => acknowledgeAlert(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: websitesKey }),
  });
  const items = alerts.data?.items ?? [];
  const labelOf = (id: string) => sites.find((s) => s.id === id)?.label ?? id;

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-alerts-title">
      <Title order={2} size="h3" id="kk-alerts-title" mb="sm">
        {t.websites.alertsTitle}
      </Title>
      {alerts.isPending && <Loading />}
      {alerts.isError && <ErrorAlert error={alerts.error} />}
      {ack.isError && <ErrorAlert error={ack.error} />}
      {alerts.isSuccess && items.length === 0 && <Text c="dimmed">{t.websites.noAlerts}</Text>}
      {items.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((a) => (
            <Paper component="li" key={a.id} withBorder p="sm" radius="sm">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={4}>
                  <Text fw={600}>{t.websites.alertText(a.vendor, labelOf(a.websiteId))}</Text>
                  <Text size="sm" c="dimmed">
                    {formatDate(a.createdAt, intlLocale, true)} ·{' '}
                    {a.detail.firstScan ? t.websites.alertFirstScan : t.websites.alertSince}
                  </Text>
                  <List size="sm">
                    {a.detail.items.map((item) => (
                      <List.Item key={`${item.type}:${item.name}:${item.where ?? ''}`}>
                        {t.websites.types[item.type]}: {item.name}
                        {item.where ? ` (${item.where})` : ''}
                      </List.Item>
                    ))}
                  </List>
                </Stack>
                <Button
                  size="xs"
                  variant="default"
                  aria-label={t.websites.acknowledgeNamed(a.vendor, labelOf(a.websiteId))}
                  loading={ack.isPending && ack.variables === a.id}
                  onClick={() =>
                    ack.mutate(a.id, {
                      onSuccess: () => queryClient.invalidateQueries({ queryKey: alertsKey }),
                    })
                  }
                >
                  {t.websites.acknowledge}
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

export function WebsitesPage() {
  const { t, intlLocale } = useI18n();
  const queryClient = useQueryClient();
  const sites = useWebsites();
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [toRemove, setToRemove] = useState<Website | null>(null);
  const items = sites.data?.items ?? [];

  const scan = useMutation({
    mutationFn: (id: string) => scanNow(id),
    onSuccess: (s) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: websitesKey }),
        queryClient.invalidateQueries({ queryKey: scansKey(s.websiteId) }),
      ]),
  });
  const remove = useMutation({
    mutationFn: (id: string) => deleteWebsite(id),
    onSuccess: (_v, id) => {
      setToRemove(null);
      if (historyOf === id) setHistoryOf(null);
      return queryClient.invalidateQueries({ queryKey: websitesKey });
    },
  });
  const historySite = items.find((s) => s.id === historyOf) ?? null;

  // When a scan finishes (the list polls while one runs), its alerts and history change too.
  const finished = items
    .map((s) => `${s.id}:${s.lastDoneScan?.id ?? ''}:${s.latestScan?.status ?? ''}`)
    .join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: refetch exactly when a scan's state changes
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: alertsKey });
    void queryClient.invalidateQueries({ queryKey: ['websites'], predicate: (q) => q.queryKey.length > 2 });
  }, [finished]);

  return (
    <>
      <PageTitle>{t.websites.title}</PageTitle>
      <Text maw={760} mb="lg">
        {t.websites.intro}
      </Text>
      <Stack gap="xl" maw={1200}>
        <AlertsSection sites={items} />

        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-sites-title">
          <Title order={2} size="h3" id="kk-sites-title" mb="sm">
            {t.websites.sitesTitle}
          </Title>
          {sites.isPending && <Loading />}
          {sites.isError && <ErrorAlert error={sites.error} />}
          {scan.isError && <ErrorAlert error={scan.error} />}
          {scan.isSuccess &&
            items.some((s) => s.latestScan?.status === 'queued' || s.latestScan?.status === 'running') && (
              <Text size="sm" role="status" mb="sm">
                {t.websites.scanQueued}
              </Text>
            )}
          {sites.isSuccess && items.length === 0 && <Text c="dimmed">{t.websites.none}</Text>}
          {items.length > 0 && (
            <Table.ScrollContainer minWidth={880}>
              <Table withTableBorder verticalSpacing="sm">
                <Table.Caption className="kk-visually-hidden">{t.websites.sitesCaption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t.websites.site}</Table.Th>
                    <Table.Th scope="col">{t.websites.owner}</Table.Th>
                    <Table.Th scope="col">{t.websites.cadence}</Table.Th>
                    <Table.Th scope="col">{t.websites.verdict}</Table.Th>
                    <Table.Th scope="col">{t.websites.alerts}</Table.Th>
                    <Table.Th scope="col">{t.websites.actions}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((site) => {
                    const busy =
                      site.latestScan?.status === 'queued' || site.latestScan?.status === 'running';
                    return (
                      <Table.Tr key={site.id}>
                        <Table.Th scope="row" fw={400}>
                          <Text fw={600} size="sm">
                            {site.label}
                          </Text>
                          <Anchor
                            href={site.url}
                            size="xs"
                            rel="noreferrer noopener"
                            target="_blank"
                            style={{ wordBreak: 'break-all' }}
                          >
                            {site.url}
                          </Anchor>
                        </Table.Th>
                        <Table.Td>{t.websites.owners[site.owner]}</Table.Td>
                        <Table.Td>{t.websites.cadences[site.cadence]}</Table.Td>
                        <Table.Td>
                          <Stack gap={2}>
                            {site.lastDoneScan ? (
                              <>
                                <ScanVerdict scan={site.lastDoneScan} />
                                <Text size="xs" c="dimmed">
                                  {t.websites.scannedAt(
                                    formatDate(
                                      site.lastDoneScan.finishedAt ?? site.lastDoneScan.createdAt,
                                      intlLocale,
                                      true,
                                    ),
                                  )}
                                </Text>
                              </>
                            ) : (
                              <Text size="sm" c="dimmed">
                                {t.websites.neverScanned}
                              </Text>
                            )}
                            {site.latestScan && site.latestScan.id !== site.lastDoneScan?.id && (
                              <span>
                                <StatusBadge status={site.latestScan.status} />
                              </span>
                            )}
                          </Stack>
                        </Table.Td>
                        <Table.Td>
                          {site.openAlerts > 0 ? (
                            <Badge color="red">{site.openAlerts}</Badge>
                          ) : (
                            t.websites.dash
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="xs"
                              aria-label={t.websites.scanNowNamed(site.label)}
                              disabled={busy}
                              loading={scan.isPending && scan.variables === site.id}
                              onClick={() => scan.mutate(site.id)}
                            >
                              {t.websites.scanNow}
                            </Button>
                            <Button
                              size="xs"
                              variant={historyOf === site.id ? 'filled' : 'default'}
                              aria-label={t.websites.historyNamed(site.label)}
                              aria-pressed={historyOf === site.id}
                              onClick={() => setHistoryOf(historyOf === site.id ? null : site.id)}
                            >
                              {t.websites.history}
                            </Button>
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red"
                              aria-label={t.websites.removeNamed(site.label)}
                              onClick={() => setToRemove(site)}
                            >
                              {t.websites.remove}
                            </Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>

        {historySite && (
          <ScanHistory key={historySite.id} site={historySite} onClose={() => setHistoryOf(null)} />
        )}

        <Paper withBorder radius="md" p="lg">
          <AddWebsiteForm />
        </Paper>
      </Stack>

      <Modal
        opened={toRemove !== null}
        onClose={() => setToRemove(null)}
        title={t.websites.removeTitle}
        closeButtonProps={{ 'aria-label': t.app.close }}
      >
        <Stack>
          <Text size="sm">{toRemove ? t.websites.removeBody(toRemove.label) : ''}</Text>
          {remove.isError && <ErrorAlert error={remove.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setToRemove(null)}>
              {t.websites.cancel}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => toRemove && remove.mutate(toRemove.id)}
            >
              {t.websites.removeConfirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
