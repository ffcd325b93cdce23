import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useI18n } from '../i18n';

/** A spinner that screen readers announce as "loading". */
export function Loading({ py = 'md' }: { py?: string | number }) {
  const { t } = useI18n();
  return (
    <Center py={py} role="status">
      <Loader size="sm" />
      <VisuallyHidden>{t.app.loading}</VisuallyHidden>
    </Center>
  );
}
