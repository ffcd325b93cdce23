import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { CopyField } from '../../components/CopyField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { AuthLayout } from './AuthLayout';
import { CodeForm } from './CodeForm';
import { confirmEnrollment, getEnrollment, groupSecret } from './session';

export function MfaEnrollPage() {
  const { t } = useI18n();
  // The secret is fetched once and never cached beyond this screen.
  const enrollment = useQuery({
    queryKey: ['mfa-enrollment'],
    queryFn: getEnrollment,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });

  return (
    <AuthLayout>
      <Stack>
        <div>
          <PageTitle size="h2">{t.auth.mfaEnrollTitle}</PageTitle>
          <Text size="sm" c="dimmed" mt={-8}>
            {t.auth.mfaEnrollIntro}
          </Text>
        </div>
        {enrollment.isPending && <Loading />}
        {enrollment.isError && (
          <Stack gap="xs">
            <ErrorAlert error={enrollment.error} />
            <Button variant="default" onClick={() => enrollment.refetch()}>
              {t.errors.retry}
            </Button>
          </Stack>
        )}
        {enrollment.data && (
          <>
            <Text size="sm">1. {t.auth.enrollStep1}</Text>
            <CopyField
              label={t.auth.secretLabel}
              value={enrollment.data.secret}
              display={groupSecret(enrollment.data.secret)}
            />
            <Alert color="yellow" variant="light" p="xs">
              <Text size="sm">{t.auth.secretWarning}</Text>
            </Alert>
            <CopyField label={t.auth.uriLabel} value={enrollment.data.otpauthUri} />
            <Text size="sm">2. {t.auth.enrollStep2}</Text>
            <CodeForm submitLabel={t.auth.mfaEnrollSubmit} send={confirmEnrollment} />
          </>
        )}
      </Stack>
    </AuthLayout>
  );
}
