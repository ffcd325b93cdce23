import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setApiLocale } from '../api';
import { en } from './en';
import { type Messages, nl } from './nl';

export type Locale = 'nl' | 'en';
export type { Messages };

const catalogues: Record<Locale, Messages> = { nl, en };
/** Before login the choice lives in the browser; once logged in the server keeps it too (PUT /me/locale). */
const STORAGE_KEY = 'kk_locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : 'nl';
  } catch {
    return 'nl';
  }
}

interface I18n {
  locale: Locale;
  t: Messages;
  /** The BCP 47 tag for Intl formatting. */
  intlLocale: string;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  // Set synchronously so the very first request already carries the right Accept-Language.
  setApiLocale(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setApiLocale(next);
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage may be disabled; the choice then lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(
    () => ({ locale, t: catalogues[locale], intlLocale: locale === 'nl' ? 'nl-NL' : 'en-GB', setLocale }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (ctx === null) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** Date (and optionally time) in the UI language; null-safe. */
export function formatDate(iso: string | null | undefined, intlLocale: string, withTime = false): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(date);
}
