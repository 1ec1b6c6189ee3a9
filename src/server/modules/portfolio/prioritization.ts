import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { changeStamp, stampedCache } from '../../db/change-counters.ts';
import type { DbOrTx } from '../../db/client.ts';
import { preparedCache, type Prepared } from '../../prepared-answers.ts';
import { networkMembers, projectParticipants, projects, proposals, type StoredAssessment } from '../../db/schema/index.ts';
import { projectReference } from '../../../shared/portfolio/projects.ts';
import {
  CRITERIA,
  municipalitiesValue,
  strategicFitValue,
  totalScore,
  type Criterion,
  type Weights,
} from '../../../shared/portfolio/proposals.ts';
import {
  MATRIX_AXES,
  matrixOrder,
  type MatrixAxis,
  type MatrixItem,
  type MatrixValues,
  type PrioritizationFilter,
  type PrioritizationMatrix,
} from '../../../shared/portfolio/prioritization.ts';
import { renderTable, renderWorkbook, sheetOf, type ExportFormat, type RenderedFile } from '../documents/index.ts';
import { currentMemberNumbers, currentMembership, requireNetwork } from '../network/index.ts';
import { networkFocusAreas } from '../strategy/index.ts';
import { assertCan, inNetwork, requireUser } from '../../access/index.ts';
import { projectConditions, projectListColumns } from './overview.ts';
import { reference as proposalReference } from './presenter.ts';
import { MATRIX_AXIS_LABELS, MATRIX_HEADINGS, PHASE_LABELS, STATUS_LABELS } from './terms.ts';
import { currentWeights } from './weights.ts';

/**
 * The network's prioritization matrix: its proposals in the running (assessed, neither rejected nor a project yet)
 * and its projects, each with every criterion of the scoring model on 1–5 and the weighted total, so the page can
 * put any two of them on the axes. A project is placed by the assessment of the proposal it came from, which stays on
 * that proposal once it «ble prosjekt»; a project without one is listed as not placed. «Municipalities» follows from
 * how many current members want it: those the proposal names, and for a project those taking part in it, which is
 * what their wanting it has become. For the portfolio's readers only.
 */

/** An item as read: every criterion beside what the answer shows, for the axes and the export to choose from. */
type Entry = Omit<MatrixItem, 'x' | 'y' | 'total'> & { values: MatrixValues | null };

interface Items {
  items: Entry[];
  unassessedProposals: number;
  memberCount: number;
  focusAreas: Array<{ key: string; title: string }>;
  weights: Weights;
}

/** Every criterion's value as the proposal presenter computes it, with the count of members that want it. */
export function matrixValues(stored: StoredAssessment, wanting: number, memberCount: number, weights: Weights): MatrixValues {
  const values: Record<Criterion, number> = {
    strategicFit: strategicFitValue(stored.focusAreaFit),
    ...stored.scores,
    municipalities: municipalitiesValue(wanting, memberCount),
  };
  return { ...values, total: totalScore(values, weights) };
}

