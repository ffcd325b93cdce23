import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { AuthLayout } from './AuthLayout';
import { login, sessionKey } from './session';

export function LoginPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);

  const mutation = useMutation({
    mutationFn: () => login(username.trim(), password),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
    // The server's message explains the refusal; the emptied field is not a missing-input error.
    onError: () => {
      setPassword('');
      setTouched(false);
    },
  });

  const usernameError = touched && username.trim() === '' ? t.auth.usernameRequired : undefined;
  const passwordError = touched && password === '' ? t.auth.passwordRequired : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (username.trim() === '' || password === '') return;
    mutation.mutate();
  }

  return (
    <AuthLayout>
      <form onSubmit={submit} noValidate>
        <Stack>
          <div>
            <PageTitle size="h2">{t.auth.loginTitle}</PageTitle>
            <Text size="sm" c="dimmed" mt={-8}>
              {t.auth.loginIntro}
            </Text>
          </div>
          {mutation.isError && <ErrorAlert error={mutation.error} />}
          <TextInput
            label={t.auth.username}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            error={usernameError}
            onChange={(event) => setUsername(event.currentTarget.value)}
          />
          <PasswordInput
            label={t.auth.password}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            error={passwordError}
            onChange={(event) => setPassword(event.currentTarget.value)}
            visibilityToggleButtonProps={{ 'aria-label': t.auth.showPassword }}
          />
          <Button type="submit" loading={mutation.isPending} fullWidth mt="xs">
            {t.auth.submit}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
