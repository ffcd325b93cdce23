/**
 * One campaign: preview for one recipient, send, and the report (counts per status and per exclusion
 * reason; messages in doubt with an explicit resend). No open or click counts: there are none.
 */
import { Alert, Badge, Button, Code, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import { codeText } from '../audiences/codeText';
import {
  campaignsKey,
  MESSAGE_STATUSES,
  type Preview,
  previewCampaign,
  reportKey,
  resendMessage,
  sendCampaign,
  useReport,
} from './api';

export function CampaignReport(props: { id: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const m = t.outreach.report;
  const qc = useQueryClient();
  const report = useReport(props.id);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      await qc.invalidateQueries({ queryKey: reportKey(props.id) });
      await qc.invalidateQueries({ queryKey: campaignsKey });
    } catch (e) {
      setError(e);
    }
  };

  if (report.isLoading) return <Loading />;
  if (report.isError) return <ErrorAlert error={report.error} />;
  const r = report.data!;
  const reasons = Object.entries(r.byReason);

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {r.campaign.name}{' '}
            <Badge variant="light">{t.outreach.campaigns.statuses[r.campaign.status]}</Badge>
          </Title>
          <Button variant="subtle" onClick={props.onClose}>
            {t.outreach.campaigns.close}
          </Button>
        </Group>
        <Group>
          <Button
            variant="light"
            onClick={() => run(async () => setPreview(await previewCampaign(props.id)))}
          >
            {m.preview}
          </Button>
          {r.campaign.status === 'draft' &&
            (confirming ? (
              <>
                <Text size="sm">{m.confirmSend}</Text>
                <Button
                  color="red"
                  onClick={() =>
                    run(async () => {
                      await sendCampaign(props.id);
                      setConfirming(false);
                    })
                  }
                >
                  {m.send}
                </Button>
                <Button variant="subtle" onClick={() => setConfirming(false)}>
                  {t.outreach.templates.cancel}
                </Button>
              </>
            ) : (
              <Button onClick={() => setConfirming(true)}>{m.send}</Button>
            ))}
        </Group>
        {error !== null && <ErrorAlert error={error} />}
        {(r.campaign.status === 'queued' || r.campaign.status === 'sending') && (
          <Alert color="blue" role="status">
            {m.sending}
          </Alert>
        )}
        {r.byStatus.held > 0 && (
          <Alert color="yellow" title={m.held} role="status">
            <Text size="sm">{m.heldHint(r.byStatus.held)}</Text>
          </Alert>
        )}
        {preview && (
          <section aria-label={m.previewHeading}>
            <Title order={4} size="h5">
              {m.previewHeading}
            </Title>
            {preview.excluded || !preview.message ? (
              <>
                <Text size="sm">{m.previewExcluded}</Text>
                <List size="sm">
                  {preview.reasons.map((c) => (
                    <List.Item key={c}>{codeText(c, locale)}</List.Item>
                  ))}
                </List>
              </>
            ) : (
              <Stack gap={4}>
                <Text fw={600}>{preview.message.subject}</Text>
                <Code block>{preview.message.text}</Code>
              </Stack>
            )}
          </section>
        )}
        <Title order={4} size="h5">
          {m.byStatus}
        </Title>
        <Table>
          <Table.Tbody>
            {MESSAGE_STATUSES.map((s) => (
              <Table.Tr key={s}>
                <Table.Td>{m.statuses[s]}</Table.Td>
                <Table.Td>{r.byStatus[s] ?? 0}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" c="dimmed">
          {m.noTracking}
        </Text>
        <Title order={4} size="h5">
          {m.byReason}
        </Title>
        {reasons.length === 0 ? (
          <Text size="sm">{m.noReasons}</Text>
        ) : (
          <Table>
            <Table.Tbody>
              {reasons.map(([code, n]) => (
                <Table.Tr key={code}>
                  <Table.Td>{codeText(code, locale)}</Table.Td>
                  <Table.Td>
                    <Text span size="xs" ff="monospace">
                      {code}
                    </Text>
                  </Table.Td>
                  <Table.Td>{n}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {r.inDoubt.length > 0 && (
          <Alert color="orange" title={m.inDoubt}>
            <Text size="sm">{m.inDoubtHint}</Text>
            <List size="sm">
              {r.inDoubt.map((d) => (
                <List.Item key={d.id}>
                  <Text span size="xs" ff="monospace">
                    {d.id}
                  </Text>{' '}
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => run(() => resendMessage(props.id, d.id))}
                  >
                    {m.resend}
                  </Button>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
