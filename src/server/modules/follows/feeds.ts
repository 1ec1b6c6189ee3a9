import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { queryRows } from '../../db/client.ts';
import type { SavedSearchInput } from '../../../shared/follows/schema.ts';
import { caseNumberText } from '../../../shared/meetings/schema.ts';
import { notFound } from '../../errors.ts';
import { showEvents, type EventRow } from './events.ts';
import { searchQueryString } from './service.ts';
import { fill, TEXTS } from './texts.ts';

/**
 * Atom feeds (RFC 4287) of what is public of a body, a project or a decision search: the same happenings a
 * resident's e-mail tells, read as the public reads them, so nothing exempt or internal is ever in one.
 */

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
// XML 1.0 allows no control characters but tab, newline and carriage return.

const clean = (text: string) => escape(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));

interface Entry {
  id: string;
  title: string;
  link: string;
  updated: string;
}

function atom(feedId: string, title: string, selfUrl: string, alternate: string, entries: Entry[], fallbackUpdated: string) {
  const updated = entries[0]?.updated ?? fallbackUpdated;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${clean(feedId)}</id>`,
    `  <title>${clean(title)}</title>`,
    `  <updated>${updated}</updated>`,
    '  <author><name>Digiregion</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${clean(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${clean(alternate)}"/>`,
    ...entries.flatMap((e) => [
      '  <entry>',
      `    <id>${clean(e.id)}</id>`,
      `    <title>${clean(e.title)}</title>`,
      `    <updated>${e.updated}</updated>`,
      `    <link rel="alternate" type="text/html" href="${clean(e.link)}"/>`,
      '  </entry>',
    ]),
    '</feed>',
    '',
  ].join('\n');
}

const FEED_SIZE = 50;

/** A body's or a project's feed: its public happenings, newest first. Unknown: 404. */
export async function targetFeed(ctx: RequestContext, kind: 'body' | 'project', id: string, publicUrl: string): Promise<string> {
  const base = publicUrl.replace(/\/$/, '');
  const [target] = await queryRows<{ title: string; created_at: Date | string }>(
    ctx.db,
    kind === 'body'
      ? sql`select name as title, created_at from bodies where id = ${id}`
      : sql`select 'P-' || year || '-' || lpad(sequence::text, 3, '0') || ' ' || title as title, created_at from projects where id = ${id}`,
  );
  if (!target) throw notFound();
  const events = await queryRows<EventRow>(
    ctx.db,
    sql`select id, kind, network_id, target_kind, target_id, subject_id, occurred_at from follow_events
        where target_kind = ${kind} and target_id = ${id} order by occurred_at desc limit ${FEED_SIZE * 2}`,
  );
  const shown = (await showEvents(ctx.db, { kind: 'public', language: ctx.language }, events)).slice(0, FEED_SIZE);
  const path = kind === 'body' ? `/innsyn/organ/${id}` : (shown[0]?.path ?? '/innsyn');
  return atom(
    `urn:uuid:${id}`,
    fill(TEXTS[ctx.language].feedTitle, { title: target.title }),
    `${base}/api/public/feeds/${kind === 'body' ? 'bodies' : 'projects'}/${id}`,
    `${base}${path}`,
    shown.map((s) => ({
      id: `urn:uuid:${s.event.id}`,
      title: s.title,
      link: `${base}${s.path}`,
      updated: new Date(s.event.occurred_at).toISOString(),
    })),
    new Date(target.created_at).toISOString(),
  );
}

/** The newest public decisions matching a search, from the public search's own table (only what the public may find). */
export async function searchFeed(ctx: RequestContext, search: SavedSearchInput, publicUrl: string): Promise<string> {
  const base = publicUrl.replace(/\/$/, '');
  const rows = await queryRows<{
    item_id: string;
    meeting_id: string;
    meeting_date: string;
    title: string;
    body_name: string;
    year: number | null;
    sequence: number | null;
  }>(
    ctx.db,
    sql`select p.agenda_item_id as item_id, m.id as meeting_id, p.meeting_date::text as meeting_date, c.title, b.name as body_name,
          co.year, co.sequence
        from public_decision_search p join networks n on n.id = p.network_id join agenda_items ai on ai.id = p.agenda_item_id
        join meetings m on m.id = ai.meeting_id join consultations co on co.id = ai.consultation_id
        join cases c on c.id = co.case_id join bodies b on b.id = p.body_id
        where p.rank_vector @@ websearch_to_tsquery('norwegian', ${search.q})
          ${search.network ? sql`and n.slug = ${search.network}` : sql``}
          ${search.body ? sql`and p.body_id = ${search.body}` : sql``}
        order by p.meeting_date desc, p.position limit ${FEED_SIZE}`,
  );
  const query = searchQueryString(search);
  const title = fill(TEXTS[ctx.language].searchTitle, { q: search.q });
  return atom(
    `${base}/api/public/feeds/decisions?${query}`,
    fill(TEXTS[ctx.language].feedTitle, { title }),
    `${base}/api/public/feeds/decisions?${query}`,
    `${base}/innsyn/sok?${query}`,
    rows.map((r) => ({
      id: `urn:uuid:${r.item_id}`,
      title: fill(TEXTS[ctx.language].event.caseDecided, {
        body: r.body_name,
        number: r.year !== null && r.sequence !== null ? caseNumberText(r.sequence, r.year) : '',
        title: r.title,
      }),
      link: `${base}/innsyn/moter/${r.meeting_id}`,
      updated: new Date(`${r.meeting_date}T12:00:00Z`).toISOString(),
    })),
    new Date('2000-01-01T00:00:00Z').toISOString(),
  );
}
