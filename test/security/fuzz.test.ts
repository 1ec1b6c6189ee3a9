import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/client.ts';
import { listTables } from '../../src/server/db/compare.ts';
import { MAX_INPUT_DEPTH } from '../../src/server/plugins/validation.ts';
import type { Capability } from '../../src/server/access/index.ts';
import { allowedRoles, EXPECTED, LOGINS, TAKE_A_FILE, type RoleName } from '../access-routes.ts';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../harness.ts';
import { storedFiles } from './stored-files.ts';

/**
 * Bad input for every state-changing route, generated from the route's own schema in the OpenAPI document: each run
 * takes the valid call test/access-routes.ts makes for the route and spoils one thing in it (a field, the whole body,
 * a path segment, a query value) with what the schema does not allow or a database cannot store. Whatever comes,
 * the answer is no 5xx, and a refused request writes nothing: every table's row count and the storage folder are
 * as they were (a change to a row is audited in its transaction, so audit_entries counts updates too).
 *
 * FUZZ_RUNS sets the runs per route (8 by default, to stay near half a minute per database on a 2-core machine);
 * fast-check prints the seed and the smallest failing call when a run fails.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);

/**
 * A call of its own for a route whose accepted mutation would spoil what every later route's setup reads: a nasty
 * string that happens to be a valid slug (`0000-01-01`, `1e400`) renames the network, and DigiVesterålen is then no
 * longer `digivesteralen`. So the network renamed is one made for the call.
 */
