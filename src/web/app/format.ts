import type { Language } from '../../shared/i18n/languages.ts';
import { useI18n } from './i18n/index.tsx';

/** Money, numbers and dates as the pages show them; one place, so every feature writes them alike. */

const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** Whole kroner as written in Norway («1 250 000 kr»), whatever the UI language. */
export function useKroner(): (amount: number) => string {
  const { lang } = useI18n();
  const format = new Intl.NumberFormat(LOCALES[lang] === 'en-GB' ? 'nb-NO' : LOCALES[lang], {
    style: 'currency',
    currency: 'NOK',
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  });
  return (amount) => format.format(amount);
}

/**
 * Whole kroner as typed («1 250 000», spaces of any kind allowed): the number, null when empty, and the text itself
 * when it is not a whole number, so the server's schema names the field.
 */
export function parseWhole(text: string): number | string | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '');
  if (cleaned === '') return null;
  return /^\d+$/.test(cleaned) ? Number(cleaned) : text;
}

/** The calendar day (YYYY-MM-DD) a moment falls on in Norway. */
export function osloDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );
}

/** A calendar date (YYYY-MM-DD) in figures, for a dense table: «15.08.2026». */
export function shortDate(lang: Language, iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** A file's size: «512 B», «12 kB», «3,4 MB». */
export function formatSize(bytes: number, number: (n: number) => string): string {
  if (bytes < 1024) return `${number(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number(Math.round(bytes / 1024))} kB`;
  return `${number(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

/** Hours kept in hundredths, shown as hours with up to two decimals («7,5»). */
export function useHours(): (hundredths: number) => string {
  const { lang } = useI18n();
  const format = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 2 });
  return (hundredths) => format.format(hundredths / 100);
}
