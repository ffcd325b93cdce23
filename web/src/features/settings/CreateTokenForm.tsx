import { Alert, Button, Checkbox, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { CopyField } from '../../components/CopyField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { type CreatedToken, createToken, TOKEN_SCOPES, type TokenScope, tokensKey } from './api';

const MAX_DAYS = 365;

export function CreateTokenForm() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>([]);
  const [days, setDays] = useState<number | string>(90);
  const [touched, setTouched] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const create = useMutation({
    mutationFn: () =>
      createToken({
        name: name.trim(),
        scopes,
        ...(typeof days === 'number' ? { expiresInDays: days } : {}),
      }),
    onSuccess: (token) => {
      setCreated(token);
      setName('');
      setScopes([]);
      setDays(90);
      setTouched(false);
      return queryClient.invalidateQueries({ queryKey: tokensKey });
    },
  });

  const daysValid =
    days === '' || (typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= MAX_DAYS);
  const errors = {
    name: touched && name.trim() === '' ? t.tokens.nameRequired : undefined,
    scopes: touched && scopes.length === 0 ? t.tokens.scopesRequired : undefined,
    days: touched && !daysValid ? t.tokens.expiryInvalid : undefined,
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (name.trim() === '' || scopes.length === 0 || !daysValid) return;
    setCreated(null);
    create.mutate();
  }

  if (created !== null) {
    return (
      <Alert color="indigo" variant="light" title={t.tokens.secretTitle} role="status">
        <Stack gap="sm">
          <Text size="sm">{t.tokens.secretHint}</Text>
          <CopyField label={t.tokens.secretLabel} value={created.token} />
          <Group>
            <Button variant="default" size="xs" onClick={() => setCreated(null)}>
              {t.tokens.done}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="kk-new-token-title">
      <Stack gap="sm" maw={480}>
        <Title order={3} size="h4" id="kk-new-token-title">
          {t.tokens.createTitle}
        </Title>
        {create.isError && <ErrorAlert error={create.error} />}
        <TextInput
          label={t.tokens.name}
          description={t.tokens.nameHint}
          required
          maxLength={100}
          value={name}
          error={errors.name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <Checkbox.Group
          label={t.tokens.scopes}
          required
          value={scopes}
          error={errors.scopes}
          onChange={(value) =>
            setScopes(value.filter((v): v is TokenScope => TOKEN_SCOPES.includes(v as TokenScope)))
          }
        >
          <Stack gap="xs" mt="xs">
            {TOKEN_SCOPES.map((scope) => (
              <Checkbox key={scope} value={scope} label={t.tokens.scopeLabels[scope]} />
            ))}
          </Stack>
        </Checkbox.Group>
        <NumberInput
          label={t.tokens.expiryDays}
          description={t.tokens.expiryHint}
          min={1}
          max={MAX_DAYS}
          allowDecimal={false}
          allowNegative={false}
          value={days}
          error={errors.days}
          onChange={setDays}
          maw={200}
        />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t.tokens.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
