import { Group, Text, ThemeIcon } from '@mantine/core';
import { useI18n } from '../../i18n';

/** Product name with a simple lock mark (inline SVG, nothing loaded from elsewhere). */
export function Brand() {
  const { t } = useI18n();
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size={30} radius="md" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="18" height="18" fill="none" focusable="false" aria-hidden="true">
          <rect x="5" y="10.5" width="14" height="10" rx="2" fill="currentColor" />
          <path d="M8 10.5V8a4 4 0 0 1 8 0v2.5" stroke="currentColor" strokeWidth="2.2" />
        </svg>
      </ThemeIcon>
      <Text fw={700} size="lg" component="span" className="kk-brand">
        {t.app.name}
      </Text>
    </Group>
  );
}
