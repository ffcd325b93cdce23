import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onSessionLost } from './api';
import { ErrorAlert } from './components/ErrorAlert';
import { Loading } from './components/Loading';
import { LoginPage } from './features/auth/LoginPage';
import { MfaEnrollPage } from './features/auth/MfaEnrollPage';
import { MfaVerifyPage } from './features/auth/MfaVerifyPage';
import { sessionKey, useSession } from './features/auth/session';
import { Shell } from './features/shell/Shell';
import { isLocale, useI18n } from './i18n';

/** Picks the screen from the session stage the server reports. */
export function App() {
  const { t, setLocale } = useI18n();
  const queryClient = useQueryClient();
  const session = useSession();
  const user = session.data?.user;

  useEffect(() => {
    onSessionLost(() => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    });
  }, [queryClient]);

  // Once the server knows who this is, its stored language preference wins.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when another user signs in
  useEffect(() => {
    if (user && isLocale(user.locale)) setLocale(user.locale);
  }, [user?.id]);

  if (session.isPending) {
    return (
      <main>
        <Loading py="30vh" />
      </main>
    );
  }

  if (session.isError) {
    return (
      <Center component="main" mih="100vh" p="md">
        <Stack maw={480}>
          <Title order={1} size="h2">
            {t.errors.unavailableTitle}
          </Title>
          <ErrorAlert error={session.error} />
          <Button onClick={() => session.refetch()} loading={session.isFetching}>
            {t.errors.retry}
          </Button>
        </Stack>
      </Center>
    );
  }

  switch (session.data.stage) {
    case 'active':
      return user ? <Shell user={user} /> : <Text>{t.errors.generic}</Text>;
    case 'mfa_verify':
      return <MfaVerifyPage />;
    case 'mfa_enroll':
      return <MfaEnrollPage />;
    default:
      return <LoginPage />;
  }
}
