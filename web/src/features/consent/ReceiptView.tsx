import { Alert, Code, Stack, Table, Text, Title } from '@mantine/core';
import { formatDate, useI18n } from '../../i18n';
import type { Receipt } from './api';

/** The consent receipt: the exact text shown, time, channel, notice version and the evidence. */
export function ReceiptView({ receipt }: { receipt: Receipt }) {
  const { t, intlLocale } = useI18n();
  const m = t.consent.receipt;
  const c = receipt.consent;
  const e = receipt.evidence;
  const rows: [string, string | null][] = [
    [t.consent.persons.purpose, c.purposeName],
    [m.givenAt, formatDate(c.givenAt, intlLocale, true)],
    [m.confirmedAt, c.confirmedAt ? formatDate(c.confirmedAt, intlLocale, true) : null],
    [m.channel, t.consent.offline.channels[c.channel] ?? c.channel],
    [m.explicit, c.explicit ? t.consent.common.yes : t.consent.common.no],
    [m.controllers, receipt.controllerNames.join(', ')],
    [
      m.notice,
      receipt.notice
        ? [receipt.notice.url, receipt.notice.sha256.slice(0, 16)].filter(Boolean).join(' · ')
        : m.noNotice,
    ],
    [m.form, e.formSlug],
    [m.submission, e.submissionId],
    [m.collector, e.collector],
    [m.place, e.place],
    [m.ipHash, e.ipHash],
    [m.userAgent, e.userAgent],
    [
      m.scan,
      e.scan ? `${e.scan.contentType}, ${e.scan.sizeBytes} B, SHA-256 ${e.scan.sha256.slice(0, 16)}…` : null,
    ],
    [m.guardian, e.guardianName],
    [
      m.withdrawn,
      c.withdrawnAt
        ? `${formatDate(c.withdrawnAt, intlLocale, true)} ${m.withdrawnVia(t.consent.withdraw.channels[c.withdrawalChannel ?? ''] ?? '')}`
        : null,
    ],
    [m.onBehalfOf, e.onBehalfOf],
  ];
  return (
    <Stack gap="sm">
      {receipt.text && (
        <section aria-labelledby="kk-receipt-text">
          <Title order={3} size="h5" id="kk-receipt-text">
            {m.text} ·{' '}
            {m.version(
              receipt.text.version,
              t.consent.common.languages[receipt.text.language] ?? receipt.text.language,
            )}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} my="xs">
            {receipt.text.fullText}
          </Text>
          <Text size="xs" c="dimmed">
            SHA-256 <Code>{receipt.text.sha256}</Code>
          </Text>
          <Alert variant="light" color={receipt.text.intact ? 'teal' : 'red'} mt="xs" p="xs">
            <Text size="xs">{receipt.text.intact ? m.intact : m.notIntact}</Text>
          </Alert>
        </section>
      )}
      <Table withTableBorder verticalSpacing={4}>
        <Table.Tbody>
          {rows
            .filter(([, v]) => v !== null && v !== '')
            .map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Th scope="row" w="40%">
                  {k}
                </Table.Th>
                <Table.Td style={{ wordBreak: 'break-word' }}>{v}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
