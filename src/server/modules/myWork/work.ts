import { and, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { keyArray, queryParts, type DbOrTx } from '../../db/client.ts';
import { myWorkVisits } from '../../db/schema/index.ts';
import {
  DECISION_POINT_RULES,
  DECISION_POINTS,
  projectReference,
  type DecisionPoint,
  type Phase,
} from '../../../shared/portfolio/projects.ts';
import { periodLabel, type ReportPeriodKind } from '../../../shared/portfolio/status-reports.ts';
import type {
  AwaitedAnswer,
  DueMeasurement,
  MyMeeting,
  MyMunicipality,
  MyProject,
  MyWork,
  NewDocument,
  Secretariat,
  SecretariatTask,
} from '../../../shared/myWork/schema.ts';
import { today } from '../network/index.ts';
import {
  assertCan,
  can,
  chiefExecutiveSeatsPart,
  editedNetworksPart,
  editorMunicipalities,
  NOWHERE,
  ofParticipant,
  rememberAccountLookups,
  type Seat,
} from '../../access/index.ts';
import { addDays, iso } from './dates.ts';
import { LATEST_REPORT } from '../portfolio/index.ts';

/**
 * «Mitt arbeid»: each part is one query over what the account is (its roles) and who it is (the people with its
 * e-mail). Nothing here decides access beyond what the rules say: the account's own person's meetings and answers are
 * its own by definition; the secretariat's tasks are the networks it administers; a measurement's form is offered
 * where `project.answerForMunicipality` holds.
 */

type NetworkRow = { network_id: string; network_slug: string; network_name: string };
const networkOf = (r: NetworkRow) => ({ id: r.network_id, slug: r.network_slug, name: r.network_name });

/** A new visit starts when the last one is more than this old. */
const VISIT_GAP_MS = 60 * 60 * 1000;
/** How far ahead the start page looks for meetings, and how many it lists. */
const MEETINGS_AHEAD_DAYS = 120;
const LIST_LIMIT = 20;
const MEASUREMENTS_LIMIT = LIST_LIMIT * 2;

export async function myWork(ctx: RequestContext): Promise<MyWork> {
  await assertCan(ctx, 'account', NOWHERE);
  const user = ctx.user!;
  const day = today();
  const now = new Date();
  const { me, meetings, newDocuments } = await whoAndWhen(ctx.db, user.id, user.email, day, now);
  const { person_ids: personIds, since, seen_at: _seenAt, new_sitting: _newSitting, ...has } = me;
  // Once each: a network listed twice (two grants of the same role) would list its projects twice.
  const administered = [...new Set(ctx.roles.flatMap((r) => (r.role === 'networkAdmin' && r.networkId ? [r.networkId] : [])))];
  const editorOf = editorMunicipalities(ctx);
  const measured = has.targets || editorOf.length > 0;
  // What the measurements' access checks look up, read with the parts so that the checks need not: the seats today
  // only where the people have had one at all.
  const seats = measured && has.chiefExecutive;
  const editedNetworks = measured ? editedNetworksPart(ctx) : null;

  // The other parts in one statement: one pool checkout and one round trip (issue 18's benchmark), and none at all for
  // most people, whose page is their meetings. A part the look-up found nothing for is left out, so each statement
  // has only the parts it needs to plan and start.
  const rows = await queryParts<PartRows>(ctx.db, {
    awaited: awaitedQuery(personIds, user.email, has),
    projects: has.projects ? projectsQuery(personIds) : null,
    measurements: measured ? dueMeasurementsQuery(personIds, editorOf, day) : null,
    municipalities: has.chiefExecutive || editorOf.length > 0 ? municipalitiesQuery(personIds, editorOf, day) : null,
    accountSeats: seats ? chiefExecutiveSeatsPart(ctx) : null,
    editedNetworks,
    ...secretariatQueries(administered, day),
  });
  rememberAccountLookups(ctx, {
    personIds,
    ...(measured ? { accountSeats: seats ? rows.accountSeats : [] } : {}),
    ...(editedNetworks ? { editedNetworks: rows.editedNetworks } : {}),
  });
  await moveVisitOn(ctx.db, user.id, me, now);
  return {
    known: personIds.length > 0,
    previousVisit: since,
    meetings: meetingsFrom(meetings),
    awaited: awaitedFrom(rows.awaited),
    newDocuments: newDocumentsFrom(newDocuments),
    secretariat: secretariatFrom(rows, day),
    projects: projectsFrom(rows.projects, day),
    measurements: await dueMeasurementsFrom(ctx, rows.measurements),
    municipalities: municipalitiesFrom(rows.municipalities),
  };
}

type PartRows = SecretariatRows & {
  awaited: AwaitedRow[];
  projects: ProjectRow[];
  measurements: TargetRow[];
  municipalities: MunicipalityRow[];
  accountSeats: Seat[];
  editedNetworks: { networkId: string }[];
};

/** What the account's people have anything of at all: a part with nothing is not asked for. */
interface Holdings {
  memberships: boolean;
  attendances: boolean;
  procedures: boolean;
  signatures: boolean;
  surveys: boolean;
  projects: boolean;
  targets: boolean;
  chiefExecutive: boolean;
}

/**
 * The people the account is (by its e-mail), when the visit before this one was (`since`), whether a new sitting
 * begins with this one, and what those people have.
 */
type Me = Holdings & { person_ids: string[]; seen_at: string | null; since: string | null; new_sitting: boolean | null };

/**
 * Who the account is and when it was here last, with its next meetings and the documents new since its last visit
 * (what most people's page is) in the same statement. What the people have is one index probe per kind, far cheaper
 * than running the parts that would find nothing (a seat's council is probed by key, `offset 0` keeping the probe: the
 * generic plan would read every body); the meetings and documents parts run only where they have seats, summonses
 * or projects.
 */
async function whoAndWhen(
  db: DbOrTx,
  userId: string,
  email: string,
  day: string,
  now: Date,
): Promise<{ me: Me; meetings: MeetingRow[]; newDocuments: DocumentRow[] }> {
  // An array: `any` of a bare sub-select would compare with each of its rows.
  const ids = sql`(select ids from me)::uuid[]`;
  const { me, meetings, newDocuments } = await queryParts<{ me: Me[]; meetings: MeetingRow[]; newDocuments: DocumentRow[] }>(
    db,
    {
      me: sql`select me.ids as person_ids, ${iso(sql`visit.seen_at`)} as seen_at, ${iso(sql`visit.since`)} as since, visit.new_sitting, has.*
        from me cross join has left join visit on true`,
      meetings: { when: sql`(select memberships or attendances from has)`, query: meetingsQuery(ids, day) },
      newDocuments: {
        when: sql`(select since from visit) is not null and (select memberships or projects from has)`,
        query: newDocumentsQuery(ids),
      },
    },
    {
      with: sql`me as (select coalesce(array_agg(id), '{}') as ids from people where lower(email) = lower(${email})),
        visit as (select v.seen_at, v.seen_at < sitting.began as new_sitting,
            case when v.seen_at < sitting.began then v.seen_at else v.previous_seen_at end as since
          from my_work_visits v cross join (select ${sittingBegan(now)}::timestamptz as began) sitting
          where v.user_id = ${userId}),
        has as (select
          exists (select 1 from body_memberships bm where bm.person_id = any(${ids})) as memberships,
          exists (select 1 from meeting_attendees a where a.person_id = any(${ids})) as attendances,
          exists (select 1 from written_procedure_answers wa where wa.person_id = any(${ids}) and wa.answered_at is null) as procedures,
          exists (select 1 from minutes_signatures s where s.person_id = any(${ids}) and s.signed_at is null) as signatures,
          exists (select 1 from survey_respondents sr where lower(sr.email) = lower(${email}) and sr.submitted_at is null) as surveys,
          exists (select 1 from projects p where p.owner_person_id = any(${ids}))
            or exists (select 1 from projects p where p.manager_person_id = any(${ids})) as projects,
          exists (select 1 from indicator_targets t where t.responsible_person_id = any(${ids}))
            or exists (select 1 from benefits b where b.owner_person_id = any(${ids})) as targets,
          exists (select 1 from body_memberships bm
            cross join lateral (select 1 from bodies b where b.id = bm.body_id and b.kind = 'chiefExecutivesCouncil' offset 0) council
            where bm.person_id = any(${ids})) as "chiefExecutive")`,
    },
  );
  return { me: me[0]!, meetings, newDocuments };
}

/**
 * Moves the visit stamps on when a new sitting begins. Most requests only read: a write happens once a sitting, and
 * only the first request of a sitting moves them (the condition is asked again in the update).
 */
async function moveVisitOn(db: DbOrTx, userId: string, me: Me, now: Date): Promise<void> {
  if (me.seen_at === null) await db.insert(myWorkVisits).values({ userId, seenAt: now, previousSeenAt: null }).onConflictDoNothing();
  else if (me.new_sitting)
    await db
      .update(myWorkVisits)
      .set({ previousSeenAt: sql`${myWorkVisits.seenAt}`, seenAt: now })
      .where(and(eq(myWorkVisits.userId, userId), lt(myWorkVisits.seenAt, sittingBegan(now))));
}

/** A new sitting begins when the last visit is more than VISIT_GAP_MS old. */
const sittingBegan = (now: Date) => new Date(now.getTime() - VISIT_GAP_MS);

// ---------------------------------------------------------------- everyone summoned

type MeetingRow = NetworkRow & {
  id: string;
  body_name: string;
  date: string;
  start_time: string;
  place: string | null;
  status: MyMeeting['status'];
  attendance: MyMeeting['attendance'];
  written_procedure: boolean;
};

function meetingsQuery(ids: SQL, day: string): SQL {
  return sql`select m.id, b.name as body_name, m.date::text, m.start_time, m.place, m.status, m.written_procedure,
          n.id as network_id, n.slug as network_slug, n.name as network_name,
          (select a.status from meeting_attendees a where a.meeting_id = m.id and a.person_id = any(${ids}) limit 1) as attendance
        from meetings m
        join bodies b on b.id = m.body_id
        join networks n on n.id = b.network_id
        where m.deleted_at is null and not m.written_procedure
          and m.date >= ${day} and m.date <= ${addDays(day, MEETINGS_AHEAD_DAYS)}
          and m.status in ('planned', 'summoned')
          and (m.id in (select a.meeting_id from meeting_attendees a where a.person_id = any(${ids}))
            or (m.body_id in (select bm.body_id from body_memberships bm where bm.person_id = any(${ids}))
              and exists (select 1 from body_memberships bm where bm.body_id = m.body_id and bm.person_id = any(${ids})
                and bm.from_date <= m.date and (bm.to_date is null or bm.to_date > m.date))))
        order by m.date, m.start_time
        limit ${LIST_LIMIT}`;
}

function meetingsFrom(rows: MeetingRow[]): MyMeeting[] {
  return rows.map((r) => ({
    id: r.id,
    href: `/moter/${r.id}`,
    bodyName: r.body_name,
    network: networkOf(r),
    date: r.date,
    startTime: r.start_time,
    place: r.place,
    status: r.status,
    attendance: r.attendance,
    writtenProcedure: r.written_procedure,
  }));
}

type AwaitedRow = NetworkRow & { kind: AwaitedAnswer['kind']; id: string; title: string; deadline: string | null; href: string };

function awaitedQuery(personIds: string[], email: string, has: Holdings): SQL | null {
  const ids = keyArray(personIds);
  const branches = [
    has.procedures &&
      sql`select 'writtenProcedure' as kind, wp.id, c.title, ${iso(sql`wp.deadline`)} as deadline, '/moter/' || m.id as href,
          n.id as network_id, n.slug as network_slug, n.name as network_name
        from written_procedure_answers wa
        join written_procedures wp on wp.id = wa.procedure_id
        join agenda_items ai on ai.id = wp.agenda_item_id
        join consultations co on co.id = ai.consultation_id
        join cases c on c.id = co.case_id
        join meetings m on m.id = ai.meeting_id
        join bodies b on b.id = m.body_id
        join networks n on n.id = b.network_id
        where wa.person_id = any(${ids}) and wa.answered_at is null
          and wp.status = 'open' and wp.deadline > now()`,
    has.signatures &&
      sql`select 'minutesSignature' as kind, m.id, b.name || ' ' || m.date::text as title, null as deadline, '/moter/' || m.id as href,
          n.id as network_id, n.slug as network_slug, n.name as network_name
        from minutes_signatures s
        join meetings m on m.id = s.meeting_id
        join bodies b on b.id = m.body_id
        join networks n on n.id = b.network_id
        where s.person_id = any(${ids}) and s.signed_at is null and m.minutes_approved_at is null and m.deleted_at is null`,
    has.surveys &&
      sql`select 'survey' as kind, r.id, r.name as title, r.deadline::text as deadline, '/n/' || n.slug || '/undersokelser/' || r.id as href,
          n.id as network_id, n.slug as network_slug, n.name as network_name
        from survey_respondents sr
        join survey_rounds r on r.id = sr.round_id
        join networks n on n.id = r.network_id
        where lower(sr.email) = lower(${email}) and sr.submitted_at is null and r.status = 'open'`,
  ].filter((branch) => branch !== false);
  if (branches.length === 0) return null;
  return sql`select * from (${sql.join(branches, sql` union all `)}) awaited order by deadline nulls last limit ${LIST_LIMIT}`;
}

function awaitedFrom(rows: AwaitedRow[]): AwaitedAnswer[] {
  return rows.map((r) => ({ kind: r.kind, id: r.id, title: r.title, deadline: r.deadline, href: r.href, network: networkOf(r) }));
}

/**
 * Documents added since the last visit: the attachments of cases on the agendas of the bodies the person sits in,
 * and the basis documents of the projects they own or manage. Exempt attachments are their members' to read.
 */
type DocumentRow = { id: string; file_name: string; context: string; added_at: string; href: string };

function newDocumentsQuery(ids: SQL): SQL {
  const since = sql`(select since from visit)`;
  // Each branch only where the people have such documents at all (a condition on `has` alone is tested once).
  return sql`select * from (
        select distinct on (d.id) d.id, d.file_name, c.title as context, ${iso(sql`d.created_at`)} as added_at, '/moter/' || m.id as href
          from case_documents d
          join cases c on c.id = d.case_id
          join consultations co on co.case_id = c.id
          join agenda_items ai on ai.consultation_id = co.id
          join meetings m on m.id = ai.meeting_id
          join body_memberships bm on bm.body_id = m.body_id and bm.person_id = any(${ids})
            and (bm.to_date is null or bm.to_date > m.date)
          where (select memberships from has) and d.deleted_at is null and d.created_at > ${since}
            and m.deleted_at is null and m.summons_published_at is not null
        union all
        select d.id, d.file_name, p.title, ${iso(sql`d.created_at`)}, '/n/' || n.slug || '/prosjekter/' || p.id
          from project_documents d
          join projects p on p.id = d.project_id
          join networks n on n.id = p.network_id
          where (select projects from has) and d.deleted_at is null and d.created_at > ${since}
            and (p.owner_person_id = any(${ids}) or p.manager_person_id = any(${ids}))
      ) docs order by added_at desc limit ${LIST_LIMIT}`;
}

function newDocumentsFrom(rows: DocumentRow[]): NewDocument[] {
  return rows.map((r) => ({ id: r.id, fileName: r.file_name, context: r.context, addedAt: r.added_at, href: r.href }));
}

// ---------------------------------------------------------------- the secretariat

type ReportState = { id: string; phase: Phase; start_date: string | null; period_kind: ReportPeriodKind | null; last_end: number | null };

/** The phases in which a project reports its status. */
const REPORTING_PHASES: readonly Phase[] = ['planning', 'execution', 'closing'];

/**
 * The last period of a kind that finished before `day`: its end in months since year 0 (as periodEnd() counts), its
 * label, and the first day after its last month (a project that starts then owes no report for it).
 */
function lastFinishedPeriod(kind: ReportPeriodKind, day: string): { end: number; label: string; after: string } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const length = kind === 'month' ? 1 : 4;
  // The current period's first month, counted from 0; the period before it is the last finished one.
  const end = y * 12 + Math.floor((m - 1) / length) * length;
  const year = Math.floor((end - 1) / 12);
  return {
    end,
    label: periodLabel(kind, year, (end - year * 12) / length),
    after: `${Math.floor(end / 12)}-${String((end % 12) + 1).padStart(2, '0')}-01`,
  };
}

