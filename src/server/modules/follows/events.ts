import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import type { FollowEventKind } from '../../../shared/follows/schema.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import { caseNumberText } from '../../../shared/meetings/schema.ts';
import { periodLabel, type ReportPeriodKind } from '../../../shared/portfolio/status-reports.ts';
import { projectReference } from '../../../shared/portfolio/projects.ts';
import { can, inNetwork, ofProject } from '../../access/index.ts';
import { fill, TEXTS } from './texts.ts';

/**
 * Turning the audit log into happenings people follow, and each happening into what one reader may read of it.
 * The audit log is the change feed: every change writes it in its own transaction, so nothing another module does
 * needs to know of follows, and a happening exists only if its change was committed.
 */

/** The audit entries that are happenings, as `entityType:action`. */
export const HAPPENINGS = [
  'meeting:sendSummons',
  'meeting:approveMinutes',
  'meeting:signMinutes',
  'writtenProcedure:decided',
  'projectDecision:create',
  'projectStatusReport:publish',
] as const;

export interface EventRow {
  id: string;
  kind: FollowEventKind;
  network_id: string;
  target_kind: 'body' | 'project' | 'case';
  target_id: string;
  subject_id: string;
  occurred_at: Date | string;
}

/** What one reader reads of a happening, or null when it is not theirs to read. */
export interface ShownEvent {
  event: EventRow;
  title: string;
  /** Path in the app, from the public URL. */
  path: string;
  /** Whether the public pages show it (a resident's e-mail, an Atom feed). */
  isPublic: boolean;
}

interface Detail {
  network_id: string;
  network_slug: string;
  is_public: boolean;
  body_name: string | null;
  meeting_id: string | null;
  meeting_date: string | null;
  item_id: string | null;
  case_title: string | null;
  case_year: number | null;
  case_sequence: number | null;
  project_id: string | null;
  project_year: number | null;
  project_sequence: number | null;
  project_title: string | null;
  project_phase: string | null;
  owner_person_id: string | null;
  manager_person_id: string | null;
  decision_point: string | null;
  period_kind: string | null;
  report_year: number | null;
  report_period: number | null;
  overall: string | null;
}

const PUBLISHED = sql.raw('m.is_public and m.deleted_at is null and m.summons_published_at is not null');
const MINUTES_OUT = sql.raw(`(m.status = 'minutesApproved' or (m.written_procedure and m.status = 'held'))`);

/** Everything needed to show the happenings, and whether the public may see each, as the data stands now. */
async function details(db: DbOrTx, events: EventRow[]): Promise<Map<string, Detail>> {
  const out = new Map<string, Detail>();
  const ids = (kinds: FollowEventKind[]) => events.filter((e) => kinds.includes(e.kind)).map((e) => e.id);
  const meetingEvents = ids(['summonsSent', 'minutesPublished']);
  if (meetingEvents.length > 0) {
    const rows = await queryRows<Detail & { event_id: string }>(
      db,
      sql`select e.id as event_id, n.id as network_id, n.slug as network_slug, b.name as body_name, m.id as meeting_id,
            m.date::text as meeting_date,
            (${PUBLISHED} and (e.kind = 'summonsSent' or ${MINUTES_OUT})) as is_public
          from follow_events e join meetings m on m.id = e.subject_id join bodies b on b.id = m.body_id
          join networks n on n.id = b.network_id
          where e.id in ${sql.raw(`('${meetingEvents.join("','")}')`)} and m.deleted_at is null`,
    );
    for (const r of rows) out.set(r.event_id, r);
  }
  const caseEvents = ids(['caseDecided']);
  if (caseEvents.length > 0) {
    const rows = await queryRows<Detail & { event_id: string }>(
      db,
      sql`select e.id as event_id, n.id as network_id, n.slug as network_slug, b.name as body_name, m.id as meeting_id,
            m.date::text as meeting_date, ai.id as item_id, c.title as case_title, co.year as case_year,
            co.sequence as case_sequence,
            exists (select 1 from public_decision_search p where p.agenda_item_id = ai.id) as is_public
          from follow_events e join agenda_items ai on ai.id = e.subject_id join meetings m on m.id = ai.meeting_id
          join consultations co on co.id = ai.consultation_id join cases c on c.id = co.case_id
          join bodies b on b.id = m.body_id join networks n on n.id = b.network_id
          where e.id in ${sql.raw(`('${caseEvents.join("','")}')`)} and c.deleted_at is null and m.deleted_at is null`,
    );
    for (const r of rows) out.set(r.event_id, r);
  }
  const projectEvents = ids(['projectDecided', 'statusReportPublished']);
  if (projectEvents.length > 0) {
    const rows = await queryRows<Detail & { event_id: string }>(
      db,
      sql`select e.id as event_id, n.id as network_id, n.slug as network_slug, p.id as project_id, p.year as project_year,
            p.sequence as project_sequence, p.title as project_title, p.phase as project_phase,
            p.owner_person_id, p.manager_person_id, d.decision_point, r.period_kind, r.year as report_year,
            r.period as report_period, r.overall,
            -- The public project page shows its decision points, not its status reports.
            (e.kind = 'projectDecided') as is_public
          from follow_events e join projects p on p.id = e.target_id join networks n on n.id = p.network_id
          left join project_decisions d on e.kind = 'projectDecided' and d.id = e.subject_id
          left join project_status_reports r on e.kind = 'statusReportPublished' and r.id = e.subject_id
          where e.id in ${sql.raw(`('${projectEvents.join("','")}')`)}`,
    );
    for (const r of rows) out.set(r.event_id, r);
  }
  return out;
}

