import { Stack, Text } from '@mantine/core';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { AuthLayout } from './AuthLayout';
import { CodeForm } from './CodeForm';
import { verifyMfa } from './session';

export function MfaVerifyPage() {
  const { t } = useI18n();
  return (
    <AuthLayout>
      <Stack>
        <div>
          <PageTitle size="h2">{t.auth.mfaVerifyTitle}</PageTitle>
          <Text size="sm" c="dimmed" mt={-8}>
            {t.auth.mfaVerifyIntro}
          </Text>
        </div>
        <CodeForm submitLabel={t.auth.mfaVerifySubmit} send={verifyMfa} />
      </Stack>
    </AuthLayout>
  );
}
