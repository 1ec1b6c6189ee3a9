import fc from 'fast-check';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { DATABASE_KINDS, startTestApp, USERS, type TestApp } from '../../../../test/harness.ts';
import { SEARCH_TOTAL_CAP, type PublicSearchPage } from '../../../shared/publicAccess/schema.ts';
import { searchDecisions, shapeOf } from './search.ts';
import { freshBody, makeMeeting } from './testing.ts';
import { MINUTES_PUBLISHED_SQL, PUBLISHED_SQL } from './visibility.ts';

/**
 * The search tables (public_decision_search, public_decision_terms, public_decision_lexeme_hits; migrations 0022 and
 * 0041, decision 0015) are kept by triggers. After any random sequence of writes to the tables behind them — meetings
 * published, cancelled, moved and approved, items decided, closed and moved, cases retitled, made exempt and deleted, recommendations and bodies'
 * networks changed, items added — they hold exactly what a full recomputation from the visibility rules gives; and a
 * search answers exactly what ranking every hit of the full recomputation answers. Each run writes in a transaction
 * that is rolled back, so the runs do not see each other's writes.
 */
const RUNS = 25;

/** The rows a full recomputation gives, from the visibility rules of visibility.ts. */
const EXPECTED_ROWS = sql.raw(`
  select ai.id as agenda_item_id, b.network_id, b.id as body_id, m.date::text as meeting_date, ai.position,
    setweight(to_tsvector('norwegian', c.title), 'A') || to_tsvector('norwegian',
      case when ai.closed_basis is null then ai.search_text else concat_ws(E'\\n', c.title, co.recommendation, ai.decision) end) as rank_vector
  from agenda_items ai
  join meetings m on m.id = ai.meeting_id
  join consultations co on co.id = ai.consultation_id
  join cases c on c.id = co.case_id
  join bodies b on b.id = m.body_id
  where ${PUBLISHED_SQL} and ${MINUTES_PUBLISHED_SQL} and not c.exempt_from_public and c.deleted_at is null`);

async function tablesAgainstRecomputation(db: DbOrTx) {
  const kept = await queryRows(
    db,
    sql`select agenda_item_id, network_id, body_id, meeting_date::text, position, rank_vector::text from public_decision_search order by agenda_item_id`,
  );
  const expected = await queryRows(
    db,
    sql`select agenda_item_id, network_id, body_id, meeting_date, position, rank_vector::text from (${EXPECTED_ROWS}) e order by agenda_item_id`,
  );
  expect(kept).toEqual(expected);
  const keptTerms = await queryRows(
    db,
    sql`select lexeme, agenda_item_id, score, network_id, body_id, meeting_date::text, position from public_decision_terms
        order by agenda_item_id, lexeme`,
  );
  const expectedTerms = await queryRows(
    db,
    sql`select u.lexeme, e.agenda_item_id, ts_rank(e.rank_vector, ('''' || replace(replace(u.lexeme, '\\', '\\\\'), '''', '''''') || '''')::tsquery) as score,
          e.network_id, e.body_id, e.meeting_date, e.position
        from (${EXPECTED_ROWS}) e cross join lateral unnest(e.rank_vector) u
        order by e.agenda_item_id, u.lexeme`,
  );
  expect(keptTerms).toEqual(expectedTerms);
  // Each word's hits per network (migration 0041), a word whose hits are all gone at 0.
  const keptHits = await queryRows(
    db,
    sql`select lexeme, network_id, hits from public_decision_lexeme_hits where hits <> 0 order by lexeme, network_id`,
  );
  const expectedHits = await queryRows(
    db,
    sql`select u.lexeme, e.network_id, count(*)::int as hits from (${EXPECTED_ROWS}) e cross join lateral unnest(e.rank_vector) u
        group by u.lexeme, e.network_id order by u.lexeme, e.network_id`,
  );
  expect(keptHits).toEqual(expectedHits);
}

