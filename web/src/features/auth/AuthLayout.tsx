import { Anchor, Box, Container, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../i18n';
import { Brand } from '../shell/Brand';

/** The frame of the login and MFA steps: brand and language in a header, the step in main. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Box className="kk-auth">
      <Anchor href="#main" className="kk-skip-link">
        {t.app.skipToContent}
      </Anchor>
      <Box component="header" className="kk-auth-header">
        <Group justify="space-between" px="lg" py="sm">
          <Brand />
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" id="main" size={500} py={48}>
        <Stack gap="xs" mb="lg" align="center">
          <Text size="lg" c="dimmed" ta="center">
            {t.app.tagline}
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" radius="md" p="xl">
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
