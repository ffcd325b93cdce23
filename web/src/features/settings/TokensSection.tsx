import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDate, type Messages, useI18n } from '../../i18n';
import { type ApiToken, revokeToken, tokensKey, useTokens } from './api';
import { CreateTokenForm } from './CreateTokenForm';

function tokenStatus(token: ApiToken, t: Messages, now: number): { label: string; color: string } {
  if (token.revokedAt !== null) return { label: t.tokens.revoked, color: 'gray' };
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= now) {
    return { label: t.tokens.expired, color: 'orange' };
  }
  return { label: t.tokens.active, color: 'green' };
}

function scopeLabel(scope: string, t: Messages): string {
  return scope in t.tokens.scopeLabels
    ? t.tokens.scopeLabels[scope as keyof Messages['tokens']['scopeLabels']]
    : scope;
}

export function TokensSection({ allowed }: { allowed: boolean }) {
  const { t, intlLocale } = useI18n();
  const queryClient = useQueryClient();
  const tokens = useTokens(allowed);
  const [toRevoke, setToRevoke] = useState<ApiToken | null>(null);

  const revoke = useMutation({
    mutationFn: (id: string) => revokeToken(id),
    onSuccess: () => {
      setToRevoke(null);
      return queryClient.invalidateQueries({ queryKey: tokensKey });
    },
  });

  const now = Date.now();
  const items = tokens.data?.items ?? [];

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-tokens-title">
      <Title order={2} size="h3" id="kk-tokens-title" mb="xs">
        {t.tokens.title}
      </Title>
      <Text size="sm" mb="md" maw={720}>
        {t.tokens.intro}
      </Text>
      {!allowed ? (
        <Text c="dimmed">{t.tokens.notAllowed}</Text>
      ) : (
        <Stack gap="lg">
          {tokens.isPending && <Loading />}
          {tokens.isError && <ErrorAlert error={tokens.error} />}
          {revoke.isError && <ErrorAlert error={revoke.error} />}
          {tokens.isSuccess && items.length === 0 && <Text c="dimmed">{t.tokens.none}</Text>}
          {items.length > 0 && (
            <Table withTableBorder>
              <Table.Caption className="kk-visually-hidden">{t.tokens.caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.tokens.name}</Table.Th>
                  <Table.Th scope="col">{t.tokens.scopes}</Table.Th>
                  <Table.Th scope="col">{t.tokens.created}</Table.Th>
                  <Table.Th scope="col">{t.tokens.expires}</Table.Th>
                  <Table.Th scope="col">{t.tokens.lastUsed}</Table.Th>
                  <Table.Th scope="col">{t.tokens.status}</Table.Th>
                  <Table.Th scope="col">
                    <span className="kk-visually-hidden">{t.tokens.actions}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((token) => {
                  const status = tokenStatus(token, t, now);
                  return (
                    <Table.Tr key={token.id}>
                      <Table.Td fw={600}>{token.name}</Table.Td>
                      <Table.Td>{token.scopes.map((s) => scopeLabel(s, t)).join(', ')}</Table.Td>
                      <Table.Td>{formatDate(token.createdAt, intlLocale)}</Table.Td>
                      <Table.Td>{token.expiresAt ? formatDate(token.expiresAt, intlLocale) : '—'}</Table.Td>
                      <Table.Td>
                        {token.lastUsedAt ? formatDate(token.lastUsedAt, intlLocale, true) : t.tokens.never}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={status.color} variant="dot" tt="none" className="kk-status">
                          {status.label}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {token.revokedAt === null && (
                          <Button
                            variant="subtle"
                            color="red"
                            size="xs"
                            aria-label={t.tokens.revokeNamed(token.name)}
                            onClick={() => setToRevoke(token)}
                          >
                            {t.tokens.revoke}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
          <CreateTokenForm />
        </Stack>
      )}

      <Modal
        opened={toRevoke !== null}
        onClose={() => setToRevoke(null)}
        title={t.tokens.revokeTitle}
        closeButtonProps={{ 'aria-label': t.app.close }}
        // Mantine renders the modal header as <header>, which would count as a second page banner.
        attributes={{ header: { role: 'none' } }}
        centered
      >
        <Text size="sm" mb="lg">
          {toRevoke ? t.tokens.revokeBody(toRevoke.name) : ''}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setToRevoke(null)}>
            {t.tokens.cancel}
          </Button>
          <Button
            color="red.9"
            loading={revoke.isPending}
            onClick={() => toRevoke && revoke.mutate(toRevoke.id)}
          >
            {t.tokens.revokeConfirm}
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}
