/**
 * One audience: its criteria and classification, "Evalueren" (included, and excluded per reason with the
 * reason in plain words), who and why per reason, and frozen snapshots.
 */
import { Alert, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, useI18n } from '../../i18n';
import { type Audience, evaluateAudience, freezeSnapshot, snapshotsKey, useSnapshots } from './api';
import { ClassBadge, CriteriaSummary } from './ClassBadge';
import { codeText } from './codeText';
import { strongAlert, strongBadge } from './contrast';
import { WhoList } from './WhoList';

export function AudienceDetail({ audience, onEdit }: { audience: Audience; onEdit: () => void }) {
  const { t, locale, intlLocale } = useI18n();
  const m = t.audiences.detail;
  const queryClient = useQueryClient();
  const [who, setWho] = useState<{ outcome: 'included' | 'excluded'; reason: string | null } | null>(null);
  const evaluation = useMutation({ mutationFn: () => evaluateAudience(audience.id) });
  const freeze = useMutation({
    mutationFn: () => freezeSnapshot(audience.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: snapshotsKey(audience.id) }),
  });
  const snapshots = useSnapshots(audience.id);
  const e = evaluation.data;
  const reasons = e ? Object.entries(e.excluded).sort((a, b) => b[1] - a[1]) : [];
  const headingId = `kk-audience-detail-${audience.id}`;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id={headingId}>
            {audience.name}
          </Title>
          <Button variant="light" onClick={onEdit}>
            {m.edit}
          </Button>
        </Group>
        <Text size="sm">
          {t.audiences.list.activity}: {audience.activityName}
        </Text>
        <ClassBadge audience={audience} />
        <Text size="sm">
          <strong>{m.criteria}:</strong> <CriteriaSummary criteria={audience.criteria} />
        </Text>
        {audience.classificationDetail.flags.includes('AUDIENCE_SINGLES_OUT') && (
          <Alert color="yellow" variant="light" styles={strongAlert('yellow')}>
            {m.singlesOut}
          </Alert>
        )}
        {audience.classificationDetail.flags.includes('SPECIAL_CATEGORY_INFERENCE') && (
          <Alert color="yellow" variant="light" styles={strongAlert('yellow')}>
            {m.inference}
          </Alert>
        )}
        <Group>
          <Button onClick={() => evaluation.mutate()} loading={evaluation.isPending}>
            {m.evaluate}
          </Button>
          <Button variant="light" onClick={() => freeze.mutate()} loading={freeze.isPending}>
            {m.freeze}
          </Button>
        </Group>
        {evaluation.isError && <ErrorAlert error={evaluation.error} />}
        {freeze.isError && <ErrorAlert error={freeze.error} />}
        {freeze.isSuccess && (
          <Text size="sm" role="status">
            {m.frozen(freeze.data.includedCount)}
          </Text>
        )}
        {e && (
          <section aria-label={m.evaluationTitle}>
            <Title order={4} size="h5">
              {m.evaluationTitle}
            </Title>
            <Text size="xs" c="dimmed">
              {m.referenceDate(formatDate(e.referenceDate, intlLocale, true))}
            </Text>
            {e.refusals.length > 0 && (
              <Alert color="red" variant="light" title={m.refused} role="alert" styles={strongAlert('red')}>
                <List size="sm">
                  {e.refusals.map((r) => (
                    <List.Item key={r}>{codeText(r, locale)}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Text>{m.matched(e.matched)}</Text>
            <Group gap="xs">
              <Badge color="green" variant="light" size="lg" tt="none" styles={strongBadge('green')}>
                {m.included(e.includedCount)}
              </Badge>
              <Badge color="red" variant="light" size="lg" tt="none" styles={strongBadge('red')}>
                {m.excludedPersons(e.excludedPersons)}
              </Badge>
              {e.includedCount > 0 && (
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => setWho({ outcome: 'included', reason: null })}
                >
                  {m.showIncluded}
                </Button>
              )}
            </Group>
            {reasons.length > 0 && (
              <Table.ScrollContainer minWidth={560} mt="sm">
                <Table striped>
                  <Table.Caption>{m.reasonsTitle}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{m.reason}</Table.Th>
                      <Table.Th>{m.count}</Table.Th>
                      <Table.Th>
                        <span className="kk-visually-hidden">{m.show}</span>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {reasons.map(([code, n]) => (
                      <Table.Tr key={code}>
                        <Table.Td>
                          {codeText(code, locale)}{' '}
                          <Text span size="xs" ff="monospace">
                            ({code})
                          </Text>
                        </Table.Td>
                        <Table.Td>{n}</Table.Td>
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="subtle"
                            aria-label={`${m.show}: ${codeText(code, locale)}`}
                            onClick={() => setWho({ outcome: 'excluded', reason: code })}
                          >
                            {m.show}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </section>
        )}
        <Title order={4} size="h5">
          {m.snapshots}
        </Title>
        {snapshots.isError && <ErrorAlert error={snapshots.error} />}
        {snapshots.data && snapshots.data.items.length === 0 && <Text size="sm">{m.noSnapshots}</Text>}
        {snapshots.data && snapshots.data.items.length > 0 && (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{m.snapshotDate}</Table.Th>
                <Table.Th>{m.usedFor}</Table.Th>
                <Table.Th>{m.includedCol}</Table.Th>
                <Table.Th>{m.excludedCol}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {snapshots.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{formatDate(s.createdAt, intlLocale, true)}</Table.Td>
                  <Table.Td>{m.usedForNames[s.usedFor] ?? s.usedFor}</Table.Td>
                  <Table.Td>{s.includedCount}</Table.Td>
                  <Table.Td>{s.excludedPersons}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {who && (
        <WhoList
          audienceId={audience.id}
          outcome={who.outcome}
          reason={who.reason}
          onClose={() => setWho(null)}
        />
      )}
    </Paper>
  );
}
