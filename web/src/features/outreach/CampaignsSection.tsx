/**
 * Campaigns (C5): templates with their live check, campaigns from an audience,
 * preview, send and the report. No open or click tracking exists, so there are no such numbers.
 */
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import { useCampaigns, useTemplates } from './api';
import { CampaignCreate } from './CampaignCreate';
import { CampaignReport } from './CampaignReport';
import { TemplateEditor } from './TemplateEditor';

type Mode =
  | { kind: 'none' }
  | { kind: 'template'; id: string | null }
  | { kind: 'campaign-new' }
  | { kind: 'campaign'; id: string };

export function CampaignsSection() {
  const { t, intlLocale } = useI18n();
  const m = t.outreach;
  const templates = useTemplates();
  const campaigns = useCampaigns();
  const [mode, setMode] = useState<Mode>({ kind: 'none' });
  const tplItems = templates.data?.items ?? [];
  const cmpItems = campaigns.data?.items ?? [];
  const editing =
    mode.kind === 'template' && mode.id ? (tplItems.find((x) => x.id === mode.id) ?? null) : null;

  return (
    <Stack gap="lg">
      <Text>{m.intro}</Text>

      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {m.campaigns.heading}
          </Title>
          <Button onClick={() => setMode({ kind: 'campaign-new' })}>{m.campaigns.add}</Button>
        </Group>
        {campaigns.isLoading && <Loading />}
        {campaigns.isError && <ErrorAlert error={campaigns.error} />}
        {campaigns.isSuccess && cmpItems.length === 0 && <Text>{m.campaigns.empty}</Text>}
        {cmpItems.length > 0 && (
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{m.campaigns.name}</Table.Th>
                <Table.Th>{m.campaigns.status}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cmpItems.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    {c.name}{' '}
                    <Text span size="xs" c="dimmed">
                      {new Date(c.createdAt).toLocaleDateString(intlLocale)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{m.campaigns.statuses[c.status]}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setMode({ kind: 'campaign', id: c.id })}
                    >
                      {m.campaigns.open}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {mode.kind === 'campaign-new' && (
          <CampaignCreate onDone={(c) => setMode(c ? { kind: 'campaign', id: c.id } : { kind: 'none' })} />
        )}
        {mode.kind === 'campaign' && (
          <CampaignReport id={mode.id} onClose={() => setMode({ kind: 'none' })} />
        )}
      </Stack>

      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {m.templates.heading}
          </Title>
          <Button variant="light" onClick={() => setMode({ kind: 'template', id: null })}>
            {m.templates.add}
          </Button>
        </Group>
        {templates.isLoading && <Loading />}
        {templates.isError && <ErrorAlert error={templates.error} />}
        {templates.isSuccess && tplItems.length === 0 && <Text>{m.templates.empty}</Text>}
        {tplItems.length > 0 && (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{m.templates.name}</Table.Th>
                <Table.Th>{m.templates.version}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tplItems.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{x.name}</Table.Td>
                  <Table.Td>v{x.version}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setMode({ kind: 'template', id: x.id })}
                    >
                      {m.templates.edit}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {mode.kind === 'template' && (
          <TemplateEditor key={mode.id ?? 'new'} initial={editing} onDone={() => setMode({ kind: 'none' })} />
        )}
      </Stack>
    </Stack>
  );
}
