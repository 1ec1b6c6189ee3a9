import { and, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { budgets } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import type { RollupFigure } from '../../../shared/benefits/schema.ts';
import type { SplitMethod } from '../../../shared/finance/cost-split.ts';
import {
  overviewTotals,
  type FinanceOverview,
  type MunicipalityStatement,
  type StatementProject,
  type StatementSchedule,
  type StatementSummary,
} from '../../../shared/finance/statements.ts';
import { shareInYear } from '../../../shared/finance/year-spread.ts';
import { projectReference } from '../../../shared/portfolio/projects.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { detailedRollup } from '../benefits/rollup.ts';
import { requireNetwork, today } from '../network/index.ts';
import { scheduleOfYear } from './fees.ts';
import { budgetDto } from './budget.ts';
import { grantsFinancing } from './grants.ts';
import { hourlyRateOf, ownEffortFor } from './own-effort.ts';
import { assertCan, inNetwork, requireUser } from '../../access/index.ts';

/**
 * The per-municipality statement for a year and the network's overview of them. Read by the portfolio's readers: the
 * network's internal readers and the chief executives it is made for. Every total is a sum of the lines it stands
 * under, so the page, the PDF and the overview agree to the krone.
 */

interface MemberLine {
  number: string;
  name: string;
  population: number;
  population_year: number;
  written_standard: 'bokmal' | 'nynorsk' | 'neutral' | null;
}

interface ProjectLine {
  id: string;
  year: number;
  sequence: number;
  title: string;
  phase: string;
  start_date: string | null;
  planned_end_date: string | null;
  municipality_number: string;
  cost_total: number | null;
  method: SplitMethod | null;
  share: number | null;
}

/** The part of the line's whole-period share that falls in the year; null without financing. */
const lineShareInYear = (p: ProjectLine, year: number): number | null =>
  p.share === null
    ? null
    : shareInYear(Number(p.share), { startDate: p.start_date, plannedEndDate: p.planned_end_date, registeredYear: p.year }, year);

const NO_BENEFITS: RollupFigure = { achievement: null, benefitCount: 0, measuredBenefitCount: 0 };

async function readableNetwork(ctx: RequestContext, networkRef: string) {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'portfolio.read', inNetwork(network.id));
  return network;
}

/** The municipalities that were members at some time in the year, in Norwegian order. */
async function membersInYear(db: DbOrTx, networkId: string, year: number, number?: string): Promise<MemberLine[]> {
  const rows = await queryRows<MemberLine>(
    db,
    sql`select distinct m.number, m.name, m.population, m.population_year, m.written_standard
        from network_members nm join municipalities m on m.number = nm.municipality_number
        where nm.network_id = ${networkId} and nm.joined_on <= ${`${year}-12-31`}
          and (nm.left_on is null or nm.left_on >= ${`${year}-01-01`})
          ${number ? sql`and m.number = ${number}` : sql``}`,
  );
  return rows.sort((a, b) => compareNorwegian(a.name, b.name) || a.number.localeCompare(b.number));
}

/**
 * The projects running in the year (started by its end, not planned to end before it began) with each municipality
 * taking part, and that municipality's amount in the project's current split (for the whole project period).
 */
async function projectsInYear(db: DbOrTx, networkId: string, year: number, number?: string): Promise<ProjectLine[]> {
  return queryRows<ProjectLine>(
    db,
    sql`select p.id, p.year, p.sequence, p.title, p.phase, p.start_date::text, p.planned_end_date::text,
          pp.municipality_number, f.cost_total, f.method, share.amount as share
        from projects p
        join project_participants pp on pp.project_id = p.id and pp.participation = 'in'
        left join project_financing f on f.project_id = p.id
        left join lateral (
          select (line ->> 'amount')::bigint as amount
          from (select lines from project_cost_splits s where s.project_id = p.id order by s.computed_at desc, s.id desc limit 1) latest,
            jsonb_array_elements(latest.lines) line
          where line ->> 'municipalityNumber' = pp.municipality_number
        ) share on true
        where p.network_id = ${networkId}
          and (p.start_date is null or p.start_date <= ${`${year}-12-31`})
          and (p.planned_end_date is null or p.planned_end_date >= ${`${year}-01-01`})
          ${number ? sql`and pp.municipality_number = ${number}` : sql``}
        order by p.year, p.sequence`,
  );
}

function presentSchedule(found: Awaited<ReturnType<typeof scheduleOfYear>>): StatementSchedule | null {
  if (!found) return null;
  const { schedule, decision } = found;
  return { id: schedule.id, title: schedule.title, status: schedule.status, populationYear: schedule.populationYear, decision };
}

