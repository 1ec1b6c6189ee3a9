import { sql, type SQL } from 'drizzle-orm';
import { queryPrepared, queryRows, type DbOrTx } from '../../db/client.ts';
import type { AgendaOutcome, CaseType } from '../../../shared/meetings/schema.ts';
import { SEARCH_TOTAL_CAP, type PublicSearchQueryInput } from '../../../shared/publicAccess/schema.ts';
import { MATCH_END, MATCH_START } from './presenter.ts';

export interface SearchRow {
  item_id: string;
  meeting_id: string;
  meeting_date: string;
  body_id: string;
  body_name: string;
  network_id: string;
  network_name: string;
  year: number | null;
  sequence: number | null;
  type: CaseType;
  title: string;
  outcome: AgendaOutcome;
  rank: number;
  headline: string;
}

export interface SearchResult {
  rows: SearchRow[];
  /** Hits, counted up to SEARCH_TOTAL_CAP. */
  total: number;
  /** More hits than SEARCH_TOTAL_CAP: the page says «over 10 000». */
  totalCapped: boolean;
}

/**
 * Published decisions matching a Norwegian full-text query, best first (rank, then the newest meeting), from the
 * search tables the database keeps (migration 0022, decision 0015): `public_decision_search` holds one row for
 * every item the public may find, with its public text as a vector, so a closed item's deliberation is neither
 * found nor ranked; exempt cases are not there at all.
 *
 * A query of one word reads its page from `public_decision_terms` in rank order, so a common word costs no more
 * than a rare one; words joined by `or` rank their hits from the same table; any other query ranks its hits by their
 * vectors. A word's count is its hits kept per network (`public_decision_lexeme_hits`); where those prove more than
 * SEARCH_TOTAL_CAP, nothing more is counted; any other count stops at SEARCH_TOTAL_CAP + 1 where it is not the
 * ranking's own.
 */
