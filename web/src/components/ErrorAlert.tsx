import { Alert, Text } from '@mantine/core';
import { ApiError } from '../api';
import { useI18n } from '../i18n';

/** Shows the server's message in the UI language, with the stable code small beside it. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useI18n();
  const code = error instanceof ApiError ? error.code : 'CLIENT_ERROR';
  let message = error instanceof ApiError ? error.message : '';
  if (message === '') message = code === 'NETWORK_ERROR' ? t.errors.network : t.errors.generic;
  return (
    <Alert color="red" variant="light" title={title ?? t.errors.title} role="alert">
      <Text size="sm" component="span">
        {message}
      </Text>{' '}
      <Text size="xs" component="span" c="red.9" ff="monospace">
        ({code})
      </Text>
    </Alert>
  );
}