const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
export const formatDate = (date: string, language: Language) =>
  new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

function titleOf(event: EventRow, d: Detail, language: Language): string {
  const t = TEXTS[language];
  const date = d.meeting_date ? formatDate(d.meeting_date, language) : '';
  const project =
    d.project_year !== null && d.project_sequence !== null
      ? `${projectReference(d.project_year, d.project_sequence)} ${d.project_title}`
      : '';
  switch (event.kind) {
    case 'summonsSent':
    case 'minutesPublished':
      return fill(t.event[event.kind], { body: d.body_name ?? '', date });
    case 'caseDecided':
      return fill(t.event.caseDecided, {
        body: d.body_name ?? '',
        number: d.case_year !== null && d.case_sequence !== null ? caseNumberText(d.case_sequence, d.case_year) : '',
        title: d.case_title ?? '',
      });
    case 'projectDecided':
      return fill(t.event.projectDecided, {
        project,
        decision: fill(t.decided, { point: (d.decision_point ?? '').toUpperCase(), phase: d.project_phase ?? '' }),
      });
    case 'statusReportPublished':
      return fill(t.event.statusReportPublished, {
        project,
        period: d.period_kind ? periodLabel(d.period_kind as ReportPeriodKind, d.report_year ?? 0, d.report_period ?? 0) : '',
        light: t.light[d.overall ?? ''] ?? d.overall ?? '',
      });
  }
}

function pathOf(event: EventRow, d: Detail, internal: boolean): string {
  if (event.target_kind === 'project') {
    if (internal) return `/n/${d.network_slug}/prosjekter/${d.project_id}`;
    return `/innsyn/n/${d.network_slug}/prosjekter/${projectReference(d.project_year ?? 0, d.project_sequence ?? 0)}`;
  }
  if (event.kind === 'caseDecided' && internal) return `/moter/${d.meeting_id}/saker/${d.item_id}`;
  return internal ? `/moter/${d.meeting_id}` : `/innsyn/moter/${d.meeting_id}`;
}

/**
 * Who reads: an account (its context; what it reads inside the network is the rules' to say, and beyond that it
 * reads what the public reads) or the public (a resident's subscription, an Atom feed).
 */
export type Reader = { kind: 'account'; ctx: RequestContext; language: Language } | { kind: 'public'; language: Language };