async function readItems(db: DbOrTx, networkId: string, filter: PrioritizationFilter): Promise<Items> {
  const wantProposals = filter.items !== 'projects' && !filter.phase;
  const wantProjects = filter.items !== 'proposals';
  const [weights, members, focusAreas, proposalRows, projectRows, participants] = await Promise.all([
    currentWeights(db, networkId),
    currentMemberNumbers(db, networkId),
    networkFocusAreas(db, networkId),
    wantProposals
      ? db
          .select({
            year: proposals.year,
            sequence: proposals.sequence,
            title: proposals.title,
            status: proposals.status,
            focusAreaKey: proposals.focusAreaKey,
            municipalityNumbers: proposals.municipalityNumbers,
            assessment: proposals.assessment,
          })
          .from(proposals)
          .where(and(eq(proposals.networkId, networkId), notInArray(proposals.status, ['rejected', 'becameProject'])))
      : Promise.resolve([]),
    wantProjects
      ? db
          .select({ ...projectListColumns, assessment: proposals.assessment })
          .from(projects)
          .leftJoin(proposals, eq(proposals.id, projects.proposalId))
          .where(and(...projectConditions(db, networkId, filter)))
      : Promise.resolve([]),
    // Counted here, not listed: the largest network's projects have some 5,000 participants.
    wantProjects
      ? db
          .select({ projectId: projectParticipants.projectId, count: sql<number>`count(*)::int` })
          .from(projectParticipants)
          .innerJoin(projects, eq(projects.id, projectParticipants.projectId))
          .where(
            and(
              eq(projects.networkId, networkId),
              eq(projectParticipants.participation, 'in'),
              inArray(
                projectParticipants.municipalityNumber,
                db
                  .select({ number: networkMembers.municipalityNumber })
                  .from(networkMembers)
                  .where(and(eq(networkMembers.networkId, networkId), currentMembership())),
              ),
            ),
          )
          .groupBy(projectParticipants.projectId)
      : Promise.resolve([]),
  ]);
  const taking = new Map(participants.map((p) => [p.projectId, p.count]));

  const order = new Map(focusAreas.current.map((a, i) => [a.key, i]));
  const areas = (keys: string[]) =>
    [...keys]
      .sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b))
      .map((key) => ({ key, title: focusAreas.titles.get(key) ?? null }));

  const items: Entry[] = [];
  let unassessedProposals = 0;
  for (const row of proposalRows) {
    if (filter.focusArea && row.focusAreaKey !== filter.focusArea) continue;
    if (filter.municipality && !row.municipalityNumbers.includes(filter.municipality)) continue;
    if (!row.assessment) {
      unassessedProposals++;
      continue;
    }
    const wanting = row.municipalityNumbers.filter((n) => members.has(n)).length;
    items.push({
      type: 'proposal',
      reference: proposalReference(row),
      title: row.title,
      status: row.status,
      phase: null,
      focusAreas: areas(row.focusAreaKey ? [row.focusAreaKey] : []),
      municipalityCount: wanting,
      values: matrixValues(row.assessment, wanting, members.size, weights),
    });
  }
  for (const row of projectRows) {
    const wanting = taking.get(row.id) ?? 0;
    items.push({
      type: 'project',
      reference: projectReference(row.year, row.sequence),
      title: row.title,
      status: null,
      phase: row.phase,
      focusAreas: areas(row.focusAreaKeys),
      municipalityCount: wanting,
      values: row.assessment ? matrixValues(row.assessment, wanting, members.size, weights) : null,
    });
  }
  return { items, unassessedProposals, memberCount: members.size, focusAreas: focusAreas.current, weights };
}

/**
 * The items per network and filter, kept until a table behind them changes: the `portfolio` counter (bumped by
 * triggers on proposals, projects, their participants, the strategies and the weights) and `network` for the
 * membership. The matrix with its axes is kept beside them as prepared JSON (prepared-answers.ts), so a repeated
 * request serializes nothing.
 */
const kept = stampedCache<Items>(500);
// Fewer: the axes multiply the keys, and the largest network's whole matrix is ~600 kB of JSON beside its gzip, so a
// reader trying every combination could otherwise hold hundreds of megabytes here.
const answers = preparedCache(100);

/** The items with the chosen axes: the placed ones in reading order, then the projects that cannot be placed. */
async function arranged(ctx: RequestContext, networkRef: string, filter: PrioritizationFilter) {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'portfolio.read', inNetwork(network.id));
  const stamp = await changeStamp(ctx, ['network', 'portfolio']);
  const key = [network.id, filter.items, filter.phase, filter.focusArea, filter.municipality].map((part) => part ?? '').join('|');
  const arrange = async () => {
    const { items, ...rest } = await kept(key, stamp, () => readItems(ctx.db, network.id, filter));
    const on = (item: Entry, axis: MatrixAxis) => item.values?.[axis] ?? null;
    const all = items.map((item) => ({ ...item, x: on(item, filter.x), y: on(item, filter.y) }));
    return {
      placed: all.filter((i) => i.values !== null).sort(matrixOrder),
      notPlaced: all.filter((i) => i.values === null).sort((a, b) => a.reference.localeCompare(b.reference)),
      ...rest,
    };
  };
  return { answerKey: `${filter.x}|${filter.y}|${key}`, stamp, arrange };
}