/**
 * The period whose status report is due: the last finished month (or tertial, when the project reports per tertial)
 * of a project in planning, execution or closing that started before it ended, unless a report for it or a later
 * period is published. Null when none is due. The secretariat's list asks the same in SQL (`statusReportsDueQuery`).
 */
export function statusReportDue(project: Omit<ReportState, 'id'>, day: string): string | null {
  if (!REPORTING_PHASES.includes(project.phase)) return null;
  const period = lastFinishedPeriod(project.period_kind ?? 'month', day);
  if (project.start_date !== null && project.start_date >= period.after) return null;
  if (project.last_end !== null && project.last_end >= period.end) return null;
  return period.label;
}

type SecretariatRows = {
  secretariatNetworks: { id: string; slug: string; name: string }[];
  summonsDue: { network_id: string; id: string; title: string; due: string }[];
  minutesOpen: { network_id: string; id: string; title: string; date: string; requested: boolean }[];
  proposalsNew: { network_id: string; slug: string; id: string; title: string; submitted: string }[];
  grantReports: { network_id: string; slug: string; grant_id: string; id: string; title: string; due: string }[];
  statusReports: {
    network_id: string;
    slug: string;
    id: string;
    title: string;
    year: number;
    sequence: number;
    label: string;
    total: number;
  }[];
  surveysRunning: { network_id: string; slug: string; id: string; name: string; deadline: string; missing: string[] | null }[];
};