export async function searchDecisions(db: DbOrTx, input: PublicSearchQueryInput): Promise<SearchResult> {
  const [parsed] = await queryPrepared<{ nodes: number; tree: string }>(
    db,
    sql`select numnode(q)::int as nodes, q::text as tree from websearch_to_tsquery('norwegian', ${input.q}) q`,
  );
  // Only stop words (or nothing a word can be made of): nothing to find.
  if (!parsed || parsed.nodes === 0) return { rows: [], total: 0, totalCapped: false };
  const shape = shapeOf(parsed.tree);
  const query = sql`websearch_to_tsquery('norwegian', ${input.q})`;
  const cap = SEARCH_TOTAL_CAP + 1;

  let hits: SQL;
  let counted: SQL;
  if (shape.kind === 'word') {
    // In the index's order (public_decision_terms_rank_idx): the page is read, not sorted. The count is the word's
    // hits kept per network; within a body or a year it is counted from the index, stopping at the cap.
    const filters = filtersOn(input, 't');
    hits = sql`select t.agenda_item_id, t.score::float8 as rank, t.meeting_date, t.position
      from public_decision_terms t where t.lexeme = ${shape.lexeme} ${filters}
      order by t.score desc nulls last, t.meeting_date desc nulls last, t.position, t.agenda_item_id
      limit ${input.limit} offset ${input.offset}`;
    const kept = keptHitsOf(input, [shape.lexeme]);
    counted = kept
      ? sql`select coalesce(sum(h.hits), 0)::int from ${kept}`
      : sql`select count(*)::int from (select 1 from public_decision_terms t where t.lexeme = ${shape.lexeme} ${filters} limit ${cap}) c`;
  } else if (shape.kind === 'word-without') {
    // ts_rank gives every hit of «a -b» the same rank (an AND whose other words are absent): newest first is the
    // order, read from public_decision_search_date_idx. The count is at least the word's hits less the others': when
    // that is over the cap, nothing is counted (a common word's count tested every vector).
    const filters = filtersOn(input, 's');
    hits = sql`select s.agenda_item_id, ts_rank(s.rank_vector, ${query})::float8 as rank, s.meeting_date, s.position
      from public_decision_search s where s.rank_vector @@ ${query} ${filters}
      order by s.meeting_date desc nulls last, s.position, s.agenda_item_id
      limit ${input.limit} offset ${input.offset}`;
    const kept = keptHitsOf(input, [shape.lexeme, ...shape.without]);
    counted = countUnlessCapped(
      kept &&
        sql`select coalesce(sum(h.hits) filter (where h.lexeme = ${shape.lexeme}), 0)
          - coalesce(sum(h.hits) filter (where h.lexeme = any(${lexemeArray(shape.without)})), 0) from ${kept}`,
      sql`select count(*)::int from (select 1 from public_decision_search s where s.rank_vector @@ ${query} ${filters} limit ${cap}) c`,
    );
  } else if (shape.kind === 'any') {
    // ts_rank of «a or b» is the mean of each word's own rank (its arithmetic for `|`). So the hits are the words'
    // index ranges in the terms table, each ranked by the mean of the ranks kept there (summed in the words' order,
    // a word an item lacks counting 0), instead of every hit's vector read and ranked again: a third of the time for
    // two common words. The count is at least the commonest word's hits: when that is over the cap, nothing is counted.
    const filters = filtersOn(input, 't');
    const words = lexemeArray(shape.lexemes);
    const sum = sql.join(
      shape.lexemes.map((lexeme) => sql`coalesce(sum(t.score::float8) filter (where t.lexeme = ${lexeme}), 0)`),
      sql` + `,
    );
    hits = sql`select t.agenda_item_id, (${sum}) / ${shape.lexemes.length}::float8 as rank, max(t.meeting_date) as meeting_date,
        max(t.position) as position
      from public_decision_terms t where t.lexeme = any(${words}) ${filters}
      group by t.agenda_item_id
      order by rank desc, meeting_date desc, position, agenda_item_id
      limit ${input.limit} offset ${input.offset}`;
    const kept = keptHitsOf(input, shape.lexemes);
    counted = countUnlessCapped(
      kept && sql`select coalesce(max(hits), 0) from (select sum(h.hits) as hits from ${kept} group by h.lexeme) each`,
      sql`select count(distinct t.agenda_item_id)::int from public_decision_terms t where t.lexeme = any(${words}) ${filters}`,
    );
  } else {
    // Every hit ranked; the count comes with the ranking, from the same scan. The hits are ranked in a subquery the
    // planner keeps apart (`offset 0`), so the count's window holds each hit's rank, not its vector: for thousands of
    // hits the vectors overflowed work_mem and the window spilled to disk (a third of the statement's time). The
    // statement is prepared, so the query it matches and ranks by is a sub-select, evaluated once: its generic plan
    // would otherwise parse the query again for every hit it tests and ranks.
    const filters = filtersOn(input, 's');
    const parsedOnce = sql`(select ${query})`;
    hits = sql`select ranked.*, count(*) over ()::int as total
      from (select s.agenda_item_id, ts_rank(s.rank_vector, ${parsedOnce})::float8 as rank, s.meeting_date, s.position
        from public_decision_search s where s.rank_vector @@ ${parsedOnce} ${filters} offset 0) ranked
      order by ranked.rank desc, ranked.meeting_date desc, ranked.position, ranked.agenda_item_id
      limit ${input.limit} offset ${input.offset}`;
    counted = sql`select count(*)::int from public_decision_search s where s.rank_vector @@ ${query} ${filters}`;
  }
  const total = shape.kind === 'other' ? sql`page.total` : sql`(${counted})`;

  const publicText = sql`case when ai.closed_basis is null then ai.search_text else concat_ws(E'\n', c.title, co.recommendation, ai.decision) end`;
  // A word's statement reads an index range of the terms table whatever the word, an `or`'s the words' ranges, and a
  // ranked one every hit from the vectors' index whatever the words: they are prepared and planned once per
  // connection, which was most of a word's database time and a tenth to a third of the others'. An `or`'s text has a
  // term per word, so only the common short ones are prepared (a statement kept per number of words on every
  // connection). A negation's best plan depends on how common the word is (newest first from the date index, or its
  // hits from the vectors' index): it is planned for each query.
  const prepared = shape.kind === 'word' || shape.kind === 'other' || (shape.kind === 'any' && shape.lexemes.length <= PREPARED_OR_WORDS);
  const run = prepared ? queryPrepared : queryRows;
  const rows = await run<SearchRow & { total: number }>(
    db,
    sql`
    with page as (${hits})
    select ai.id as item_id, m.id as meeting_id, m.date::text as meeting_date, b.id as body_id, b.name as body_name,
      n.id as network_id, n.name as network_name, co.year, co.sequence, c.type, c.title, ai.outcome, page.rank,
      ts_headline('norwegian', ${publicText}, ${query}, ${`StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`}) as headline,
      ${total} as total
    from page
    join agenda_items ai on ai.id = page.agenda_item_id
    join meetings m on m.id = ai.meeting_id
    join consultations co on co.id = ai.consultation_id
    join cases c on c.id = co.case_id
    join bodies b on b.id = m.body_id
    join networks n on n.id = b.network_id
    order by page.rank desc, page.meeting_date desc, page.position, page.agenda_item_id`,
  );
  let count = rows[0]?.total;
  if (count === undefined) {
    // No hits, or past the last page: count on its own.
    count = input.offset === 0 ? 0 : ((await run<{ count: number }>(db, sql`select (${counted}) as count`))[0]?.count ?? 0);
  }
  return {
    rows: rows.map(({ total: _total, ...row }) => row),
    total: Math.min(count, SEARCH_TOTAL_CAP),
    totalCapped: count > SEARCH_TOTAL_CAP,
  };
}

