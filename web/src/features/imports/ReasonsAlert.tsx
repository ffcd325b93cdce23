import { Alert, List, Text } from '@mantine/core';
import { CODES, type Code, messageFor } from '../../../../src/domain/codes';
import { formatDate, useI18n } from '../../i18n';

const isCode = (c: string): c is Code => Object.hasOwn(CODES, c);

/**
 * Why a dataset or an import is refused or in quarantine, in plain words: every reason (not only the
 * first), the columns behind it, and what the provenance statement still lacks.
 */
export function ReasonsAlert({
  title,
  reasons,
  columns,
  missing,
  purgeAt,
  color = 'red',
}: {
  title: string;
  reasons: string[];
  columns?: Record<string, string[]>;
  missing?: string[];
  purgeAt?: string | null;
  color?: string;
}) {
  const { t, locale, intlLocale } = useI18n();
  return (
    <Alert color={color} variant="light" title={title} role="alert">
      <List size="sm" spacing={4}>
        {reasons.map((r) => (
          <List.Item key={r}>
            <Text size="sm" component="span">
              {isCode(r) ? messageFor(r, locale) : r}
            </Text>{' '}
            <Text size="xs" component="span" ff="monospace">
              ({r})
            </Text>
            {columns?.[r]?.length ? (
              <Text size="sm" c="dimmed">
                {t.imports.columnsNamed(columns[r]!.join(', '))}
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
      {missing && missing.length > 0 && (
        <Text size="sm" mt="xs">
          {t.imports.missing} {missing.map((m) => t.imports.provenanceItems[m] ?? m).join(', ')}.
        </Text>
      )}
      {purgeAt && (
        <Text size="sm" mt="xs">
          {t.imports.quarantineText(formatDate(purgeAt, intlLocale))}
        </Text>
      )}
    </Alert>
  );
}

/** The duties the import triggers (Appendix C.2), in plain words. */
export function ObligationsList({ obligations }: { obligations: string[] }) {
  const { t } = useI18n();
  if (obligations.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        {t.imports.obligationsTitle}
      </Text>
      <List size="sm" spacing={2}>
        {obligations.map((o) => (
          <List.Item key={o}>{t.imports.obligations[o] ?? o}</List.Item>
        ))}
      </List>
    </div>
  );
}
