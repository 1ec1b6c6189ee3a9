import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isLanguage, languageFromHeader, type Language } from '../../../shared/i18n/languages.ts';
import { en } from './en.ts';
import { nb, type Messages } from './nb.ts';
import { nn } from './nn.ts';

export type { Messages };
export const CATALOGS: Record<Language, Messages> = { nb, nn, en };

/** Each language named in itself, so a reader finds their own language whatever the page is in. */
export const LANGUAGE_NAMES: Record<Language, string> = { nb: 'Norsk bokmål', nn: 'Norsk nynorsk', en: 'English' };

const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
const TIME_ZONE = 'Europe/Oslo';

/** Fills `{name}` placeholders. */
export function fmt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

export interface I18n {
  lang: Language;
  m: Messages;
  setLanguage: (lang: Language) => void;
  /** A calendar date from the API (YYYY-MM-DD), shown as written in Norway. */
  date: (iso: string | null | undefined) => string;
  /** A moment in time from the API, shown in Europe/Oslo. */
  dateTime: (iso: string | null | undefined) => string;
  number: (value: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const cookie = document.cookie
    .split('; ')
    .find((c) => c.startsWith('dr_lang='))
    ?.split('=')[1];
  if (isLanguage(cookie)) return cookie;
  return languageFromHeader(navigator.languages.join(','));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Language>(initialLanguage);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLanguage = useCallback((next: Language) => setLang(next), []);

  const value = useMemo<I18n>(() => {
    const locale = LOCALES[lang];
    const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });
    const numberFormat = new Intl.NumberFormat(locale);
    return {
      lang,
      m: CATALOGS[lang],
      setLanguage,
      date: (iso) => {
        if (!iso) return CATALOGS[lang].common.none;
        const [y, mo, d] = iso.slice(0, 10).split('-').map(Number);
        if (!y || !mo || !d) return iso;
        // A calendar date has no time zone: format it as the same day in UTC.
        return dateFormat.format(new Date(Date.UTC(y, mo - 1, d)));
      },
      dateTime: (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : CATALOGS[lang].common.none),
      number: (n) => numberFormat.format(n),
    };
  }, [lang, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