/** The tasks of the networks the account administers, a query per kind. */
function secretariatQueries(networkIds: string[], day: string): Record<keyof SecretariatRows, SQL | null> {
  if (networkIds.length === 0)
    return {
      secretariatNetworks: null,
      summonsDue: null,
      minutesOpen: null,
      proposalsNew: null,
      grantReports: null,
      statusReports: null,
      surveysRunning: null,
    };
  const ids = keyArray(networkIds);
  return {
    secretariatNetworks: sql`select id, slug, name from networks where id = any(${ids}) order by name`,
    // Each body's own notice period: the summons is due that many days before the meeting.
    summonsDue: sql`select b.network_id, m.id, b.name || ' ' || m.date::text as title, (m.date - b.summons_notice_days)::text as due
          from meetings m join bodies b on b.id = m.body_id
          where b.network_id = any(${ids}) and m.deleted_at is null and not m.written_procedure and m.status = 'planned'
            and m.date >= ${day} and m.date - b.summons_notice_days <= ${addDays(day, 7)}::date
          order by m.date`,
    minutesOpen: sql`select b.network_id, m.id, b.name || ' ' || m.date::text as title, m.date::text,
            exists (select 1 from minutes_signatures s where s.meeting_id = m.id) as requested
          from meetings m join bodies b on b.id = m.body_id
          where b.network_id = any(${ids}) and m.deleted_at is null and not m.written_procedure
            and m.minutes_approved_at is null and m.date < ${day} and m.status in ('summoned', 'held')
          order by m.date`,
    proposalsNew: sql`select p.network_id, n.slug, p.id, p.title, (p.submitted_at at time zone 'Europe/Oslo')::date::text as submitted
          from proposals p join networks n on n.id = p.network_id
          where p.network_id = any(${ids}) and p.status = 'new' order by p.submitted_at limit 50`,
    grantReports: sql`select g.network_id, n.slug, g.id as grant_id, d.id, g.title || ': ' || d.description as title, d.due_date::text as due
          from grant_reporting_deadlines d join grants g on g.id = d.grant_id join networks n on n.id = g.network_id
          where g.network_id = any(${ids}) and d.reported_at is null and d.due_date <= ${addDays(day, 30)}::date
          order by d.due_date`,
    statusReports: statusReportsDueQuery(ids, day),
    surveysRunning: sql`select r.network_id, n.slug, r.id, r.name, r.deadline::text,
            (select array_agg(distinct mu.name order by mu.name) from survey_respondents sr
              join municipalities mu on mu.number = sr.municipality_number
              where sr.round_id = r.id and sr.submitted_at is null
                and not exists (select 1 from survey_respondents done where done.round_id = r.id
                  and done.municipality_number = sr.municipality_number and done.submitted_at is not null)) as missing
          from survey_rounds r join networks n on n.id = r.network_id
          where r.network_id = any(${ids}) and r.status = 'open'
          order by r.deadline`,
  };
}

