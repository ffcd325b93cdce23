import { Stack } from '@mantine/core';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import type { SessionUser } from '../auth/session';
import { AccountSection } from './AccountSection';
import { TokensSection } from './TokensSection';

export function SettingsPage({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  return (
    <>
      <PageTitle>{t.settings.title}</PageTitle>
      <Stack gap="xl" maw={960}>
        <AccountSection user={user} />
        <TokensSection allowed={user.permissions.includes('token:manage_own')} />
      </Stack>
    </>
  );
}
