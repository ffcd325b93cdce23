import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useI18n } from '../i18n';

/** A secret or link shown as monospace text, with a copy button. */
export function CopyField({ label, value, display }: { label: string; value: string; display?: string }) {
  const { t } = useI18n();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} component="div">
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Code block className="kk-secret">
          {display ?? value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button variant="default" size="xs" onClick={copy}>
              {copied ? t.auth.copied : t.auth.copy}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