/**
 * The network's projects whose status report is due (the rule of `statusReportDue`), the first by reference with how
 * many there are in all: a large portfolio's secretariat sees where the list goes on, not hundreds of lines.
 */
function statusReportsDueQuery(networkIds: SQL, day: string): SQL {
  const month = lastFinishedPeriod('month', day);
  const tertial = lastFinishedPeriod('tertial', day);
  const per = (pick: (period: typeof month) => string | number) =>
    sql`case when rep.period_kind = 'tertial' then ${pick(tertial)} else ${pick(month)} end`;
  // The projects are probed per network (`offset 0` keeps the probe): a generic plan, guessing ten networks, would scan
  // every project. Each one's latest report is then one probe more.
  return sql`select network_id, slug, id, title, year, sequence, label, total::int from (
        select p.network_id, n.slug, p.id, p.title, p.year, p.sequence, ${per((x) => x.label)} as label,
          count(*) over (partition by p.network_id) as total,
          row_number() over (partition by p.network_id order by p.year, p.sequence) as nth
        from unnest(${networkIds}) k(key)
        cross join lateral (select * from projects p where p.network_id = k.key
          and p.phase in ${sql.raw(`('${REPORTING_PHASES.join("', '")}')`)} offset 0) p
        join networks n on n.id = p.network_id ${LATEST_REPORT}
        where (p.start_date is null or p.start_date < ${per((x) => x.after)}::date)
          and (rep.last_end is null or rep.last_end < ${per((x) => x.end)}::int)) due
      where nth <= ${LIST_LIMIT}
      order by year, sequence`;
}

