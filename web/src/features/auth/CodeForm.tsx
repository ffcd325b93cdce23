import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { CODE_PATTERN, logout, normaliseCode, sessionKey } from './session';

/** The 6-digit TOTP field shared by MFA verification and enrolment, with a way back out. */
export function CodeForm({
  submitLabel,
  send,
}: {
  submitLabel: string;
  send: (code: string) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [touched, setTouched] = useState(false);

  const mutation = useMutation({
    mutationFn: () => send(normaliseCode(code)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
    onError: () => {
      setCode('');
      setTouched(false);
    },
  });
  const cancel = useMutation({ mutationFn: () => logout(queryClient) });

  const valid = CODE_PATTERN.test(normaliseCode(code));

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (valid) mutation.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {mutation.isError && <ErrorAlert error={mutation.error} />}
        {cancel.isError && <ErrorAlert error={cancel.error} />}
        <TextInput
          label={t.auth.code}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          value={code}
          error={touched && !valid ? t.auth.codeFormat : undefined}
          onChange={(event) => setCode(event.currentTarget.value.replace(/[^\d ]/g, ''))}
          classNames={{ input: 'kk-code-input' }}
        />
        <Button type="submit" loading={mutation.isPending} fullWidth>
          {submitLabel}
        </Button>
        <Group justify="center">
          <Button variant="subtle" size="sm" onClick={() => cancel.mutate()} loading={cancel.isPending}>
            {t.auth.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
