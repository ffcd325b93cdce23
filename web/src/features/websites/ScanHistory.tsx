import { Anchor, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDate, useI18n } from '../../i18n';
import { type Finding, type Scan, useScan, useScans, type Website } from './api';
import { ScanVerdict, StatusBadge } from './ScanVerdict';

const MAX_ROWS = 300;
const ORDER = { tracker: 0, unknown: 1, necessary: 2 } as const;
const COLORS = { tracker: 'red', unknown: 'yellow', necessary: 'gray' } as const;

function what(f: Finding): string {
  if (f.type === 'host') return f.host ?? '';
  if (f.type === 'cookie') return f.domain ? `${f.name ?? ''} (${f.domain})` : (f.name ?? '');
  return f.origin ? `${f.key ?? ''} (${f.origin})` : (f.key ?? '');
}

function Findings({ site, scan }: { site: Website; scan: Scan }) {
  const { t, intlLocale } = useI18n();
  const detail = useScan(site.id, scan.id);
  const when = formatDate(scan.createdAt, intlLocale, true);
  const report = detail.data?.report ?? null;
  const findings = (report?.pages ?? [])
    .flatMap((p) => p.findings)
    .sort((a, b) => ORDER[a.classification] - ORDER[b.classification]);
  const problems = [...(report?.problems ?? []), ...(report?.pages ?? []).flatMap((p) => p.problems)];
  const shown = findings.slice(0, MAX_ROWS);

  return (
    <Stack gap="sm" component="section" aria-labelledby="kk-findings-title">
      <Title order={3} size="h4" id="kk-findings-title">
        {t.websites.findingsTitle(when)}
      </Title>
      {detail.isPending && <Loading />}
      {detail.isError && <ErrorAlert error={detail.error} />}
      {scan.error && <Text size="sm">{scan.error}</Text>}
      {detail.isSuccess && (
        <Anchor href={`/api/v1/websites/${site.id}/scans/${scan.id}`} target="_blank" size="sm">
          {t.websites.evidence}
        </Anchor>
      )}
      {problems.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            {t.websites.problems}
          </Text>
          <List size="sm">
            {[...new Set(problems)].map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </>
      )}
      {detail.isSuccess && findings.length === 0 && <Text c="dimmed">{t.websites.noFindings}</Text>}
      {shown.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped withTableBorder>
            <Table.Caption className="kk-visually-hidden">{t.websites.findingsCaption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.websites.phase}</Table.Th>
                <Table.Th scope="col">{t.websites.type}</Table.Th>
                <Table.Th scope="col">{t.websites.what}</Table.Th>
                <Table.Th scope="col">{t.websites.vendor}</Table.Th>
                <Table.Th scope="col">{t.websites.classification}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((f, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id; the list is static
                <Table.Tr key={i}>
                  <Table.Td>{t.websites.phases[f.phase]}</Table.Td>
                  <Table.Td>{t.websites.types[f.type]}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{what(f)}</Table.Td>
                  <Table.Td>{f.vendor ?? t.websites.dash}</Table.Td>
                  <Table.Td>
                    <Badge color={COLORS[f.classification]} variant="dot" tt="none" className="kk-status">
                      {t.websites.classifications[f.classification]}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {findings.length > shown.length && (
        <Text size="sm" c="dimmed">
          {t.websites.shownFirst(shown.length, findings.length)}
        </Text>
      )}
    </Stack>
  );
}

/** The scans of one site, newest first, and the findings of the chosen one. */
export function ScanHistory({ site, onClose }: { site: Website; onClose: () => void }) {
  const { t, intlLocale } = useI18n();
  const scans = useScans(site.id);
  const items = scans.data?.items ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const selected = items.find((s) => s.id === chosen) ?? items.find((s) => s.status === 'done') ?? null;

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-history-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="kk-history-title">
          {t.websites.historyTitle(site.label)}
        </Title>
        <Button variant="default" size="xs" onClick={onClose}>
          {t.websites.closeHistory}
        </Button>
      </Group>
      <Stack gap="lg">
        {scans.isPending && <Loading />}
        {scans.isError && <ErrorAlert error={scans.error} />}
        {scans.isSuccess && items.length === 0 && <Text c="dimmed">{t.websites.noScans}</Text>}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table withTableBorder highlightOnHover>
              <Table.Caption className="kk-visually-hidden">{t.websites.scansCaption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.websites.requested}</Table.Th>
                  <Table.Th scope="col">{t.websites.trigger}</Table.Th>
                  <Table.Th scope="col">{t.websites.status}</Table.Th>
                  <Table.Th scope="col">{t.websites.pages}</Table.Th>
                  <Table.Th scope="col">{t.websites.result}</Table.Th>
                  <Table.Th scope="col">{t.websites.findings}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((scan) => {
                  const when = formatDate(scan.createdAt, intlLocale, true);
                  const current = selected?.id === scan.id;
                  return (
                    <Table.Tr key={scan.id} aria-current={current ? 'true' : undefined}>
                      <Table.Td>{when}</Table.Td>
                      <Table.Td>{t.websites.triggers[scan.trigger]}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={scan.status} />
                      </Table.Td>
                      <Table.Td>{scan.pages ?? t.websites.dash}</Table.Td>
                      <Table.Td>
                        {scan.status === 'done' ? <ScanVerdict scan={scan} /> : t.websites.dash}
                      </Table.Td>
                      <Table.Td>
                        {(scan.status === 'done' || scan.status === 'failed') && (
                          <Button
                            size="xs"
                            variant={current ? 'filled' : 'default'}
                            aria-label={t.websites.findingsNamed(when)}
                            aria-pressed={current}
                            onClick={() => setChosen(scan.id)}
                          >
                            {t.websites.findings}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {selected && <Findings key={selected.id} site={site} scan={selected} />}
      </Stack>
    </Paper>
  );
}
