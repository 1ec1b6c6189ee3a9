import { z } from 'zod';

/**
 * A project's or a proposal's reference in its network: the kind's letter, the year and the running number
 * («P-2026-003», «F-2026-014»). Unique per network, readable aloud, and what the pages accept in place of the id.
 */
export const REFERENCE_LETTERS = { project: 'P', proposal: 'F' } as const;
export type ReferenceKind = keyof typeof REFERENCE_LETTERS;

export const formatReference = (kind: ReferenceKind, year: number, sequence: number) =>
  `${REFERENCE_LETTERS[kind]}-${year}-${String(sequence).padStart(3, '0')}`;

const PATTERNS = {
  project: /^P-(\d{4})-(\d{3,6})$/,
  proposal: /^F-(\d{4})-(\d{3,6})$/,
} satisfies Record<ReferenceKind, RegExp>;

/** «P-2026-003» → year and running number; null for anything else, or for the other kind's reference. */
export function parseReference(kind: ReferenceKind, reference: string): { year: number; sequence: number } | null {
  const match = PATTERNS[kind].exec(reference);
  return match ? { year: Number(match[1]), sequence: Number(match[2]) } : null;
}

/** A reference in an address, the field named when it is malformed. */
export const ReferenceParam = (kind: ReferenceKind) => z.string().regex(PATTERNS[kind], { error: 'invalid' });