/** Words joined by `or` up to this many are a prepared statement (see `searchDecisions`). */
const PREPARED_OR_WORDS = 4;

type QueryShape =
  | { kind: 'word'; lexeme: string }
  | { kind: 'word-without'; lexeme: string; without: string[] }
  | { kind: 'any'; lexemes: string[] }
  | { kind: 'other' };

const QUOTED = /^(!?)'((?:[^'\\]|''|\\.)*)'$/;

/**
 * What a parsed query is, from its text as PostgreSQL writes it (`'kommun'`, `'anskaff' & !'microsoft'`,
 * `'kommun' | 'helgeland'`): one word; one word and negations only; two or more words joined by `or` only; or
 * anything else. `'a' | 'a'` is one word: ts_rank counts a word once.
 */
export function shapeOf(tree: string): QueryShape {
  const alternatives = tree.split(' | ').map((part) => QUOTED.exec(part));
  if (alternatives.length > 1 && alternatives.every((o) => o !== null && o[1] === '')) {
    const lexemes = [...new Set(alternatives.map((o) => unquote(o![2]!)))];
    return lexemes.length === 1 ? { kind: 'word', lexeme: lexemes[0]! } : { kind: 'any', lexemes };
  }
  const operands = tree.split(' & ').map((part) => QUOTED.exec(part));
  if (operands.some((o) => o === null)) return { kind: 'other' };
  const positive = operands.filter((o) => o![1] === '');
  if (positive.length !== 1) return { kind: 'other' };
  const lexeme = unquote(positive[0]![2]!);
  if (operands.length === 1) return { kind: 'word', lexeme };
  return { kind: 'word-without', lexeme, without: operands.filter((o) => o![1] === '!').map((o) => unquote(o![2]!)) };
}

/** A lexeme as tsquery output quotes it: quotes and backslashes doubled. */
const unquote = (quoted: string) => quoted.replace(/''|\\(.)/g, (_m, escaped: string | undefined) => escaped ?? "'");

/** Lexemes as a text array (one parameter, so a statement's text does not vary with them). */
const lexemeArray = (lexemes: string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(lexemes)}::jsonb))`;

/**
 * The words' hits kept per network (migration 0041) within the query's network, as a relation `h` (lexeme, hits);
 * null within a body or a year, which they do not tell apart.
 */
function keptHitsOf(input: PublicSearchQueryInput, lexemes: string[]): SQL | null {
  if (input.body || input.year) return null;
  return sql`(select h.lexeme, h.hits from public_decision_lexeme_hits h
    where h.lexeme = any(${lexemeArray(lexemes)}) ${filtersOn(input, 'h')}) h`;
}

/** The exact count, unless a lower bound of it from the kept hits (`atLeast`, a query) is over the cap already. */
function countUnlessCapped(atLeast: SQL | null, exact: SQL): SQL {
  if (!atLeast) return exact;
  return sql`select case when (${atLeast}) > ${SEARCH_TOTAL_CAP} then ${SEARCH_TOTAL_CAP + 1} else (${exact}) end`;
}

/** The filters of a query on the search tables; the kept hits (`h`) have a network and nothing else to filter on. */
function filtersOn(input: PublicSearchQueryInput, alias: 's' | 't' | 'h'): SQL {
  const a = sql.raw(alias);
  const filters: SQL[] = [];
  if (input.network)
    filters.push(sql`and ${a}.network_id in (select id from networks where id::text = ${input.network} or slug = ${input.network})`);
  if (input.body) filters.push(sql`and ${a}.body_id = ${input.body}::uuid`);
  if (input.year) filters.push(sql`and ${a}.meeting_date between ${`${input.year}-01-01`}::date and ${`${input.year}-12-31`}::date`);
  return sql.join(filters, sql` `);
}