/**
 * The search as it was before the tables: every hit of the full recomputation ranked, newest first among equals. Words
 * joined by `or` are ranked as the mean of each word's own ts_rank, in the words' order (ts_rank's own arithmetic for
 * `|`, which the search takes from the terms table; the two differ in float rounding only).
 */
async function referenceSearch(db: DbOrTx, q: string, filter: SQL, limit: number, offset: number) {
  const query = sql`websearch_to_tsquery('norwegian', ${q})`;
  const [{ tree }] = (await queryRows<{ tree: string }>(db, sql`select ${query}::text as tree`)) as [{ tree: string }];
  const shape = shapeOf(tree);
  const lexemeQuery = (lexeme: string) => sql`(${`'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`})::tsquery`;
  const rank =
    shape.kind === 'any'
      ? sql`(${sql.join(
          shape.lexemes.map(
            (l) => sql`case when e.rank_vector @@ ${lexemeQuery(l)} then ts_rank(e.rank_vector, ${lexemeQuery(l)})::float8 else 0 end`,
          ),
          sql` + `,
        )}) / ${shape.lexemes.length}::float8`
      : sql`ts_rank(e.rank_vector, ${query})::float8`;
  const rows = await queryRows<{ item_id: string; rank: number }>(
    db,
    sql`select e.agenda_item_id as item_id, ${rank} as rank
        from (${EXPECTED_ROWS}) e where e.rank_vector @@ ${query} ${filter}
        order by rank desc, e.meeting_date desc, e.position, e.agenda_item_id limit ${limit} offset ${offset}`,
  );
  const [{ total }] = (await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from (${EXPECTED_ROWS}) e where e.rank_vector @@ ${query} ${filter}`,
  )) as [{ total: number }];
  return { rows, total };
}

class Rollback extends Error {}

describe.each(DATABASE_KINDS)('public decision search tables on %s', (kind) => {
  let t: TestApp;
  let networkIds: string[];
  let bodyIds: string[];
  let tableBodyId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const vest = await t.as(USERS.vesteralenAdmin);
    const vestId = await t.networkId('digivesteralen');
    const { bodyId } = await freshBody(vest, vestId, 'Tabellutvalget');
    tableBodyId = bodyId;
    await makeMeeting(vest, bodyId, {
      date: '2025-02-03',
      cases: [
        { title: 'Felles anskaffelse av velferdsteknologi', decision: 'Kommunene anskaffer velferdsteknologi sammen.' },
        { title: 'Orientering om økonomi', type: 'information', outcome: 'noted', decision: 'Orienteringen tas til etterretning.' },
        {
          title: 'Driftsavtale',
          closedBasis: 'kommuneloven § 11-5',
          deliberation: 'Leverandøren Zebrafinke ble drøftet.',
          decision: 'Avtalen inngås med kommunene.',
        },
        { title: 'Personalsak', exempt: 'offentleglova § 25', decision: 'Tilsettes.' },
      ],
    });
    await makeMeeting(vest, bodyId, {
      date: '2025-05-12',
      stage: 'held',
      cases: [{ title: 'Velferdsteknologi i hjemmetjenesten', decision: 'Kommunene tar i bruk trygghetsalarmer.' }],
    });
    networkIds = (await queryRows<{ id: string }>(t.db, sql`select id from networks order by slug limit 3`)).map((r) => r.id);
    bodyIds = (await queryRows<{ id: string }>(t.db, sql`select distinct body_id as id from meetings order by 1 limit 4`)).map((r) => r.id);
  });
  afterAll(() => t.close());

  it('hold what a full recomputation gives, after the demo data and the meetings above', async () => {
    await tablesAgainstRecomputation(t.db);
  });

  const WORDS = ['kommunene', 'velferdsteknologi', 'anskaffelse', 'orientering', 'økonomi', 'Zebrafinke', 'trygghetsalarmer', 'avtale'];

  it('hold what a full recomputation gives after any sequence of writes', async () => {
    const items = await queryRows<{ id: string; meeting_id: string; consultation_id: string; case_id: string }>(
      t.db,
      sql`select ai.id, ai.meeting_id, ai.consultation_id, co.case_id from agenda_items ai join consultations co on co.id = ai.consultation_id
          order by ai.id limit 40`,
    );
    expect(items.length).toBeGreaterThan(5);
    const item = fc.constantFrom(...items);
    const write = fc.oneof(
      fc.record({
        kind: fc.constant('meetingStatus' as const),
        item,
        value: fc.constantFrom('planned', 'summoned', 'held', 'minutesApproved'),
      }),
      fc.record({ kind: fc.constant('meetingPublic' as const), item, value: fc.boolean() }),
      fc.record({ kind: fc.constant('meetingCancelled' as const), item, value: fc.boolean() }),
      fc.record({ kind: fc.constant('meetingSummons' as const), item, value: fc.boolean() }),
      fc.record({ kind: fc.constant('meetingWritten' as const), item, value: fc.boolean() }),
      fc.record({ kind: fc.constant('meetingDate' as const), item, value: fc.constantFrom('2023-01-02', '2024-06-03', '2026-03-04') }),
      fc.record({ kind: fc.constant('meetingBody' as const), item, value: fc.constantFrom(...bodyIds) }),
      fc.record({
        kind: fc.constant('itemOutcome' as const),
        item,
        value: fc.constantFrom('pending', 'decided', 'noted', 'withdrawn', 'postponed'),
      }),
      fc.record({ kind: fc.constant('itemClosed' as const), item, value: fc.constantFrom(null, 'kommuneloven § 11-5') }),
      fc.record({
        kind: fc.constant('itemText' as const),
        item,
        value: fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((w) => w.join(' ')),
      }),
      fc.record({ kind: fc.constant('itemDecision' as const), item, value: fc.option(fc.constantFrom(...WORDS)) }),
      fc.record({ kind: fc.constant('itemPosition' as const), item, value: fc.integer({ min: 1, max: 30 }) }),
      fc.record({ kind: fc.constant('itemMeeting' as const), item, other: item }),
      fc.record({ kind: fc.constant('caseTitle' as const), item, value: fc.constantFrom(...WORDS) }),
      fc.record({ kind: fc.constant('caseExempt' as const), item, value: fc.boolean() }),
      fc.record({ kind: fc.constant('caseDeleted' as const), item, value: fc.boolean() }),
      fc.record({ kind: fc.constant('recommendation' as const), item, value: fc.constantFrom(...WORDS) }),
      fc.record({ kind: fc.constant('bodyNetwork' as const), item, value: fc.constantFrom(...networkIds) }),
      fc.record({ kind: fc.constant('itemAdded' as const), item }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 8 }), async (writes) => {
        await t.db
          .transaction(async (tx) => {
            for (const w of writes) {
              const meeting = sql`update meetings set`;
              const where = sql`where id = ${w.item.meeting_id}`;
              switch (w.kind) {
                case 'meetingStatus':
                  await tx.execute(sql`${meeting} status = ${w.value} ${where}`);
                  break;
                case 'meetingPublic':
                  await tx.execute(sql`${meeting} is_public = ${w.value} ${where}`);
                  break;
                case 'meetingCancelled':
                  await tx.execute(sql`${meeting} deleted_at = ${w.value ? sql`now()` : null} ${where}`);
                  break;
                case 'meetingSummons':
                  await tx.execute(sql`${meeting} summons_published_at = ${w.value ? sql`now()` : null} ${where}`);
                  break;
                case 'meetingWritten':
                  await tx.execute(sql`${meeting} written_procedure = ${w.value} ${where}`);
                  break;
                case 'meetingDate':
                  await tx.execute(sql`${meeting} date = ${w.value}::date ${where}`);
                  break;
                case 'meetingBody':
                  await tx.execute(sql`${meeting} body_id = ${w.value}::uuid ${where}`);
                  break;
                case 'itemOutcome':
                  await tx.execute(sql`update agenda_items set outcome = ${w.value} where id = ${w.item.id}`);
                  break;
                case 'itemClosed':
                  await tx.execute(sql`update agenda_items set closed_basis = ${w.value} where id = ${w.item.id}`);
                  break;
                case 'itemText':
                  await tx.execute(sql`update agenda_items set search_text = ${w.value} where id = ${w.item.id}`);
                  break;
                case 'itemDecision':
                  await tx.execute(sql`update agenda_items set decision = ${w.value} where id = ${w.item.id}`);
                  break;
                case 'itemPosition':
                  await tx.execute(sql`update agenda_items set position = ${w.value} where id = ${w.item.id}`);
                  break;
                case 'itemMeeting':
                  await tx.execute(sql`update agenda_items set meeting_id = ${w.other.meeting_id} where id = ${w.item.id}`);
                  break;
                case 'caseTitle':
                  await tx.execute(sql`update cases set title = ${w.value} where id = ${w.item.case_id}`);
                  break;
                case 'caseExempt':
                  await tx.execute(sql`update cases set exempt_from_public = ${w.value} where id = ${w.item.case_id}`);
                  break;
                case 'caseDeleted':
                  await tx.execute(sql`update cases set deleted_at = ${w.value ? sql`now()` : null} where id = ${w.item.case_id}`);
                  break;
                case 'recommendation':
                  await tx.execute(sql`update consultations set recommendation = ${w.value} where id = ${w.item.consultation_id}`);
                  break;
                case 'bodyNetwork':
                  await tx.execute(
                    sql`update bodies set network_id = ${w.value}::uuid where id = (select body_id from meetings where id = ${w.item.meeting_id})`,
                  );
                  break;
                case 'itemAdded':
                  await tx.execute(sql`insert into agenda_items (meeting_id, consultation_id, position, outcome, decision, search_text)
                    select meeting_id, consultation_id, position + 100, outcome, decision, search_text || ' tillegg' from agenda_items where id = ${w.item.id}`);
                  break;
              }
            }
            await tablesAgainstRecomputation(tx);
            throw new Rollback();
          })
          .catch((error: unknown) => {
            if (!(error instanceof Rollback)) throw error;
          });
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('answers any query as ranking every hit of the full recomputation does, one-word queries from the index', async () => {
    const query = fc.oneof(
      fc.constantFrom(...WORDS),
      fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS)).map(([a, b]) => `${a} -${b}`),
      fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS)).map(([a, b]) => `${a} or ${b}`),
      fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS), fc.constantFrom(...WORDS)).map(([a, b, c]) => `${a} or ${b} or ${c}`),
      fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS)).map(([a, b]) => `"${a} ${b}"`),
      fc.constantFrom('og', '-kommunene', 'kommunene -kommunene'),
    );
    await fc.assert(
      fc.asyncProperty(
        query,
        fc.option(fc.constantFrom(...networkIds)),
        fc.option(fc.constantFrom(...bodyIds)),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 6 }),
        async (q, network, body, limit, offset) => {
          const filter = sql`${network ? sql`and e.network_id = ${network}::uuid` : sql``} ${body ? sql`and e.body_id = ${body}::uuid` : sql``}`;
          const expected = await referenceSearch(t.db, q, filter, limit, offset);
          const got = await searchDecisions(t.db, { q, limit, offset, ...(network ? { network } : {}), ...(body ? { body } : {}) });
          expect(got.rows.map((r) => [r.item_id, r.rank])).toEqual(expected.rows.map((r) => [r.item_id, r.rank]));
          // Past the last page too: the count is the hits', whichever way it is made.
          expect(got.total).toBe(expected.total);
          expect(got.totalCapped).toBe(false);
        },
      ),
      { numRuns: 60, endOnFailure: true },
    );
  });

  it('answers an `or` of as many words as the 200 characters hold, as the reference does', async () => {
    // Every word is a term of the statement (a filtered sum each): the longest query a person can send stays one
    // statement with a few dozen terms and answers what ranking every hit answers; a longer one is refused.
    const words = WORDS.map((w) => w.toLowerCase());
    for (let i = 0; [...words, `ord${i}x`].join(' or ').length <= 200; i++) words.push(`ord${i}x`);
    const q = words.join(' or ');
    const [parsed] = await queryRows<{ tree: string }>(t.db, sql`select websearch_to_tsquery('norwegian', ${q})::text as tree`);
    expect(shapeOf(parsed!.tree)).toEqual({ kind: 'any', lexemes: expect.arrayContaining(['kommun', 'ord0x']) });
    const expected = await referenceSearch(t.db, q, sql``, 20, 0);
    const got = await searchDecisions(t.db, { q, limit: 20, offset: 0 });
    expect(got.rows.map((r) => [r.item_id, r.rank])).toEqual(expected.rows.map((r) => [r.item_id, r.rank]));
    expect(got.total).toBe(expected.total);
    expect((await t.anonymous().get(`/api/public/search?q=${encodeURIComponent(q)}`)).status).toBe(200);
    expect((await t.anonymous().get(`/api/public/search?q=${encodeURIComponent(`${q} or x`)}`)).status).toBe(400);
  });

  it('tells a one-word query, one word and negations, and anything else apart', () => {
    expect(shapeOf(`'kommun'`)).toEqual({ kind: 'word', lexeme: 'kommun' });
    expect(shapeOf(`'a''b\\\\c'`)).toEqual({ kind: 'word', lexeme: `a'b\\c` });
    expect(shapeOf(`'anskaff' & !'microsoft'`)).toEqual({ kind: 'word-without', lexeme: 'anskaff', without: ['microsoft'] });
    expect(shapeOf(`!'microsoft' & 'anskaff' & !'visma'`)).toEqual({
      kind: 'word-without',
      lexeme: 'anskaff',
      without: ['microsoft', 'visma'],
    });
    expect(shapeOf(`'a' & 'b'`)).toEqual({ kind: 'other' });
    expect(shapeOf(`'a' | 'b'`)).toEqual({ kind: 'any', lexemes: ['a', 'b'] });
    expect(shapeOf(`'kommun' | 'helgeland' | 'kommun'`)).toEqual({ kind: 'any', lexemes: ['kommun', 'helgeland'] });
    expect(shapeOf(`'kommun' | 'kommun'`)).toEqual({ kind: 'word', lexeme: 'kommun' });
    expect(shapeOf(`'a' | !'b'`)).toEqual({ kind: 'other' });
    expect(shapeOf(`'fell' <-> 'sak' | 'x'`)).toEqual({ kind: 'other' });
    expect(shapeOf(`'a' & 'b' | 'c'`)).toEqual({ kind: 'other' });
    expect(shapeOf(`'fell' <-> 'sak'`)).toEqual({ kind: 'other' });
    expect(shapeOf(`!'a'`)).toEqual({ kind: 'other' });
  });

  it('counts a word from its kept hits, and counts nothing when they prove more than the cap', async () => {
    // The kept hits are proven true above. Here a word's are raised past the cap in a transaction that is rolled back,
    // so each answer shows where its count came from: the kept hits (a word; a word and negations, and words joined
    // by `or`, over the cap by them alone), or the index within a body, which the kept hits do not tell apart.
    await t.db
      .transaction(async (tx) => {
        const exact = await searchDecisions(tx, { q: 'velferdsteknologi', limit: 5, offset: 0 });
        expect(exact.total).toBeGreaterThan(0);
        await tx.execute(sql`update public_decision_lexeme_hits set hits = hits + ${SEARCH_TOTAL_CAP} where lexeme = 'velferdsteknologi'`);
        for (const q of ['velferdsteknologi', 'velferdsteknologi -Zebrafinke', 'Zebrafinke or velferdsteknologi']) {
          expect(await searchDecisions(tx, { q, limit: 5, offset: 0 }), q).toMatchObject({ total: SEARCH_TOTAL_CAP, totalCapped: true });
        }
        // Less than the cap once the other word's hits are taken off: counted.
        await tx.execute(sql`update public_decision_lexeme_hits set hits = hits + ${SEARCH_TOTAL_CAP} where lexeme = 'kommun'`);
        expect(await searchDecisions(tx, { q: 'velferdsteknologi -kommunene', limit: 5, offset: 0 })).toMatchObject({
          total: (await referenceSearch(tx, 'velferdsteknologi -kommunene', sql``, 1, 0)).total,
          totalCapped: false,
        });
        const inBody = await searchDecisions(tx, { q: 'velferdsteknologi', limit: 5, offset: 0, body: tableBodyId });
        const inBodyExpected = await referenceSearch(tx, 'velferdsteknologi', sql`and e.body_id = ${tableBodyId}::uuid`, 1, 0);
        expect(inBodyExpected.total).toBeGreaterThan(0);
        expect(inBody).toMatchObject({ total: inBodyExpected.total, totalCapped: false });
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
  });

  if (kind === 'postgresql')
    it('saves an item while its body moves to another network: one waits for the other, both land', async () => {
      // The move rewrites the body's items' terms under the network's counter; the save holds the meetings counter
      // and rewrites its item's terms. Each statement on the terms takes the meetings counter before any term, so
      // the move waits for the save instead of each waiting for the other (a deadlock, one of them refused).
      const [item] = await queryRows<{ id: string; meeting_id: string; network_id: string }>(
        t.db,
        sql`select s.agenda_item_id as id, ai.meeting_id, s.network_id from public_decision_search s
            join agenda_items ai on ai.id = s.agenda_item_id
            where s.body_id = ${tableBodyId} and ai.closed_basis is null order by s.agenda_item_id limit 1`,
      );
      const elsewhere = networkIds.find((id) => id !== item!.network_id)!;
      let moved!: Promise<unknown>;
      await t.db.transaction(async (tx) => {
        // Any statement on a meeting takes the meetings counter until the transaction ends.
        await tx.execute(sql`update meetings set place = place where id = ${item!.meeting_id}`);
        // On another connection; `then` sends it (Drizzle's queries are sent when awaited).
        moved = t.db.execute(sql`update bodies set network_id = ${elsewhere} where id = ${tableBodyId}`).then(() => undefined);
        for (let i = 0; ; i++) {
          const [waiting] = await queryRows<{ n: number }>(
            t.db,
            sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
          );
          if (waiting!.n > 0) break;
          if (i === 200) throw new Error('the move never waited');
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        await tx.execute(sql`update agenda_items set search_text = search_text || ' Vedtatt mens organet flyttes.' where id = ${item!.id}`);
      });
      await moved;
      const [after] = await queryRows<{ network_id: string; found: number }>(
        t.db,
        sql`select network_id, (select count(*)::int from public_decision_search where agenda_item_id = ${item!.id}
              and rank_vector @@ websearch_to_tsquery('norwegian', 'flyttes')) as found
            from bodies where id = ${tableBodyId}`,
      );
      expect(after).toEqual({ network_id: elsewhere, found: 1 });
      await tablesAgainstRecomputation(t.db);
      await t.db.execute(sql`update bodies set network_id = ${item!.network_id} where id = ${tableBodyId}`);
    });

  it('answers odd words and an unknown network in every shape the kept hits count, as the reference does', async () => {
    const queries = [
      `kommunene -"o'brien"`,
      `o'brien or kommunene`,
      `kommunene -a\\b`,
      `"kommunene" or \\`,
      `velferdsteknologi -'`,
      `økonomi or -`,
    ];
    for (const q of queries) {
      for (const network of [null, 'finnes-ikke', '00000000-0000-0000-0000-000000000000']) {
        const res = await t.anonymous().get(`/api/public/search?${new URLSearchParams({ q, ...(network ? { network } : {}) })}`);
        expect(res.status, `${q} ${network}`).toBe(200);
        const expected = await referenceSearch(t.db, q, network ? sql`and false` : sql``, 20, 0);
        expect((res.body as PublicSearchPage).total, `${q} ${network}`).toBe(expected.total);
      }
    }
  });

  it('answers a page of the public API with the count and whether it was capped', async () => {
    const page = (await t.anonymous().get('/api/public/search?q=velferdsteknologi')).body as PublicSearchPage;
    expect(page.totalCapped).toBe(false);
    expect(page.total).toBeGreaterThan(0);
  });
});
