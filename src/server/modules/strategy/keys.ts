import type { StrategyContent } from '../../../shared/strategy/schema.ts';

const MAX_KEY = 40;

/** «Digital kompetanse i førstelinjen» → 'digital-kompetanse-i-forstelinjen', at most 40 characters. */
export function slugKey(title: string): string {
  const slug = title
    .toLocaleLowerCase('nb-NO')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_KEY)
    .replace(/-+$/g, '');
  return slug || 'punkt';
}

/**
 * Gives every item without a key one made from its title, unique in the list (a suffix -2, -3 … when taken),
 * and keeps the keys given, so an item keeps its key from version to version. A new key is never one of
 * `reserved` (the keys any version of the strategy has used): a new «Helse» after a removed «Helse» is another
 * focus area, and the old one's measures must not silently point at it. An item sent with its key keeps it.
 */
export function withKeys<T extends { key?: string | null | undefined; title: string }>(
  items: T[],
  reserved: ReadonlySet<string> = new Set(),
): Array<T & { key: string }> {
  const taken = new Set([...reserved, ...items.flatMap((item) => (item.key ? [item.key] : []))]);
  return items.map((item) => {
    if (item.key) return { ...item, key: item.key };
    const base = slugKey(item.title);
    let key = base;
    for (let n = 2; taken.has(key); n++) {
      const suffix = `-${n}`;
      key = `${base.slice(0, MAX_KEY - suffix.length).replace(/-+$/g, '')}${suffix}`;
    }
    taken.add(key);
    return { ...item, key };
  });
}

type ParsedContent = {
  vision?: string | null | undefined;
  mainGoal?: string | null | undefined;
  statement?: string | null | undefined;
  principles: Array<{ key?: string | undefined; title: string; text?: string | null | undefined }>;
  focusAreas: Array<{ key?: string | undefined; title: string; text?: string | null | undefined }>;
  benefitAreas: StrategyContent['benefitAreas'];
};

/** The keys each list has used in any version of a strategy. */
export interface ReservedKeys {
  principles: ReadonlySet<string>;
  focusAreas: ReadonlySet<string>;
}

/** Every principle and focus-area key in the given contents. */
export function usedKeys(contents: Array<Pick<StrategyContent, 'principles' | 'focusAreas'>>): ReservedKeys {
  return {
    principles: new Set(contents.flatMap((c) => c.principles.map((p) => p.key))),
    focusAreas: new Set(contents.flatMap((c) => c.focusAreas.map((a) => a.key))),
  };
}

/** The content as stored: every principle and focus area with its key, every missing text null. */
export function normalizeContent(
  input: ParsedContent,
  reserved: ReservedKeys = { principles: new Set(), focusAreas: new Set() },
): StrategyContent {
  const item = (i: { key: string; title: string; text?: string | null | undefined }) => ({
    key: i.key,
    title: i.title,
    text: i.text ?? null,
  });
  return {
    vision: input.vision ?? null,
    mainGoal: input.mainGoal ?? null,
    statement: input.statement ?? null,
    principles: withKeys(input.principles, reserved.principles).map(item),
    focusAreas: withKeys(input.focusAreas, reserved.focusAreas).map(item),
    benefitAreas: {
      better: [...input.benefitAreas.better],
      more: [...input.benefitAreas.more],
      shorter: [...input.benefitAreas.shorter],
      reduce: [...input.benefitAreas.reduce],
    },
  };
}

export const EMPTY_CONTENT: StrategyContent = {
  vision: null,
  mainGoal: null,
  statement: null,
  principles: [],
  focusAreas: [],
  benefitAreas: { better: [], more: [], shorter: [], reduce: [] },
};
