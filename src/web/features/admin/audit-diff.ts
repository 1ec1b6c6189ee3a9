/** Fields that change on every save and say nothing to a reader. */
const NOISE = new Set(['updatedAt', 'createdAt', 'version', 'sortName', 'passwordHash']);

export interface DiffRow {
  field: string;
  before: string;
  after: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const MAX_LENGTH = 240;

/** A value as text, shortened so a long mandate does not fill the page. */
export function showValue(value: unknown, none: string): string {
  if (value === null || value === undefined || value === '') return none;
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : Array.isArray(value) && value.every((v) => typeof v === 'string')
          ? value.join(', ')
          : JSON.stringify(value);
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)} …` : text;
}

/** The fields that differ between the record before and after a change, in a stable order. */
export function diffRecords(before: unknown, after: unknown, none: string): DiffRow[] {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !NOISE.has(k));
  return keys
    .filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null))
    .map((k) => ({ field: k, before: showValue(a[k], none), after: showValue(b[k], none) }));
}
