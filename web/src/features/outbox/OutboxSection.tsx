/**
 * The mail outbox (admins, permission `mail:read`): outgoing mail with its delivery state, and one message
 * in full in a dialog. Without SMTP the double opt-in mail is held here, so an admin can open the
 * confirmation link and the demo works end to end. Opening a message is audited on the server.
 */
import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDate, type Messages, useI18n } from '../../i18n';
import { type MailStatus, type OutboxItem, outboxKey, useOutbox, useOutboxMessage } from './api';

const STATUS_COLOR: Record<MailStatus, string> = {
  queued: 'blue',
  sent: 'green',
  failed: 'red',
  held: 'gray',
};

function kindLabel(kind: string, t: Messages): string {
  return t.mail.kinds[kind] ?? kind;
}

/** The text body with its http(s) links clickable (plain links: mail carries no tracking, R-69). */
function LinkedText({ text }: { text: string }) {
  // Each piece keyed by where it starts in the text (stable for a given message).
  let at = 0;
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g).map((part) => {
    const piece = { part, at };
    at += part.length;
    return piece;
  });
  return (
    <Text
      component="pre"
      size="sm"
      style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'inherit', margin: 0 }}
    >
      {parts.map(({ part, at: key }) =>
        /^https?:\/\//.test(part) ? (
          <Anchor key={key} href={part} target="_blank" rel="noopener noreferrer">
            {part}
          </Anchor>
        ) : (
          <Fragment key={key}>{part}</Fragment>
        ),
      )}
    </Text>
  );
}

function StatusCell({ item }: { item: OutboxItem }) {
  const { t, intlLocale } = useI18n();
  return (
    <Stack gap={2}>
      <Badge color={STATUS_COLOR[item.status]} variant="light">
        {t.mail.statuses[item.status]}
      </Badge>
      {item.attempts > 0 && item.status !== 'sent' && <Text size="xs">{t.mail.attempts(item.attempts)}</Text>}
      {item.status === 'failed' && (
        <Text size="xs">
          {item.nextAttemptAt
            ? t.mail.retryAt(formatDate(item.nextAttemptAt, intlLocale, true))
            : t.mail.noRetry}
        </Text>
      )}
    </Stack>
  );
}

function MessageDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, intlLocale } = useI18n();
  const message = useOutboxMessage(id);
  const m = message.data;
  return (
    <Modal
      opened={id !== null}
      onClose={onClose}
      size="lg"
      title={m?.subject ?? t.mail.messageTitle}
      closeButtonProps={{ 'aria-label': t.mail.close }}
    >
      {message.isPending && <Loading />}
      {message.isError && <ErrorAlert error={message.error} />}
      {m && (
        <Stack gap="sm">
          <Table variant="vertical" withTableBorder layout="fixed">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={140}>{t.mail.fieldTo}</Table.Th>
                <Table.Td style={{ wordBreak: 'break-all' }}>{m.to}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t.mail.fieldSubject}</Table.Th>
                <Table.Td>{m.subject}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t.mail.kind}</Table.Th>
                <Table.Td>{kindLabel(m.kind, t)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t.mail.status}</Table.Th>
                <Table.Td>
                  <StatusCell item={m} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t.mail.fieldCreated}</Table.Th>
                <Table.Td>{formatDate(m.createdAt, intlLocale, true)}</Table.Td>
              </Table.Tr>
              {m.sentAt && (
                <Table.Tr>
                  <Table.Th>{t.mail.fieldSent}</Table.Th>
                  <Table.Td>{formatDate(m.sentAt, intlLocale, true)}</Table.Td>
                </Table.Tr>
              )}
              {m.lastError && (
                <Table.Tr>
                  <Table.Th>{t.mail.fieldError}</Table.Th>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{m.lastError}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          <Title order={3} size="h5">
            {t.mail.body}
          </Title>
          <Text size="xs" c="dimmed">
            {t.mail.linkHint}
          </Text>
          <Paper withBorder p="sm" radius="sm">
            <LinkedText text={m.text} />
          </Paper>
        </Stack>
      )}
    </Modal>
  );
}

export function OutboxSection({ allowed = true }: { allowed?: boolean }) {
  const { t, intlLocale } = useI18n();
  const queryClient = useQueryClient();
  const outbox = useOutbox(allowed);
  const [openId, setOpenId] = useState<string | null>(null);
  const items = outbox.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-outbox-title">
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={2} size="h3" id="kk-outbox-title">
          {t.mail.title}
        </Title>
        {allowed && (
          <Button
            variant="default"
            size="xs"
            loading={outbox.isRefetching}
            onClick={() => void queryClient.invalidateQueries({ queryKey: outboxKey })}
          >
            {t.mail.refresh}
          </Button>
        )}
      </Group>
      <Text size="sm" mb="md" maw={760}>
        {t.mail.intro}
      </Text>
      {!allowed ? (
        <Text c="dimmed">{t.mail.notAllowed}</Text>
      ) : (
        <Stack gap="md">
          {outbox.isPending && <Loading />}
          {outbox.isError && <ErrorAlert error={outbox.error} />}
          {outbox.isSuccess && items.length === 0 && <Text c="dimmed">{t.mail.none}</Text>}
          {items.length > 0 && (
            <Table.ScrollContainer minWidth={760}>
              <Table withTableBorder verticalSpacing="sm">
                <Table.Caption className="kk-visually-hidden">{t.mail.caption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t.mail.time}</Table.Th>
                    <Table.Th scope="col">{t.mail.kind}</Table.Th>
                    <Table.Th scope="col">{t.mail.to}</Table.Th>
                    <Table.Th scope="col">{t.mail.subject}</Table.Th>
                    <Table.Th scope="col">{t.mail.status}</Table.Th>
                    <Table.Th scope="col">{t.mail.actions}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{formatDate(m.createdAt, intlLocale, true)}</Table.Td>
                      <Table.Td>{kindLabel(m.kind, t)}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-all' }}>{m.to}</Table.Td>
                      <Table.Th scope="row" fw={400}>
                        {m.subject}
                      </Table.Th>
                      <Table.Td>
                        <StatusCell item={m} />
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={t.mail.openNamed(m.subject, m.to)}
                          onClick={() => setOpenId(m.id)}
                        >
                          {t.mail.open}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {outbox.hasNextPage && (
            <Group>
              <Button
                variant="default"
                loading={outbox.isFetchingNextPage}
                onClick={() => void outbox.fetchNextPage()}
              >
                {t.mail.more}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      <MessageDialog id={openId} onClose={() => setOpenId(null)} />
    </Paper>
  );
}