function secretariatFrom(rows: SecretariatRows, day: string): Secretariat[] {
  const { secretariatNetworks: networkRows, summonsDue: summons, minutesOpen: minutes, proposalsNew: proposals } = rows;
  const { grantReports: grants, statusReports: reports, surveysRunning: surveys } = rows;
  const tasks = new Map<string, SecretariatTask[]>(networkRows.map((n) => [n.id, []]));
  const add = (networkId: string, task: Omit<SecretariatTask, 'missing' | 'overdue'> & { missing?: string[] }) =>
    tasks.get(networkId)?.push({ missing: [], ...task, overdue: task.due !== null && task.due < day });
  for (const m of summons) add(m.network_id, { kind: 'summonsDue', id: m.id, title: m.title, due: m.due, href: `/moter/${m.id}` });
  for (const m of minutes)
    add(m.network_id, {
      kind: m.requested ? 'minutesToApprove' : 'minutesToWrite',
      id: m.id,
      title: m.title,
      due: null,
      href: `/moter/${m.id}`,
    });
  for (const p of proposals)
    add(p.network_id, { kind: 'proposalToTriage', id: p.id, title: p.title, due: null, href: `/n/${p.slug}/forslag/${p.id}` });
  for (const g of grants)
    add(g.network_id, {
      kind: 'grantReportDue',
      id: g.id,
      title: g.title,
      due: g.due,
      href: `/n/${g.slug}/okonomi/tilskudd/${g.grant_id}`,
    });
  for (const p of reports)
    add(p.network_id, {
      kind: 'statusReportDue',
      id: p.id,
      title: `${projectReference(p.year, p.sequence)} ${p.title} (${p.label})`,
      due: null,
      href: `/n/${p.slug}/prosjekter/${p.id}`,
    });
  for (const r of surveys)
    add(r.network_id, {
      kind: 'surveyRunning',
      id: r.id,
      title: r.name,
      due: r.deadline,
      href: `/n/${r.slug}/undersokelser/${r.id}`,
      missing: r.missing ?? [],
    });
  return networkRows.map((n) => {
    const listed = tasks.get(n.id)!;
    const reportsDue = reports.find((p) => p.network_id === n.id)?.total ?? 0;
    return {
      network: { id: n.id, slug: n.slug, name: n.name },
      tasks: listed,
      moreStatusReportsDue: reportsDue - listed.filter((task) => task.kind === 'statusReportDue').length,
    };
  });
}