const OWN_SETUP: Partial<Record<string, (admin: Client, cell: number) => Promise<Call>>> = {
  'PATCH /api/networks/{networkId}': async (admin, cell) => {
    const made = await admin.post<{ slug: string; version: number }>('/api/networks', {
      name: `Fuzznettverk ${cell}`,
      slug: `fuzz-${cell}`,
    });
    expect(made.status).toBe(201);
    return { url: `/api/networks/${made.body.slug}`, body: { description: 'Oppdatert', version: made.body.version } };
  },
};

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
}
interface Operation {
  'x-access'?: unknown;
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** A number JSON can write but JavaScript cannot send: put in the body as a placeholder, then written out raw. */
const RAW_NUMBERS = { '\u0001inf': '1e400', '\u0001-inf': '-1e400', '\u0001long': '1'.repeat(400) };

/**
 * Big values are written into the JSON text only at send time, from a placeholder: fast-check prints a counterexample
 * by walking it recursively, and JSON.stringify does too, and a value nested 5000 deep overflowed both stacks, which
 * hid the server's answer. The placeholder prints as its description and stands for text built without recursion.
 */
const RAW_TEXTS = new Map<string, string>();
function big(description: string, text: () => string): unknown {
  const placeholder = `\u0001${description}`;
  RAW_TEXTS.set(placeholder, text());
  return { toJSON: () => placeholder, [fc.toStringMethod]: () => description };
}
const nestedArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}`;

const NASTY_STRINGS = fc.oneof(
  fc.constantFrom(
    '',
    '   ',
    'a\u0000b',
    '\u0000',
    '\ud800',
    'x\udfffy',
    '\ud83d',
    'x'.repeat(100_000),
    '0000-01-01',
    '0000-00-00',
    '10000-01-01',
    '2026-02-30',
    '+002026-01-01',
    '9999-12-31T23:59:60Z',
    '0000-01-01T00:00:00Z',
    '-1',
    '1e400',
    'NaN',
    "'; drop table audit_entries; --",
    '<script>alert(1)</script>',
    '../../../../etc/passwd',
    'javascript:alert(1)',
    '%00',
    '\u202Egnp.exe',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\udc00', 'a', 'ø', '\n', '"', '\\'), maxLength: 20 }),
);
const NASTY_NUMBERS = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    1.5,
    -0,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53,
    -(2 ** 53),
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    -1e308,
    5e-324,
    ...Object.keys(RAW_NUMBERS),
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
const NASTY_STRUCTURES = fc.constantFrom<unknown>(
  null,
  true,
  false,
  [],
  {},
  [null],
  big(`<array nested ${MAX_INPUT_DEPTH + 10} deep>`, () => nestedArray(MAX_INPUT_DEPTH + 10)),
  big(`<object nested ${MAX_INPUT_DEPTH + 10} deep>`, () => nestedObject(MAX_INPUT_DEPTH + 10)),
  big('<array nested 5000 deep>', () => nestedArray(5_000)),
  big('<array of 10000 numbers>', () => JSON.stringify(Array.from({ length: 10_000 }, (_, i) => i))),
  big('<object of 2000 keys>', () => JSON.stringify(Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, i])))),
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
  { 'a\u0000b': 1 },
);
const NASTY = fc.oneof(NASTY_STRINGS, NASTY_NUMBERS, NASTY_STRUCTURES);

/** The alternatives of a schema: anyOf/oneOf (nullable fields are an anyOf with null) flattened. */
function variants(schema: JsonSchema | undefined): JsonSchema[] {
  if (!schema) return [];
  const nested = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  return nested.length > 0 ? nested.flatMap(variants) : [schema];
}
const typesOf = (schema: JsonSchema) => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

/** Values just outside what the schema allows, or what it allows but a database might not store, and any nasty value. */
function nastyFor(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const specific: fc.Arbitrary<unknown>[] = [];
  for (const variant of variants(schema)) {
    const types = typesOf(variant);
    if (types.includes('string')) {
      if (variant.maxLength !== undefined) specific.push(fc.constant('x'.repeat(variant.maxLength + 1)));
      if (variant.format === 'date' || variant.pattern?.includes('\\d{4}'))
        specific.push(fc.constantFrom('0000-01-01', '0001-01-01', '0999-12-31', '9999-12-31', '10000-01-01', '2026-13-01', '2026-1-1'));
      if (variant.format === 'date-time')
        specific.push(fc.constantFrom('0000-01-01T00:00:00Z', '9999-12-31T23:59:59+14:00', '2026-01-01T25:00:00Z'));
      if (variant.format === 'uuid') specific.push(fc.uuid(), fc.constantFrom('00000000-0000-0000-0000-000000000000', 'not-a-uuid'));
      if (variant.format === 'email') specific.push(fc.constantFrom('a@b', `${'x'.repeat(250)}@example.no`, 'kari\u0000@example.no'));
      if (variant.enum) specific.push(fc.string({ maxLength: 12 }));
    }
    if (types.includes('integer') || types.includes('number')) {
      for (const bound of [variant.maximum, variant.exclusiveMaximum]) if (bound !== undefined) specific.push(fc.constant(bound + 1));
      for (const bound of [variant.minimum, variant.exclusiveMinimum]) if (bound !== undefined) specific.push(fc.constant(bound - 1));
      if (types.includes('integer')) specific.push(fc.constantFrom(0.5, 2 ** 53 + 2, '\u0001inf'));
    }
    if (types.includes('array')) {
      const item = nastyFor(variant.items);
      specific.push(fc.array(item, { maxLength: 4 }));
      if (variant.maxItems !== undefined) specific.push(fc.constant(Array.from({ length: variant.maxItems + 1 }, () => null)));
    }
    if (types.includes('object')) specific.push(fc.dictionary(fc.string({ maxLength: 8 }), NASTY, { maxKeys: 3 }));
  }
  return specific.length > 0 ? fc.oneof({ arbitrary: fc.oneof(...specific), weight: 2 }, { arbitrary: NASTY, weight: 1 }) : NASTY;
}

type Path = (string | number)[];
interface Target {
  path: Path;
  schema: JsonSchema | undefined;
}

/** Every place in a valid body to spoil: each field the schema or the body has (arrays by their elements), and one unknown. */
function targetsOf(body: unknown, schema: JsonSchema | undefined, path: Path = [], depth = 0): Target[] {
  const targets: Target[] = [{ path, schema }];
  if (depth > 4) return targets;
  const objectSchema = variants(schema).find((v) => v.properties);
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const keys = new Set([...Object.keys(body), ...Object.keys(objectSchema?.properties ?? {})]);
    for (const key of keys) {
      targets.push(...targetsOf((body as Record<string, unknown>)[key], objectSchema?.properties?.[key], [...path, key], depth + 1));
    }
    targets.push({ path: [...path, 'unknownField'], schema: undefined });
  } else if (Array.isArray(body)) {
    const itemSchema = variants(schema).find((v) => v.items)?.items;
    body.slice(0, 3).forEach((element, i) => targets.push(...targetsOf(element, itemSchema, [...path, i], depth + 1)));
    targets.push({ path: [...path, body.length], schema: itemSchema });
  }
  return targets;
}

function withValueAt(body: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(body)) {
    const copy: unknown[] = [...body];
    copy[Number(head)] = withValueAt(copy[Number(head)], rest, value);
    return copy;
  }
  const copy: Record<string, unknown> = body !== null && typeof body === 'object' ? { ...body } : {};
  copy[String(head)] = withValueAt(copy[String(head)], rest, value);
  return copy;
}

/** The body as JSON text, with the placeholders of RAW_NUMBERS and RAW_TEXTS written as what they stand for. */
function jsonText(body: unknown): string {
  let text = JSON.stringify(body) ?? 'null';
  for (const [placeholder, raw] of [...Object.entries(RAW_NUMBERS), ...RAW_TEXTS]) {
    text = text.replaceAll(JSON.stringify(placeholder), raw);
  }
  return text;
}

/** Path segments and query values as they arrive on the wire (already percent-encoded where they must be). */
const NASTY_SEGMENTS = fc.oneof(
  fc.constantFrom(
    '%00',
    'a%00b',
    '..',
    '%2e%2e',
    '%2F',
    '%C0%AF',
    '%ED%A0%80',
    '%ZZ',
    '%',
    'x'.repeat(300),
    '00000000-0000-0000-0000-000000000000',
    '0',
    '-1',
    '1e400',
    '99999999999999999999999',
    'null',
    '%F0%9F%98%80',
    "'%20or%201=1--",
  ),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
);

type Mutation =
  | { kind: 'field'; path: Path; value: unknown }
  | { kind: 'whole'; value: unknown }
  | { kind: 'segment'; index: number; value: string }
  | { kind: 'query'; name: string; value: string }
  | { kind: 'bytes'; value: Uint8Array; contentType: string };

interface Call {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

function mutations(route: string, call: Call, operation: Operation | undefined): fc.Arbitrary<Mutation> {
  const [, template] = route.split(' ') as [string, string];
  const query = call.url.split('?')[1] ?? '';
  const templateSegments = template.split('/');
  const paramIndexes = templateSegments.flatMap((segment, i) => (segment.startsWith('{') ? [i] : []));
  const queryNames = [
    ...new URLSearchParams(query).keys(),
    ...(operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
  ];
  const options: fc.WeightedArbitrary<Mutation>[] = [];
  if (Buffer.isBuffer(call.body)) {
    const valid = call.body;
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 4096 }),
      fc.nat({ max: valid.length }).map((n) => new Uint8Array(valid.subarray(0, n))),
      fc.constant(new Uint8Array(Buffer.from('MZ\u0090\u0000PE\u0000\u0000<html><script>alert(1)</script>'))),
      fc.constant(new Uint8Array(Buffer.from('%PDF-1.4\n<html>%%EOF'))),
      fc.constant(new Uint8Array(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 0xff)]))),
    );
    const contentTypes = fc.constantFrom(call.headers?.['content-type'] ?? 'application/octet-stream', 'application/octet-stream');
    options.push({ arbitrary: fc.record({ kind: fc.constant('bytes' as const), value: bytes, contentType: contentTypes }), weight: 4 });
  } else if (call.body !== undefined) {
    const schema = operation?.requestBody?.content?.['application/json']?.schema;
    const targets = targetsOf(call.body, schema).filter((t) => t.path.length > 0);
    if (targets.length > 0) {
      options.push({
        arbitrary: fc
          .constantFrom(...targets)
          .chain((target) => nastyFor(target.schema).map((value): Mutation => ({ kind: 'field', path: target.path, value }))),
        weight: 6,
      });
    }
    options.push({ arbitrary: NASTY.map((value): Mutation => ({ kind: 'whole', value })), weight: 1 });
  }
  if (paramIndexes.length > 0) {
    options.push({
      arbitrary: fc.record({ kind: fc.constant('segment' as const), index: fc.constantFrom(...paramIndexes), value: NASTY_SEGMENTS }),
      weight: 2,
    });
  }
  options.push({
    arbitrary: fc.record({
      kind: fc.constant('query' as const),
      name: fc.constantFrom(...new Set([...queryNames, 'version', 'fileName'])),
      value: NASTY_SEGMENTS,
    }),
    weight: queryNames.length > 0 ? 2 : 1,
  });
  return fc.oneof(...options);
}

function apply(call: Call, mutation: Mutation): { url: string; payload: string | Buffer | undefined; headers: Record<string, string> } {
  const [path, query = ''] = call.url.split('?') as [string, string?];
  let segments = path.split('/');
  let params = query;
  let payload: string | Buffer | undefined = Buffer.isBuffer(call.body)
    ? call.body
    : call.body === undefined
      ? undefined
      : jsonText(call.body);
  const headers: Record<string, string> = { ...(call.headers ?? {}) };
  if (!Buffer.isBuffer(call.body) && call.body !== undefined) headers['content-type'] = 'application/json';
  switch (mutation.kind) {
    case 'field':
      payload = jsonText(withValueAt(call.body, mutation.path, mutation.value));
      break;
    case 'whole':
      payload = jsonText(mutation.value);
      headers['content-type'] = 'application/json';
      break;
    case 'segment':
      segments = segments.map((s, i) => (i === mutation.index ? mutation.value : s));
      break;
    case 'query': {
      const kept = query
        .split('&')
        .filter((pair) => pair !== '' && pair.split('=')[0] !== mutation.name)
        .join('&');
      params = [kept, `${mutation.name}=${mutation.value}`].filter(Boolean).join('&');
      break;
    }
    case 'bytes':
      payload = Buffer.from(mutation.value);
      headers['content-type'] = mutation.contentType;
      break;
  }
  return { url: `${segments.join('/')}${params ? `?${params}` : ''}`, payload, headers };
}

/** Every table's row count, in one query. */
async function rowCounts(t: TestApp, tables: { schema: string; name: string; table: string }[]): Promise<Record<string, number>> {
  const query = tables.map((tb) => `select '${tb.table}' as t, count(*)::int as n from "${tb.schema}"."${tb.name}"`).join(' union all ');
  const rows = await queryRows<{ t: string; n: number }>(t.db, sql.raw(query));
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

function callerFor(allowed: Set<RoleName>): RoleName {
  if (allowed.has('platformAdmin')) return 'platformAdmin';
  if (allowed.has('anonymous')) return 'anonymous';
  return [...allowed][0]!;
}

describe.each(DATABASE_KINDS)('bad input generated for every state-changing route, on %s', (kind) => {
  let t: TestApp;
  let tables: { schema: string; name: string; table: string }[];
  let operations: Record<string, Record<string, Operation>>;
  beforeAll(async () => {
    t = await startTestApp(kind);
    tables = await listTables(t.db);
    operations = (t.app as unknown as { swagger(): { paths: Record<string, Record<string, Operation>> } }).swagger().paths;
  });
  afterAll(() => t.close());

  let cell = 5000;
  for (const [route, expectation] of Object.entries(EXPECTED)) {
    it(`${route}: no 5xx, and a refusal writes nothing`, { timeout: 60_000 }, async () => {
      const [method, template] = route.split(' ') as ['POST' | 'PUT' | 'PATCH' | 'DELETE', string];
      const admin = await t.as(USERS.platformAdmin);
      const own = OWN_SETUP[route];
      const call: Call = own ? await own(admin, ++cell) : await expectation.setup(t, admin, ++cell);
      expect(Buffer.isBuffer(call.body)).toBe(TAKE_A_FILE.includes(route));
      const operation = operations[template]?.[method.toLowerCase()];
      const role = callerFor(allowedRoles((operation?.['x-access'] ?? []) as Capability[]));

      await fc.assert(
        fc.asyncProperty(mutations(route, call, operation), async (mutation) => {
          // A client of its own each time: a fresh address for the rate limits, and a session made before the count.
          const client: Client = role === 'anonymous' ? t.anonymous() : await t.as(LOGINS[role]);
          const request = apply(call, mutation);
          const before = { rows: await rowCounts(t, tables), files: storedFiles(t.filesDir) };
          const res = await t.app.inject({
            method,
            url: request.url,
            payload: request.payload,
            remoteAddress: client.remoteAddress,
            headers: {
              ...(client.cookie ? { cookie: client.cookie } : {}),
              ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
              ...request.headers,
            },
          });
          const what = `${method} ${request.url} → ${res.statusCode} ${res.body.slice(0, 300)}`;
          expect(res.statusCode, what).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(res.json<{ error: { code: string } }>().error.code, what).toEqual(expect.any(String));
            expect(await rowCounts(t, tables), what).toEqual(before.rows);
            expect(storedFiles(t.filesDir), what).toEqual(before.files);
          }
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    });
  }
});