/** An item as the answer shows it: the values on the axes and the total, not every criterion. */
const point = ({ values, ...item }: Entry & Pick<MatrixItem, 'x' | 'y'>): MatrixItem => ({ ...item, total: values?.total ?? null });

/** The matrix with the chosen axes, for the page: the points and what the legend and summary need. */
export async function prioritizationMatrix(
  ctx: RequestContext,
  networkRef: string,
  filter: PrioritizationFilter,
): Promise<Prepared<PrioritizationMatrix>> {
  const { answerKey, stamp, arrange } = await arranged(ctx, networkRef, filter);
  return answers(answerKey, stamp, async () => {
    const { placed, notPlaced, ...rest } = await arrange();
    return { x: filter.x, y: filter.y, placed: placed.map(point), notPlaced: notPlaced.map(point), ...rest };
  });
}

/**
 * The matrix as a spreadsheet in the caller's language: every item with every criterion and the chosen axes first,
 * placed ones in the matrix's order and then those not placed (their values empty). XLSX adds the weights as a sheet.
 */
export async function exportPrioritizationMatrix(
  ctx: RequestContext,
  networkRef: string,
  filter: PrioritizationFilter,
  format: ExportFormat,
): Promise<RenderedFile> {
  const matrix = await (await arranged(ctx, networkRef, filter)).arrange();
  const language = ctx.language;
  const h = (heading: keyof typeof MATRIX_HEADINGS) => MATRIX_HEADINGS[heading][language];
  const axis = (a: MatrixAxis) => MATRIX_AXIS_LABELS[a][language];
  type Row = (typeof matrix.placed)[number];
  const rows: Row[] = [...matrix.placed, ...matrix.notPlaced];
  const columns = [
    { header: h('type'), value: (i: Row) => MATRIX_HEADINGS[i.type][language], width: 10 },
    { header: h('reference'), value: (i: Row) => i.reference, width: 12 },
    { header: h('title'), value: (i: Row) => i.title, width: 40 },
    {
      header: h('statusOrPhase'),
      value: (i: Row) => (i.phase ? PHASE_LABELS[i.phase][language] : i.status ? STATUS_LABELS[i.status][language] : null),
      width: 16,
    },
    { header: h('focusAreas'), value: (i: Row) => i.focusAreas.map((a) => a.title ?? a.key).join(', '), width: 32 },
    { header: h('municipalityCount'), value: (i: Row) => i.municipalityCount, width: 12 },
    { header: `${h('x')}: ${axis(filter.x)}`, value: (i: Row) => i.x, width: 14 },
    { header: `${h('y')}: ${axis(filter.y)}`, value: (i: Row) => i.y, width: 14 },
    ...MATRIX_AXES.map((a) => ({ header: axis(a), value: (i: Row) => i.values?.[a] ?? null, width: 12 })),
  ];
  const name = 'prioriteringsmatrise';
  if (format === 'csv') return renderTable(format, name, columns, rows);
  const weights = CRITERIA.map((c) => ({ criterion: c, weight: matrix.weights[c] }));
  return renderWorkbook(name, [
    sheetOf({ name: h('sheet'), columns, rows }),
    sheetOf({
      name: h('weights'),
      rows: weights,
      columns: [
        { header: h('criterion'), value: (w: (typeof weights)[number]) => axis(w.criterion), width: 24 },
        { header: h('weight'), value: (w: (typeof weights)[number]) => w.weight, width: 10 },
      ],
    }),
  ]);
}