// ---------------------------------------------------------------- project owners and managers

type ProjectRow = ReportState &
  NetworkRow & {
    title: string;
    year: number;
    sequence: number;
    owner: boolean;
    manager: boolean;
    overall: MyProject['light'];
    documents: string[] | null;
  };

function projectsQuery(personIds: string[]): SQL | null {
  if (personIds.length === 0) return null;
  return sql`select p.id, p.title, p.year, p.sequence, p.phase, p.start_date::text, rep.period_kind, rep.last_end, rep.overall,
          p.owner_person_id = any(${keyArray(personIds)}) as owner, coalesce(p.manager_person_id = any(${keyArray(personIds)}), false) as manager,
          n.id as network_id, n.slug as network_slug, n.name as network_name,
          (select array_agg(distinct d.kind) from project_documents d where d.project_id = p.id and d.deleted_at is null) as documents
        from projects p join networks n on n.id = p.network_id ${LATEST_REPORT}
        where p.owner_person_id = any(${keyArray(personIds)}) or p.manager_person_id = any(${keyArray(personIds)})
        order by p.year, p.sequence
        limit ${LIST_LIMIT}`;
}

function projectsFrom(rows: ProjectRow[], day: string): MyProject[] {
  return rows.map((r) => {
    const next = nextDecisionPoint(r.phase);
    const have = new Set(r.documents ?? []);
    return {
      id: r.id,
      href: `/n/${r.network_slug}/prosjekter/${r.id}`,
      reference: projectReference(r.year, r.sequence),
      title: r.title,
      network: networkOf(r),
      roles: [...(r.owner ? (['owner'] as const) : []), ...(r.manager ? (['manager'] as const) : [])],
      phase: r.phase,
      light: r.overall ?? null,
      statusReportDue: statusReportDue(r, day),
      nextDecisionPoint: next,
      lacks: next ? DECISION_POINT_RULES[next].basis.filter((kind) => !have.has(kind)) : [],
    };
  });
}

