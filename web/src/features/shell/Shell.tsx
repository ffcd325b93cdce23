import {
  Anchor,
  AppShell,
  Burger,
  Button,
  Group,
  NavLink,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { type Locale, useI18n } from '../../i18n';
import { linkTo, navigate, usePath } from '../../router';
import { AccountabilityPage } from '../accountability/AccountabilityPage';
import { AreaPage } from '../areas/AreaPage';
import { AudiencesPage } from '../audiences/AudiencesPage';
import { logout, type Session, type SessionUser, sessionKey } from '../auth/session';
import { ConsentPage } from '../consent/ConsentPage';
import { ImportsPage } from '../imports/ImportsPage';
import { PersonsPage } from '../persons/PersonsPage';
import { SettingsPage } from '../settings/SettingsPage';
import { WebsitesPage } from '../websites/WebsitesPage';
import { type AreaId, areaFromPath, roleLabel, visibleAreas } from './areas';
import { Brand } from './Brand';
import { NotFoundPage } from './NotFoundPage';

function AreaContent({ id, user }: { id: AreaId; user: SessionUser }) {
  switch (id) {
    case 'personen':
      return <PersonsPage />;
    case 'instellingen':
      return <SettingsPage user={user} />;
    case 'websites':
      return <WebsitesPage />;
    case 'toestemming':
      return <ConsentPage />;
    case 'importeren':
      return <ImportsPage />;
    case 'doelgroepen':
      return <AudiencesPage />;
    case 'verantwoording':
      return <AccountabilityPage />;
    default:
      return <AreaPage id={id} />;
  }
}

function UserBadge({ user, align = 'flex-end' }: { user: SessionUser; align?: 'flex-start' | 'flex-end' }) {
  const { t } = useI18n();
  const roles = [...new Set(user.roles.map((r) => roleLabel(r.role, t.roles)))].join(', ') || t.shell.noRole;
  return (
    <Stack gap={0} align={align}>
      <Text size="sm" fw={600}>
        <VisuallyHidden>{t.shell.signedInAs} </VisuallyHidden>
        {user.displayName}
      </Text>
      <Text size="xs" c="dimmed">
        {roles}
      </Text>
    </Stack>
  );
}

/** The signed-in frame: header, navigation to the areas the server allows, and the current page. */
export function Shell({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const path = usePath();
  const queryClient = useQueryClient();
  const [navOpened, nav] = useDisclosure(false);
  const areas = visibleAreas(user.areas);
  const home = `/${areas[0] ?? 'instellingen'}`;

  useEffect(() => {
    if (path === '/') navigate(home, { replace: true });
  }, [path, home]);

  // Close the mobile menu whenever the page changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change by design
  useEffect(() => nav.close(), [path]);

  const signOut = useMutation({ mutationFn: () => logout(queryClient) });
  const saveLocale = useMutation({
    mutationFn: (locale: Locale) => api<{ locale: Locale }>('PUT', '/api/v1/me/locale', { locale }),
    onSuccess: ({ locale }) =>
      queryClient.setQueryData<Session>(sessionKey, (session) =>
        session?.user ? { ...session, user: { ...session.user, locale } } : session,
      ),
  });

  const area = areaFromPath(path);
  const accountControls = (
    <>
      <LanguageSwitch onChange={(locale) => saveLocale.mutate(locale)} />
      <Button variant="default" size="xs" onClick={() => signOut.mutate()} loading={signOut.isPending}>
        {t.shell.logout}
      </Button>
    </>
  );

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <Anchor href="#main" className="kk-skip-link">
        {t.app.skipToContent}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t.shell.toggleNav}
              aria-expanded={navOpened}
              aria-controls="kk-navbar"
            />
            <UnstyledButton component="a" href={home} onClick={linkTo(home)} className="kk-home-link">
              <Brand />
            </UnstyledButton>
          </Group>
          <Group gap="md" wrap="nowrap" visibleFrom="sm">
            <UserBadge user={user} />
            {accountControls}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="kk-navbar" aria-label={t.shell.navLabel}>
        {areas.map((id) => (
          <NavLink
            key={id}
            component="a"
            href={`/${id}`}
            label={t.areas[id]}
            active={area === id}
            aria-current={area === id ? 'page' : undefined}
            className="kk-nav-link"
            onClick={linkTo(`/${id}`)}
          />
        ))}
        {/* On small screens the account controls move into the menu. */}
        <AppShell.Section hiddenFrom="sm" mt="md" pt="md" className="kk-nav-account">
          <Stack gap="sm" align="flex-start">
            <UserBadge user={user} align="flex-start" />
            <Group gap="sm">{accountControls}</Group>
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main">
        {(saveLocale.isError || signOut.isError) && <ErrorAlert error={saveLocale.error ?? signOut.error} />}
        {path === '/' ? null : area !== null && areas.includes(area) ? (
          <AreaContent key={area} id={area} user={user} />
        ) : (
          <NotFoundPage />
        )}
      </AppShell.Main>
    </AppShell>
  );
}