/** Each member's statement in short for the year, and the sums. */
export async function financeOverview(ctx: RequestContext, networkRef: string, asked?: number): Promise<FinanceOverview> {
  const network = await readableNetwork(ctx, networkRef);
  const year = asked ?? (await latestYearWithData(ctx.db, network.id)) ?? Number(today().slice(0, 4));
  const [members, projects, fees] = [
    await membersInYear(ctx.db, network.id, year),
    await projectsInYear(ctx.db, network.id, year),
    await scheduleOfYear(ctx.db, network.id, year),
  ];
  const feeOf = new Map(fees?.lines.map((l) => [l.municipalityNumber, l.amount]));
  const municipalities: StatementSummary[] = [];
  for (const m of members) {
    const own = projects.filter((p) => p.municipality_number === m.number);
    const fee = feeOf.get(m.number) ?? null;
    const projectShares = own.reduce((sum, p) => sum + (lineShareInYear(p, year) ?? 0), 0);
    const effort = await ownEffortFor(ctx.db, network.id, year, m.number);
    municipalities.push({
      number: m.number,
      name: m.name,
      fee,
      projectCount: own.length,
      projectShares,
      ownEffortHours: effort.hundredths,
      ownEffortValue: effort.value,
      pays: (fee ?? 0) + projectShares,
    });
  }
  const [budgetRow] = await ctx.db
    .select()
    .from(budgets)
    .where(and(eq(budgets.networkId, network.id), eq(budgets.year, year)));
  const budget = budgetRow ? await budgetDto(ctx.db, ctx, budgetRow) : null;
  return {
    year,
    network: { id: network.id, slug: network.slug, name: network.name },
    budget: budget && { id: budget.id, title: budget.title, totals: budget.totals },
    grants: await grantsFinancing(ctx.db, network.id, year),
    schedule: presentSchedule(fees),
    hourlyRate: await hourlyRateOf(ctx.db, network.id, year),
    municipalities,
    totals: overviewTotals(municipalities),
  };
}

/**
 * The latest year the network has finance of its own in: a budget, a member-fee schedule, a grant for its base budget
 * or own effort registered. The overview opens on it rather than on this year, which early in a year has nothing yet;
 * projects alone do not count, since one without dates runs in every year.
 */
async function latestYearWithData(db: DbOrTx, networkId: string): Promise<number | null> {
  const [row] = await queryRows<{ year: number | null }>(
    db,
    sql`select max(year)::int as year from (
          select year from budgets where network_id = ${networkId}
          union all select year from fee_schedules where network_id = ${networkId}
          union all select a.year from grant_allocations a join grants g on g.id = a.grant_id
            where g.network_id = ${networkId} and a.year is not null
          union all select substr(month, 1, 4)::int from own_effort_entries where network_id = ${networkId}
        ) years`,
  );
  return row?.year ?? null;
}

/** One municipality's statement for the year: 404 when it was not a member of the network that year. */
export async function municipalityStatement(
  ctx: RequestContext,
  networkRef: string,
  municipalityNumber: string,
  year: number,
): Promise<MunicipalityStatement> {
  const network = await readableNetwork(ctx, networkRef);
  const [member] = await membersInYear(ctx.db, network.id, year, municipalityNumber);
  if (!member) throw notFound();
  const lines = await projectsInYear(ctx.db, network.id, year, municipalityNumber);
  const fees = await scheduleOfYear(ctx.db, network.id, year);
  const rollup = await detailedRollup(ctx, network.id, municipalityNumber);
  const effort = await ownEffortFor(ctx.db, network.id, year, municipalityNumber);
  const benefitsOf = new Map(rollup.focusAreas.flatMap((area) => area.projects.map((p) => [p.id, p] as const)));

  const projects: StatementProject[] = lines.map((p) => {
    const figure = benefitsOf.get(p.id);
    return {
      id: p.id,
      reference: projectReference(p.year, p.sequence),
      title: p.title,
      phase: p.phase,
      startDate: p.start_date,
      plannedEndDate: p.planned_end_date,
      costTotal: p.cost_total === null ? null : Number(p.cost_total),
      method: p.method,
      share: p.share === null ? null : Number(p.share),
      shareInYear: lineShareInYear(p, year),
      benefits: figure
        ? { achievement: figure.achievement, benefitCount: figure.benefitCount, measuredBenefitCount: figure.measuredBenefitCount }
        : NO_BENEFITS,
    };
  });
  const fee = fees?.lines.find((l) => l.municipalityNumber === municipalityNumber)?.amount ?? null;
  const projectShares = projects.reduce((sum, p) => sum + (p.shareInYear ?? 0), 0);
  return {
    year,
    network: { id: network.id, slug: network.slug, name: network.name },
    municipality: {
      number: member.number,
      name: member.name,
      population: member.population,
      populationYear: member.population_year,
      writtenStandard: member.written_standard,
    },
    schedule: presentSchedule(fees),
    fee,
    projects,
    projectShares,
    ownEffort: effort.byProject.map((p) => ({
      projectId: p.projectId,
      reference: p.reference,
      title: p.title,
      hours: p.hundredths,
      value: p.value,
    })),
    ownEffortHours: effort.hundredths,
    ownEffortValue: effort.value,
    hourlyRate: effort.rate,
    pays: (fee ?? 0) + projectShares,
    benefits: rollup.network,
  };
}
