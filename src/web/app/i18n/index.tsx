import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isLanguage, languageFromHeader, type Language } from '../../../shared/i18n/languages.ts';
import { nb, type Messages } from './nb.ts';

export type { Messages };

/**
 * Bokmål, the default, comes with the first load; nynorsk and English are loaded when a reader has or chooses them
 * (a reader needs one catalog, not three).
 */
const loaded: Partial<Record<Language, Messages>> = { nb };
const loading: Partial<Record<Language, Promise<Messages>>> = {};
const LOADERS: Record<Exclude<Language, 'nb'>, () => Promise<Messages>> = {
  nn: () => import('./nn.ts').then((module) => module.nn),
  en: () => import('./en.ts').then((module) => module.en),
};

function loadCatalog(lang: Language): Promise<Messages> {
  const ready = loaded[lang];
  if (ready) return Promise.resolve(ready);
  const pending = (loading[lang] ??= LOADERS[lang as Exclude<Language, 'nb'>]().then(
    (catalog) => (loaded[lang] = catalog),
    (error: unknown) => {
      // A failed load (the network) may be tried again the next time the language is asked for.
      delete loading[lang];
      throw error;
    },
  ));
  return pending;
}

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
  // Outside a browser (the unit tests of helpers that import the kit) there is no cookie or header to read.
  if (typeof document === 'undefined') return 'nb';
  const cookie = document.cookie
    .split('; ')
    .find((c) => c.startsWith('dr_lang='))
    ?.split('=')[1];
  if (isLanguage(cookie)) return cookie;
  return languageFromHeader(navigator.languages.join(','));
}

/** The language the page opens in; its catalog starts loading as the script runs, before the first render. */
const INITIAL_LANGUAGE = initialLanguage();
void loadCatalog(INITIAL_LANGUAGE).catch(() => undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  // Until the opening language's catalog is here nothing is shown, rather than bokmål to a reader of nynorsk or English.
  const [lang, setLang] = useState<Language | null>(() => (loaded[INITIAL_LANGUAGE] ? INITIAL_LANGUAGE : null));
  /** The language last asked for: a slower catalog that arrives after a later choice does not win. */
  const wanted = useRef<Language>(INITIAL_LANGUAGE);

  useEffect(() => {
    if (lang !== null) return;
    loadCatalog(INITIAL_LANGUAGE).then(
      () => setLang((current) => current ?? INITIAL_LANGUAGE),
      // Without its catalog the page opens in bokmål.
      () => setLang((current) => current ?? 'nb'),
    );
  }, [lang]);

  const setLanguage = useCallback((next: Language) => {
    wanted.current = next;
    if (loaded[next]) {
      setLang(next);
      return;
    }
    loadCatalog(next).then(
      () => {
        if (wanted.current === next) setLang(next);
      },
      // Without its catalog the page stays in the language it has.
      () => undefined,
    );
  }, []);

  useEffect(() => {
    if (lang) document.documentElement.lang = lang;
  }, [lang]);

  if (lang === null) return null;
  return (
    <CatalogProvider lang={lang} setLanguage={setLanguage}>
      {children}
    </CatalogProvider>
  );
}

function CatalogProvider({ lang, setLanguage, children }: { lang: Language; setLanguage: (lang: Language) => void; children: ReactNode }) {
  const value = useMemo<I18n>(() => {
    const m = loaded[lang] ?? nb;
    const locale = LOCALES[lang];
    const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });
    const numberFormat = new Intl.NumberFormat(locale);
    return {
      lang,
      m,
      setLanguage,
      date: (iso) => {
        if (!iso) return m.common.none;
        const [y, mo, d] = iso.slice(0, 10).split('-').map(Number);
        if (!y || !mo || !d) return iso;
        // A calendar date has no time zone: format it as the same day in UTC.
        return dateFormat.format(new Date(Date.UTC(y, mo - 1, d)));
      },
      dateTime: (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : m.common.none),
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
