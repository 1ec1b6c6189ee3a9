export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nb';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Picks the supported language the browser prefers most: the highest q-value, the first among equals,
 * never one marked q=0 (not acceptable); bokmål when nothing matches.
 */
export function languageFromHeader(header: string | undefined): Language {
  if (!header) return DEFAULT_LANGUAGE;
  let best: { language: Language; q: number } | null = null;
  for (const part of header.split(',')) {
    const [range = '', ...params] = part.split(';');
    const primary = range.trim().toLowerCase().split('-')[0];
    const language: Language | null =
      primary === 'nn' ? 'nn' : primary === 'nb' || primary === 'no' ? 'nb' : primary === 'en' ? 'en' : null;
    if (!language) continue;
    const qParam = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!(q > 0)) continue;
    if (!best || q > best.q) best = { language, q };
  }
  return best?.language ?? DEFAULT_LANGUAGE;
}