/** The decision point that takes the project out of its phase; in realization, the yearly BP6. */
function nextDecisionPoint(phase: Phase): DecisionPoint | null {
  return DECISION_POINTS.find((point) => DECISION_POINT_RULES[point].from === phase) ?? null;
}

// ---------------------------------------------------------------- benefit owners

/**
 * Targets whose next measurement is due (one period after the latest, or after the baseline) and not yet done: those
 * the account's person is responsible for, or owns the benefit of where the municipality named no one, and those of
 * the municipalities it edits.
 */
type TargetRow = NetworkRow & {
  indicator_id: string;
  indicator_name: string;
  unit: string;
  benefit_title: string;
  project_id: string;
  year: number;
  sequence: number;
  project_title: string;
  owner_person_id: string | null;
  manager_person_id: string | null;
  municipality_number: string;
  municipality_name: string;
  baseline_date: string;
  last_measured: string | null;
  /** nextMeasurementDue()'s day, as the target keeps it (migration 0033). */
  due: string;
};

function dueMeasurementsQuery(personIds: string[], editorOf: string[], day: string): SQL {
  const columns = sql`t.id, t.indicator_id, t.municipality_number, t.baseline_date, t.target_date, t.measured_on, t.due_on`;
  const earliest = sql`t.due_on <= ${day} order by t.due_on fetch first ${MEASUREMENTS_LIMIT} rows with ties`;
  // Per key: for a responsible person or a municipality an ordered index range that stops at the earliest (an `any`
  // over the keys would read them all); for a benefit owner, their benefits' targets by key probes.
  const byKey = (keys: SQL, column: SQL, from = sql`indicator_targets t`) =>
    sql`(select t.* from unnest(${keys}) k(key)
          cross join lateral (select ${columns} from ${from} where ${column} = k.key and ${earliest}) t)`;
  const sources = [
    personIds.length > 0 && byKey(keyArray(personIds), sql`t.responsible_person_id`),
    // A benefit owner's targets that name no one responsible of their own.
    personIds.length > 0 &&
      byKey(
        keyArray(personIds),
        sql`b.owner_person_id`,
        sql`benefits b join benefit_indicators i on i.benefit_id = b.id
          join indicator_targets t on t.indicator_id = i.id and t.responsible_person_id is null`,
      ),
    editorOf.length > 0 && byKey(keyArray(editorOf, 'text'), sql`t.municipality_number`),
  ].filter((source) => source !== false);
  // Each target keeps its next due day (migration 0033: none while its indicator or benefit is deleted, or once it is
  // measured on its target date), so each source is an index range of its due targets; the earliest are kept, with
  // every tie of the last so the page's own order decides, and only those are joined to what the page shows of them.
  return sql`select i.id as indicator_id, i.name as indicator_name, i.unit, b.title as benefit_title,
          p.id as project_id, p.year, p.sequence, p.title as project_title, p.owner_person_id, p.manager_person_id,
          n.id as network_id, n.slug as network_slug, n.name as network_name,
          d.municipality_number, mu.name as municipality_name, d.baseline_date::text, d.measured_on::text as last_measured, d.due_on::text as due
        from (
          select * from (${sql.join(sources, sql` union `)}) t
          order by t.due_on
          fetch first ${MEASUREMENTS_LIMIT} rows with ties) d
        join benefit_indicators i on i.id = d.indicator_id
        join benefits b on b.id = i.benefit_id
        join projects p on p.id = b.project_id
        join networks n on n.id = p.network_id
        join municipalities mu on mu.number = d.municipality_number`;
}

