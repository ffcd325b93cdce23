import { NativeSelect } from '@mantine/core';
import { isLocale, type Locale, useI18n } from '../i18n';

/** Nederlands / English. Each option is labelled in its own language. */
export function LanguageSwitch({ onChange }: { onChange?: (locale: Locale) => void }) {
  const { t, locale, setLocale } = useI18n();
  return (
    <NativeSelect
      aria-label={t.language.label}
      size="xs"
      value={locale}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (!isLocale(next)) return;
        setLocale(next);
        onChange?.(next);
      }}
    >
      <option value="nl" lang="nl">
        {t.language.nl}
      </option>
      <option value="en" lang="en">
        {t.language.en}
      </option>
    </NativeSelect>
  );
}
