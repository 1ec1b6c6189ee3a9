import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import type { AgendaOutcome, CaseType } from '../../../shared/meetings/schema.ts';
import type { PublicSearchQueryInput } from '../../../shared/publicAccess/schema.ts';
import { MATCH_END, MATCH_START } from './presenter.ts';
import { MINUTES_PUBLISHED_SQL, PUBLISHED_SQL } from './visibility.ts';

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
  total: number;
  headline: string;
}

/**
 * Published decisions matching a Norwegian full-text query, best first. The match uses the GIN index on
 * to_tsvector('norwegian', search_text); for a closed item it must also hold on the public part alone
 * (title, recommendation, decision), so neither a hit, its rank nor its snippet reveals the deliberation.
 * Exempt cases are never searched.
 */
export async function searchDecisions(db: DbOrTx, input: PublicSearchQueryInput): Promise<{ rows: SearchRow[]; total: number }> {
  const query = sql`websearch_to_tsquery('norwegian', ${input.q})`;
  const publicText = sql`case when ai.closed_basis is null then ai.search_text else concat_ws(E'\n', c.title, co.recommendation, ai.decision) end`;
  const filters: SQL[] = [];
  if (input.network) filters.push(sql`and (n.id::text = ${input.network} or n.slug = ${input.network})`);
  if (input.body) filters.push(sql`and b.id = ${input.body}::uuid`);
  if (input.year) filters.push(sql`and m.date between ${`${input.year}-01-01`}::date and ${`${input.year}-12-31`}::date`);
  const from = sql`
    from agenda_items ai
    join meetings m on m.id = ai.meeting_id
    join consultations co on co.id = ai.consultation_id
    join cases c on c.id = co.case_id
    join bodies b on b.id = m.body_id
    join networks n on n.id = b.network_id
    where to_tsvector('norwegian', ai.search_text) @@ ${query}
      and ${sql.raw(PUBLISHED_SQL)}
      and ${sql.raw(MINUTES_PUBLISHED_SQL)}
      and not c.exempt_from_public and c.deleted_at is null
      and (ai.closed_basis is null or to_tsvector('norwegian', ${publicText}) @@ ${query})
      ${sql.join(filters, sql` `)}`;

  const rows = await queryRows<SearchRow>(
    db,
    sql`
    with hits as (
      select ai.id as item_id, m.id as meeting_id, m.date::text as meeting_date, b.id as body_id, b.name as body_name,
        n.id as network_id, n.name as network_name, co.year, co.sequence, c.type, c.title, ai.outcome, ai.position,
        ${publicText} as public_text,
        ts_rank(setweight(to_tsvector('norwegian', c.title), 'A') || to_tsvector('norwegian', ${publicText}), ${query})::float8 as rank,
        (count(*) over ())::int as total
      ${from}
      order by rank desc, m.date desc, ai.position, ai.id
      limit ${input.limit} offset ${input.offset}
    )
    select item_id, meeting_id, meeting_date, body_id, body_name, network_id, network_name, year, sequence, type, title, outcome, rank, total,
      ts_headline('norwegian', public_text, ${query}, ${`StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`}) as headline
    from hits
    order by rank desc, meeting_date desc, position, item_id`,
  );
  if (rows.length > 0 || input.offset === 0) return { rows, total: rows[0]?.total ?? 0 };
  // Past the last page: the window count came back with no rows, so count on its own.
  const [counted] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total ${from}`);
  return { rows, total: counted?.total ?? 0 };
}