async function dueMeasurementsFrom(ctx: RequestContext, rows: TargetRow[]): Promise<DueMeasurement[]> {
  const due: DueMeasurement[] = [];
  for (const r of rows) {
    const place = ofParticipant(
      { networkId: r.network_id, ownerPersonId: r.owner_person_id, managerPersonId: r.manager_person_id },
      r.municipality_number,
    );
    due.push({
      indicatorId: r.indicator_id,
      indicatorName: r.indicator_name,
      unit: r.unit,
      benefitTitle: r.benefit_title,
      project: { id: r.project_id, reference: projectReference(r.year, r.sequence), title: r.project_title },
      network: networkOf(r),
      municipalityNumber: r.municipality_number,
      municipalityName: r.municipality_name,
      baselineDate: r.baseline_date,
      lastMeasuredOn: r.last_measured,
      due: r.due,
      href: `/n/${r.network_slug}/prosjekter/${r.project_id}#nytte`,
      canRegister: await can(ctx, 'project.answerForMunicipality', place),
    });
  }
  return due
    .sort((a, b) => a.due.localeCompare(b.due) || a.municipalityName.localeCompare(b.municipalityName))
    .slice(0, MEASUREMENTS_LIMIT);
}

// ---------------------------------------------------------------- chief executives and contacts

type MunicipalityRow = { number: string; name: string; speaks_as: MyMunicipality['as'] };

function municipalitiesQuery(personIds: string[], editorOf: string[], day: string): SQL {
  return sql`select distinct mu.number, mu.name, 'chiefExecutive' as speaks_as
        from body_memberships bm join bodies b on b.id = bm.body_id and b.kind = 'chiefExecutivesCouncil'
        join municipalities mu on mu.number = bm.municipality_number
        where bm.person_id = any(${keyArray(personIds)}) and bm.from_date <= ${day} and (bm.to_date is null or bm.to_date > ${day})
        union
        select mu.number, mu.name, 'contact' from municipalities mu where mu.number = any(${keyArray(editorOf, 'text')})
        order by 1, 3`;
}

function municipalitiesFrom(rows: MunicipalityRow[]): MyMunicipality[] {
  // One line per municipality: as chief executive where both hold.
  const seen = new Set<string>();
  return rows
    .filter((r) => (seen.has(r.number) ? false : (seen.add(r.number), true)))
    .map((r) => ({ number: r.number, name: r.name, as: r.speaks_as, href: `/kommuner/${r.number}` }));
}
