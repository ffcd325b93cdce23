import { Paper, Table, Text, Title } from '@mantine/core';
import { formatDate, type Messages, useI18n } from '../../i18n';
import type { RoleAssignment, SessionUser } from '../auth/session';
import { roleLabel } from '../shell/areas';

/** Reads the postcode range of an area scope, whatever reasonable shape the server sends. */
function areaRange(area: unknown): [string, string] | null {
  if (area === null || area === undefined) return null;
  if (typeof area === 'string') return [area, area];
  if (typeof area === 'object' && 'from' in area && 'to' in area) {
    return [String(area.from), String(area.to)];
  }
  return null;
}

function scopeText(assignment: RoleAssignment, t: Messages): string {
  const parts: string[] = [];
  if (assignment.branchId !== null)
    parts.push(t.settings.branchScope(assignment.branchName ?? assignment.branchId));
  if (assignment.candidateId !== null) parts.push(t.settings.candidateScope);
  const range = areaRange(assignment.area);
  if (range !== null) parts.push(t.settings.areaScope(range[0], range[1]));
  return parts.length > 0 ? parts.join(' · ') : t.settings.wholeParty;
}

export function AccountSection({ user }: { user: SessionUser }) {
  const { t, intlLocale } = useI18n();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-account-title">
      <Title order={2} size="h3" id="kk-account-title" mb="md">
        {t.settings.account}
      </Title>
      <dl className="kk-facts">
        <dt>{t.settings.username}</dt>
        <dd>{user.username}</dd>
        <dt>{t.settings.displayName}</dt>
        <dd>{user.displayName}</dd>
      </dl>
      <Title order={3} size="h4" mt="lg" mb="xs">
        {t.settings.roles}
      </Title>
      {user.roles.length === 0 ? (
        <Text c="dimmed">{t.settings.noRoles}</Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.settings.role}</Table.Th>
              <Table.Th scope="col">{t.settings.scope}</Table.Th>
              <Table.Th scope="col">{t.settings.validUntil}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {user.roles.map((assignment, index) => (
              // Assignments have no id of their own in the session answer.
              // biome-ignore lint/suspicious/noArrayIndexKey: static list, never reordered
              <Table.Tr key={index}>
                <Table.Td>{roleLabel(assignment.role, t.roles)}</Table.Td>
                <Table.Td>{scopeText(assignment, t)}</Table.Td>
                <Table.Td>
                  {assignment.validUntil ? formatDate(assignment.validUntil, intlLocale) : t.settings.noEnd}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
