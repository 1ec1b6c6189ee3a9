import { readdirSync, readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * Validates OParl 1.1 objects against the specification's JSON schemas (test/fixtures/oparl-1.1, from
 * OParl/spec v1.1.1, CC BY-SA 4.0). The schemas name embedded objects with OParl's own `schema` keyword,
 * which JSON Schema ignores, so every embedded object with an OParl `type` is validated on its own too.
 */

const DIR = new URL('./fixtures/oparl-1.1/', import.meta.url);
const TYPE_PREFIX = 'https://schema.oparl.org/1.1/';

// RFC 3339 date-time with an offset, and full-date; `url` is OParl's own format.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

// The schemas carry OParl's keywords (references, backreference, cardinality, schema) and patterns that
// escape ':' and '/', which only compile without the unicode flag.
const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
ajv.addFormat('url', isHttpUrl);
ajv.addFormat('date-time', (value: string) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));
ajv.addFormat('date', (value: string) => DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));

export const OPARL_TYPES = readdirSync(DIR)
  .filter((f) => /^[A-Z]\w+\.json$/.test(f))
  .map((f) => f.replace(/\.json$/, ''));

const schemas = new Map(
  OPARL_TYPES.map((name) => [name, JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8')) as { required?: string[] }]),
);
const validators = new Map<string, ValidateFunction>([...schemas].map(([name, schema]) => [name, ajv.compile(schema)]));

export function readExample(fileName: string): unknown {
  return JSON.parse(readFileSync(new URL(fileName, DIR), 'utf8'));
}

/**
 * Every problem with an OParl object and (unless `embedded` is false) the OParl objects embedded in it;
 * empty when it is valid.
 */
export function oparlProblems(value: unknown, path = '$', embedded = true): string[] {
  const problems: string[] = [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => problems.push(...oparlProblems(v, `${path}[${i}]`, embedded)));
    return problems;
  }
  if (value === null || typeof value !== 'object') return problems;
  const object = value as Record<string, unknown>;
  const type = object.type;
  if (typeof type === 'string' && type.startsWith(TYPE_PREFIX)) {
    const name = type.slice(TYPE_PREFIX.length);
    const validate = validators.get(name);
    if (!validate) problems.push(`${path}: unknown OParl type ${type}`);
    else if (!validate(object))
      problems.push(...(validate.errors ?? []).map((e) => `${path} (${name})${e.instancePath} ${e.message ?? ''}`));
    if (object.deleted === true) {
      // A deleted object keeps only what identifies it (and what its schema requires).
      const kept = ['id', 'type', 'created', 'modified', 'deleted', 'cancelled', ...(schemas.get(name)?.required ?? [])];
      const extra = Object.keys(object).filter((k) => !kept.includes(k));
      if (extra.length > 0) problems.push(`${path}: deleted ${name} carries ${extra.join(', ')}`);
    }
  }
  if (!embedded) return problems;
  for (const [key, child] of Object.entries(object)) {
    if (child !== null && typeof child === 'object') problems.push(...oparlProblems(child, `${path}.${key}`));
  }
  return problems;
}

/** An OParl list page: data, pagination and links, each object valid. */
export function oparlListProblems(page: unknown): string[] {
  const p = page as { data?: unknown; pagination?: Record<string, unknown>; links?: Record<string, unknown> };
  const problems: string[] = [];
  if (!Array.isArray(p.data)) problems.push('list: data is not an array');
  for (const key of ['totalElements', 'elementsPerPage', 'currentPage', 'totalPages']) {
    if (typeof p.pagination?.[key] !== 'number') problems.push(`list: pagination.${key} missing`);
  }
  for (const key of ['first', 'self', 'last']) {
    if (typeof p.links?.[key] !== 'string' || !isHttpUrl(p.links[key])) problems.push(`list: links.${key} missing`);
  }
  return [...problems, ...oparlProblems(p.data, '$.data')];
}
