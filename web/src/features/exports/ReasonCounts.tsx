import { List, Table, Text } from '@mantine/core';
import { useI18n } from '../../i18n';
import { codeText } from '../audiences/codeText';

/** Reasons in plain words, with the stable code small beside each. */
export function ReasonList({ codes }: { codes: string[] }) {
  const { locale } = useI18n();
  return (
    <List size="sm" spacing={4}>
      {codes.map((c) => (
        <List.Item key={c}>
          {codeText(c, locale)}{' '}
          <Text span size="xs" c="dimmed" ff="monospace">
            ({c})
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** Persons left out, per reason (a person can have several reasons). */
export function ReasonCounts({ counts }: { counts: Record<string, number> }) {
  const { t, locale } = useI18n();
  const m = t.exports.exports;
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (rows.length === 0) return <Text size="sm">{m.noneExcluded}</Text>;
  return (
    <Table withTableBorder verticalSpacing={4} maw={760}>
      <Table.Caption className="kk-visually-hidden">{m.excludedCaption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{m.reason}</Table.Th>
          <Table.Th scope="col" ta="right">
            {m.count}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([code, n]) => (
          <Table.Tr key={code}>
            <Table.Td>
              {codeText(code, locale)}{' '}
              <Text span size="xs" c="dimmed" ff="monospace">
                ({code})
              </Text>
            </Table.Td>
            <Table.Td ta="right">{n}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