/** The happenings as the reader may read them now, in the given order; those they may not read are left out. */
export async function showEvents(db: DbOrTx, reader: Reader, events: EventRow[]): Promise<ShownEvent[]> {
  if (events.length === 0) return [];
  const found = await details(db, events);
  const shown: ShownEvent[] = [];
  for (const event of events) {
    const d = found.get(event.id);
    if (!d) continue;
    let internal = false;
    if (reader.kind === 'account') {
      internal =
        event.target_kind === 'project'
          ? await can(reader.ctx, 'project.read', {
              ...ofProject({ networkId: d.network_id, ownerPersonId: d.owner_person_id, managerPersonId: d.manager_person_id }),
            })
          : await can(reader.ctx, 'network.readInternals', inNetwork(d.network_id));
    }
    if (!internal && !d.is_public) continue;
    shown.push({ event, title: titleOf(event, d, reader.language), path: pathOf(event, d, internal), isPublic: d.is_public });
  }
  return shown;
}

/**
 * Reads the audit log from where the last run stopped (with an overlap, as an entry is stamped when its transaction
 * starts and may commit after a later one) and records each happening once. Returns the happenings new to this run.
 */
export async function collectEvents(db: DbOrTx, now = new Date()): Promise<EventRow[]> {
  const [cursor] = await queryRows<{ read_until: Date | string }>(db, sql`select read_until from follow_cursor where id = 'audit'`);
  const OVERLAP_MS = 10 * 60 * 1000;
  const from = new Date((cursor ? new Date(cursor.read_until).getTime() : now.getTime()) - OVERLAP_MS);
  const happenings = sql.raw(`(${HAPPENINGS.map((h) => `'${h}'`).join(',')})`);
  const inserted = await queryRows<EventRow>(
    db,
    sql`with entries as (
          select a.entity_type || ':' || a.action as what, a.entity_id, a.at from audit_entries a
          where a.at >= ${from.toISOString()} and a.entity_type || ':' || a.action in ${happenings}
        ),
        found as (
          select 'summonsSent' as kind, b.network_id, 'body' as target_kind, m.body_id as target_id, m.id as subject_id, x.at
            from entries x join meetings m on m.id::text = x.entity_id join bodies b on b.id = m.body_id
            where x.what = 'meeting:sendSummons'
          union all
          select 'minutesPublished', b.network_id, 'body', m.body_id, m.id, x.at
            from entries x join meetings m on m.id::text = x.entity_id join bodies b on b.id = m.body_id
            where x.what in ('meeting:approveMinutes', 'meeting:signMinutes') and m.minutes_approved_at is not null
          union all
          select 'caseDecided', b.network_id, 'case', co.case_id, ai.id, x.at
            from entries x join meetings m on m.id::text = x.entity_id join bodies b on b.id = m.body_id
            join agenda_items ai on ai.meeting_id = m.id join consultations co on co.id = ai.consultation_id
            where x.what in ('meeting:approveMinutes', 'meeting:signMinutes') and m.minutes_approved_at is not null
              and ai.outcome in ('decided', 'noted')
          union all
          select 'caseDecided', b.network_id, 'case', co.case_id, ai.id, x.at
            from entries x join written_procedures w on w.id::text = x.entity_id join agenda_items ai on ai.id = w.agenda_item_id
            join meetings m on m.id = ai.meeting_id join bodies b on b.id = m.body_id
            join consultations co on co.id = ai.consultation_id
            where x.what = 'writtenProcedure:decided'
          union all
          select 'projectDecided', p.network_id, 'project', p.id, d.id, x.at
            from entries x join project_decisions d on d.id::text = x.entity_id join projects p on p.id = d.project_id
            where x.what = 'projectDecision:create'
          union all
          select 'statusReportPublished', p.network_id, 'project', p.id, r.id, x.at
            from entries x join project_status_reports r on r.id::text = x.entity_id join projects p on p.id = r.project_id
            where x.what = 'projectStatusReport:publish' and r.state = 'published'
        )
        insert into follow_events (kind, network_id, target_kind, target_id, subject_id, occurred_at)
        select distinct on (kind, subject_id) kind, network_id, target_kind, target_id, subject_id, at from found
        order by kind, subject_id, at
        on conflict (kind, subject_id) do nothing
        returning id, kind, network_id, target_kind, target_id, subject_id, occurred_at`,
  );
  await db.execute(
    sql`insert into follow_cursor (id, read_until) values ('audit', ${now.toISOString()})
        on conflict (id) do update set read_until = excluded.read_until`,
  );
  return inserted.sort((a, b) => new Date(a.occurred_at).getTime() - new Date(b.occurred_at).getTime());
}
