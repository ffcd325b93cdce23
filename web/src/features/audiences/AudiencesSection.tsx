/**
 * Audiences (C5): the list within my scope, the criteria builder bound to an activity, and per audience its
 * classification, evaluation through the legal gate, who and why, and snapshots.
 */
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import { AudienceDetail } from './AudienceDetail';
import { type Audience, useAudiences } from './api';
import { ClassBadge } from './ClassBadge';
import { CriteriaBuilder } from './CriteriaBuilder';

type Mode = { kind: 'none' } | { kind: 'new' } | { kind: 'view'; id: string } | { kind: 'edit'; id: string };

export function AudiencesSection() {
  const { t } = useI18n();
  const m = t.audiences.list;
  const audiences = useAudiences();
  const [mode, setMode] = useState<Mode>({ kind: 'none' });
  const items = audiences.data?.items ?? [];
  const current: Audience | undefined =
    mode.kind === 'view' || mode.kind === 'edit' ? items.find((a) => a.id === mode.id) : undefined;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {m.heading}
        </Title>
        <Button onClick={() => setMode({ kind: 'new' })}>{m.newAudience}</Button>
      </Group>
      {audiences.isLoading && <Loading />}
      {audiences.isError && <ErrorAlert error={audiences.error} />}
      {audiences.isSuccess && items.length === 0 && <Text>{m.empty}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{m.name}</Table.Th>
                <Table.Th>{m.activity}</Table.Th>
                <Table.Th>{m.classification}</Table.Th>
                <Table.Th>
                  <span className="kk-visually-hidden">{m.actions}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    {a.name}
                    {a.scoped && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({m.scoped})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{a.activityName}</Table.Td>
                  <Table.Td>
                    <ClassBadge audience={a} compact />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-label={m.openNamed(a.name)}
                      onClick={() => setMode({ kind: 'view', id: a.id })}
                    >
                      {m.open}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {mode.kind === 'new' && (
        <CriteriaBuilder
          initial={null}
          onDone={(a) => setMode({ kind: 'view', id: a.id })}
          onCancel={() => setMode({ kind: 'none' })}
        />
      )}
      {mode.kind === 'edit' && current && (
        <CriteriaBuilder
          key={current.id}
          initial={current}
          onDone={(a) => setMode({ kind: 'view', id: a.id })}
          onCancel={() => setMode({ kind: 'view', id: current.id })}
        />
      )}
      {mode.kind === 'view' && current && (
        <AudienceDetail
          key={current.id}
          audience={current}
          onEdit={() => setMode({ kind: 'edit', id: current.id })}
        />
      )}
    </Stack>
  );
}
