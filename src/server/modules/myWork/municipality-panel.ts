import { sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { keyArray, queryParts, queryPrepared } from '../../db/client.ts';
import { LATEST_REPORT } from '../portfolio/index.ts';
import { notFound } from '../../errors.ts';
import { PANEL_FOLD, type MunicipalityPanel } from '../../../shared/myWork/schema.ts';
import { shareInYear } from '../../../shared/finance/year-spread.ts';
import { projectReference } from '../../../shared/portfolio/projects.ts';
import { periodLabel, type ReportPeriodKind } from '../../../shared/portfolio/status-reports.ts';
import { achievement } from '../../../shared/benefits/schema.ts';
import {
  assertCan,
  can,
  editedNetworksPart,
  inNetwork,
  isChiefExecutiveFor,
  ofMunicipality,
  rememberAccountLookups,
  rememberNetworksOfMunicipality,
} from '../../access/index.ts';
import { currentMembership, today } from '../network/index.ts';

/**
 * One municipality's page across all its networks. Its own people (its contacts, its chief executive, the platform
 * administrator) see every network it has been a member of; a network's secretariat or members see the parts that lie
 * in the networks whose portfolio they read. Read-only queries over the other modules' tables.
 */
export async function municipalityPanel(
  ctx: RequestContext,
  number: string,
  { year = Number(today().slice(0, 4)), all = false }: { year?: number; all?: boolean } = {},
): Promise<MunicipalityPanel> {
  const fold = all ? null : PANEL_FOLD;
  const day = today();
  // Its own people by their role alone (the platform administrator, its contacts) see every network it has been a
  // member of: for them the municipality and its memberships come in the page's one statement, and what the checks
  // below look up with them. Anyone else's networks are decided first, from one look-up.
  const ownByRole = await can(ctx, 'municipality.edit', { networkIds: [], municipalityNumber: number });
  let rows: MembershipRow[];
  let parts: PanelRows | null = null;
  if (ownByRole) {
    const editedNetworksQuery = editedNetworksPart(ctx);
    const shownIds = sql`(select coalesce(array_agg(network_id) filter (where network_id is not null), '{}') from memberships)::uuid[]`;
    const { memberships, editedNetworks, ...rest } = await queryParts<
      PanelRows & { memberships: MembershipRow[]; editedNetworks: { networkId: string }[] }
    >(
      ctx.db,
      {
        memberships: sql`select * from memberships order by joined_on, network_name`,
        editedNetworks: editedNetworksQuery,
        ...panelParts(number, shownIds, { year, fold, day }),
      },
      { with: sql`memberships as (${membershipsQuery(number)})` },
    );
    rows = memberships;
    parts = rest;
    if (editedNetworksQuery) rememberAccountLookups(ctx, { editedNetworks });
  } else rows = await queryPrepared<MembershipRow>(ctx.db, sql`${membershipsQuery(number)} order by joined_on, network_name`);
  const municipality = rows[0];
  if (!municipality) throw notFound();
  const memberships = rows.filter((m): m is typeof m & { network_id: string } => m.network_id !== null);
  rememberNetworksOfMunicipality(
    ctx,
    number,
    memberships.filter((m) => m.current).map((m) => m.network_id),
  );
  await assertCan(ctx, 'municipality.readPanel', await ofMunicipality(ctx, number));
  const own = ownByRole || (await isChiefExecutiveFor(ctx, number));
  const shown: typeof memberships = [];
  for (const m of memberships) if (own || (await can(ctx, 'portfolio.read', inNetwork(m.network_id)))) shown.push(m);
  const ids = [...new Set(shown.map((m) => m.network_id))];
  const networkOf = new Map(shown.map((m) => [m.network_id, { id: m.network_id, slug: m.network_slug, name: m.network_name }]));
  const net = (id: string) => networkOf.get(id)!;
  const { representatives, fees, shares, projects, reservations, benefits, strategies, remarks, mapping } =
    parts ?? (await queryParts<PanelRows>(ctx.db, panelParts(number, keyArray(ids), { year, fold, day })));

  const feeOf = new Map(fees.map((f) => [f.network_id, Number(f.amount)]));
  const reservationOf = new Map(reservations.map((r) => [r.id, r.reservation]));
  const payments = ids.map((id) => {
    const lines = shares
      .filter((s) => s.network_id === id)
      .map((s) => {
        const whole = s.share === null ? null : Number(s.share);
        return {
          projectId: s.id,
          reference: projectReference(s.year, s.sequence),
          title: s.title,
          startDate: s.start_date,
          plannedEndDate: s.planned_end_date,
          wholePeriod: whole,
          forYear:
            whole === null
              ? null
              : shareInYear(whole, { startDate: s.start_date, plannedEndDate: s.planned_end_date, registeredYear: s.year }, year),
        };
      });
    const fee = feeOf.get(id) ?? null;
    const total = (fee ?? 0) + lines.reduce((sum, l) => sum + (l.forYear ?? 0), 0);
    return { network: net(id), fee, shares: lines, total, href: `/n/${net(id).slug}/okonomi/kommuner/${number}` };
  });
  const readsMapping = await can(ctx, 'mapping.read', await ofMunicipality(ctx, number));
  const readsInternals = new Set<string>();
  for (const id of ids) if (await can(ctx, 'network.readInternals', inNetwork(id))) readsInternals.add(id);

  return {
    number: municipality.number,
    name: municipality.name,
    year,
    memberships: shown.map((m) => ({
      network: net(m.network_id),
      joinedOn: m.joined_on,
      leftOn: m.left_on,
      isHost: m.is_host,
      representatives: representatives
        .filter((r) => r.network_id === m.network_id && (m.left_on === null || m.left_on > day))
        .map((r) => ({ bodyId: r.body_id, bodyName: r.body_name, personName: r.person_name, role: r.role })),
    })),
    payments: payments.filter((p) => p.fee !== null || p.shares.length > 0),
    paysInYear: payments.reduce((sum, p) => sum + p.total, 0),
    projects: projects.map((p) => ({
      id: p.id,
      reference: projectReference(p.year, p.sequence),
      title: p.title,
      network: net(p.network_id),
      phase: p.phase,
      light: p.overall,
      lightPeriod: p.period_kind && p.report_year && p.period ? periodLabel(p.period_kind, p.report_year, p.period) : null,
      reservation: reservationOf.get(p.id) ?? null,
      href: `/n/${net(p.network_id).slug}/prosjekter/${p.id}`,
    })),
    projectCount: projects[0]?.total ?? 0,
    benefits: benefits.map((b) => ({
      indicatorId: b.indicator_id,
      indicatorName: b.indicator_name,
      unit: b.unit,
      benefitTitle: b.benefit_title,
      projectReference: projectReference(b.year, b.sequence),
      baselineValue: b.baseline_value,
      targetValue: b.target_value,
      targetDate: b.target_date,
      latestValue: b.latest_value,
      latestOn: b.latest_on,
      achievement: achievement(b.baseline_value, b.target_value, b.latest_value),
      href: `/n/${b.network_slug}/prosjekter/${b.project_id}#nytte`,
    })),
    benefitCount: benefits[0]?.total ?? 0,
    strategies: strategies.map((s) => ({
      network: net(s.network_id),
      strategyTitle: s.title,
      versionNumber: s.number,
      decisionStatus: s.decision_status,
      decisionBody: s.decision_body,
      decisionDate: s.decision_date,
      decisionCaseNumber: s.decision_case_number,
      href: `/n/${net(s.network_id).slug}/strategi/${s.strategy_id}/versjoner/${s.version_id}/kommuner/${number}`,
    })),
    remarks: [
      // An exempt case's title and remark are for the network's internal readers; minutes not yet approved likewise.
      ...remarks
        .filter((r) => readsInternals.has(r.network_id) || (r.public && !r.exempt))
        .map((r) => ({
          kind: 'protocolRemark' as const,
          network: net(r.network_id),
          title: r.title,
          date: r.date,
          text: r.text,
          href: `/moter/${r.meeting_id}`,
        })),
      ...reservations.map((p) => ({
        kind: 'reservation' as const,
        network: net(p.network_id),
        title: p.title,
        date: null,
        text: p.reservation,
        href: `/n/${net(p.network_id).slug}/prosjekter/${p.id}`,
      })),
    ],
    mapping: {
      applications: mapping[0]?.applications ?? 0,
      solutionsInUse: mapping[0]?.in_use ?? 0,
      href: readsMapping ? `/kommuner/${number}/kartlegging` : null,
    },
  };
}

/** The municipality and its memberships (a municipality without any has one row of nulls), with which are current. */
type MembershipRow = {
  number: string;
  name: string;
  network_id: string | null;
  network_slug: string;
  network_name: string;
  joined_on: string;
  left_on: string | null;
  is_host: boolean;
  current: boolean;
};

const membershipsQuery = (number: string) =>
  sql`select mu.number, mu.name, n.id as network_id, n.slug as network_slug, n.name as network_name,
        network_members.joined_on::text, network_members.left_on::text, network_members.is_host, ${currentMembership()} as current
      from municipalities mu
      left join network_members on network_members.municipality_number = mu.number
      left join networks n on n.id = network_members.network_id
      where mu.number = ${number}`;

type PanelRows = {
  representatives: { network_id: string; body_id: string; body_name: string; person_name: string; role: string }[];
  fees: { network_id: string; amount: string }[];
  shares: {
    network_id: string;
    id: string;
    year: number;
    sequence: number;
    title: string;
    start_date: string | null;
    planned_end_date: string | null;
    share: string | null;
  }[];
  projects: {
    network_id: string;
    id: string;
    year: number;
    sequence: number;
    title: string;
    phase: string;
    total: number;
    overall: 'green' | 'yellow' | 'red' | null;
    period_kind: ReportPeriodKind | null;
    report_year: number | null;
    period: number | null;
  }[];
  reservations: { network_id: string; id: string; title: string; reservation: string }[];
  benefits: {
    network_slug: string;
    project_id: string;
    year: number;
    sequence: number;
    indicator_id: string;
    indicator_name: string;
    unit: string;
    benefit_title: string;
    baseline_value: number;
    target_value: number;
    target_date: string;
    latest_value: number | null;
    latest_on: string | null;
    total: number;
  }[];
  strategies: {
    network_id: string;
    strategy_id: string;
    version_id: string;
    title: string;
    number: number;
    decision_status: MunicipalityPanel['strategies'][number]['decisionStatus'];
    decision_body: string | null;
    decision_date: string | null;
    decision_case_number: string | null;
  }[];
  remarks: { network_id: string; meeting_id: string; title: string; exempt: boolean; date: string; text: string; public: boolean }[];
  mapping: { applications: number; in_use: number }[];
};

/** Every part of the page for the networks `idArray` (a uuid[]), read in one statement: one pool checkout and one round trip. */
function panelParts(
  number: string,
  idArray: SQL,
  { year, fold, day }: { year: number; fold: number | null; day: string },
): { [K in keyof PanelRows]: SQL } {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  // The projects the municipality takes part in, in the networks shown; two networks can have the same reference.
  const participating = sql`from projects p
          join project_participants pp on pp.project_id = p.id and pp.participation = 'in' and pp.municipality_number = ${number}
          where p.network_id = any(${idArray})`;
  const newestFirst = sql`p.year desc, p.sequence desc, p.id`;
  return {
    representatives: sql`select b.network_id, b.id as body_id, b.name as body_name, p.name as person_name, bm.role
          from body_memberships bm join bodies b on b.id = bm.body_id join people p on p.id = bm.person_id
          where bm.municipality_number = ${number} and b.network_id = any(${idArray})
            and bm.from_date <= ${day} and (bm.to_date is null or bm.to_date > ${day})
          order by b.name, p.sort_name`,
    fees: sql`select s.network_id, l.amount::text
          from fee_schedules s join fee_lines l on l.schedule_id = s.id and l.municipality_number = ${number}
          where s.network_id = any(${idArray}) and s.year = ${year} and s.status = 'adopted'`,
    shares: sql`select p.network_id, p.id, p.year, p.sequence, p.title, p.start_date::text, p.planned_end_date::text, share.amount::text as share
          from projects p
          join project_participants pp on pp.project_id = p.id and pp.participation = 'in' and pp.municipality_number = ${number}
          left join lateral (
            select (line ->> 'amount')::bigint as amount
            from (select lines from project_cost_splits s where s.project_id = p.id order by s.computed_at desc, s.id desc limit 1) latest,
              jsonb_array_elements(latest.lines) line
            where line ->> 'municipalityNumber' = ${number}
          ) share on true
          where p.network_id = any(${idArray})
            and (p.start_date is null or p.start_date <= ${yearEnd}) and (p.planned_end_date is null or p.planned_end_date >= ${yearStart})
          order by p.year, p.sequence`,
    // The projects shown, newest first, with the count of all: only those shown are probed for their latest report.
    projects: sql`select p.network_id, p.id, p.year, p.sequence, p.title, p.phase, p.total, rep.overall, rep.period_kind,
            rep.year as report_year, rep.period
          from (
            select p.network_id, p.id, p.year, p.sequence, p.title, p.phase, count(*) over ()::int as total
            ${participating}
            order by ${newestFirst}
            limit ${fold}) p
          ${LATEST_REPORT}
          order by ${newestFirst}`,
    reservations: sql`select p.network_id, p.id, p.title, pp.reservation ${participating} and pp.reservation is not null
          order by ${newestFirst}`,
    benefits:
      // Sorted and counted by the keys each target keeps (migration 0037) from their index alone (0039); only the rows
      // shown are read for the rest.
      sql`select n.slug as network_slug, b.project_id, t.project_year as year, t.project_sequence as sequence, t.indicator_id,
            t.indicator_name, i.unit, t.benefit_title, t.baseline_value, t.target_value, t.target_date::text,
            t.current_value as latest_value, t.measured_on::text as latest_on, f.total
          from (
            select t.id, count(*) over ()::int as total
            from indicator_targets t
            where t.municipality_number = ${number} and t.network_id = any(${idArray})
            order by t.project_year, t.project_sequence, t.benefit_title, t.indicator_name, t.indicator_id
            limit ${fold}) f
          join indicator_targets t on t.id = f.id
          join benefit_indicators i on i.id = t.indicator_id
          join benefits b on b.id = i.benefit_id
          join networks n on n.id = t.network_id
          order by t.project_year, t.project_sequence, t.benefit_title, t.indicator_name, t.indicator_id`,
    strategies: sql`select s.network_id, s.id as strategy_id, v.id as version_id, s.title, v.number, l.decision_status, l.decision_body,
            l.decision_date::text, l.decision_case_number
          from local_strategy_versions l
          join strategy_versions v on v.id = l.strategy_version_id
          join strategies s on s.id = v.strategy_id
          where l.municipality_number = ${number} and s.network_id = any(${idArray})
          order by s.period_start desc, v.number desc`,
    remarks: sql`select b.network_id, m.id as meeting_id, c.title, c.exempt_from_public as exempt, m.date::text, r ->> 'text' as text,
            (m.minutes_approved_at is not null) as public
          from agenda_items ai
          cross join lateral jsonb_array_elements(ai.protocol_remarks) r
          -- Each item's meeting by its key: the generic plan's guess of hundreds of items would hash every meeting.
          cross join lateral (select m.id, m.date, m.minutes_approved_at, m.body_id from meetings m
            where m.id = ai.meeting_id and m.deleted_at is null offset 0) m
          join bodies b on b.id = m.body_id
          join consultations co on co.id = ai.consultation_id
          join cases c on c.id = co.case_id
          where ai.protocol_remarks @> ${JSON.stringify([{ municipalityNumber: number }])}::jsonb
            and r ->> 'municipalityNumber' = ${number} and b.network_id = any(${idArray})
          order by m.date desc
          limit 50`,
    mapping: sql`select (select count(*)::int from application_usages where municipality_number = ${number}) as applications,
            (select count(*)::int from solution_adoptions where municipality_number = ${number} and status = 'inUse') as in_use`,
  };
}
