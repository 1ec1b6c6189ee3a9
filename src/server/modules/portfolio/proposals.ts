import { eq, ne, sql } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { proposalCounters, proposals } from '../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { AppError, notFound, staleVersion, type FieldProblem } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { renderTable, type ExportFormat, type RenderedFile } from '../documents/index.ts';
import { currentMemberNumbers, municipalityNames, requireNetwork } from '../network/index.ts';
import { networkFocusAreas } from '../strategy/index.ts';
import type {
  AssessmentInput,
  Proposal,
  ProposalCreateInput,
  ProposalListQuery,
  ProposalUpdateInput,
  TriageInput,
} from '../../../shared/portfolio/proposals.ts';
import type { z } from 'zod';
import type { StoredAssessment } from '../../db/schema/index.ts';
import { readableProposal, readableProposalByReference, writableProposal, type ProposalRow } from './proposal-records.ts';
import { presentProposal, type ProposalLookups } from './presenter.ts';
import { KIND_LABELS, PROPOSAL_HEADINGS, STATUS_LABELS } from './terms.ts';
import { currentWeights } from './weights.ts';
import { assertCan, can, editorMunicipalities, inNetwork, requireUser } from '../../access/index.ts';

export type ProposalFilter = z.infer<typeof ProposalListQuery>;

const osloYear = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Oslo', year: 'numeric' });
/** The year in Norway: a proposal sent on New Year's Eve after 23:00 UTC belongs to the new year. */
export const yearInOslo = (at: Date) => Number(osloYear.format(at));
const osloDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

// ---------------------------------------------------------------- reading

async function lookupsFor(ctx: RequestContext, networkId: string, rows: ProposalRow[]): Promise<ProposalLookups> {
  const memberNumbers = await currentMemberNumbers(ctx.db, networkId);
  const numbers = rows.flatMap((r) => [...r.municipalityNumbers, ...(r.submitterMunicipality ? [r.submitterMunicipality] : [])]);
  return {
    weights: await currentWeights(ctx.db, networkId),
    memberNumbers,
    municipalityNames: await municipalityNames(ctx.db, numbers),
    focusAreaTitles: (await networkFocusAreas(ctx.db, networkId)).titles,
    // Those who triage see who sent a proposal in.
    showEmail: await can(ctx, 'portfolio.write', inNetwork(networkId)),
  };
}

/**
 * The network's ranked list: assessed proposals by total score (highest first; an equal score goes to the one
 * sent first), ranked 1..n; then the rest, newest first. A rejected proposal, or one that became a project, keeps
 * its assessment but no rank: it is out of the running.
 */
async function rankedList(ctx: RequestContext, networkId: string): Promise<Proposal[]> {
  const rows = await ctx.db.select().from(proposals).where(eq(proposals.networkId, networkId));
  const lookups = await lookupsFor(ctx, networkId, rows);
  const all = rows.map((row) => presentProposal(row, lookups, null));
  const inTheRunning = (p: Proposal) => p.assessment !== null && p.status !== 'rejected' && p.status !== 'becameProject';
  const ranked = all
    .filter(inTheRunning)
    .sort(
      (a, b) =>
        b.assessment!.total - a.assessment!.total || a.submittedAt.localeCompare(b.submittedAt) || a.reference.localeCompare(b.reference),
    )
    .map((p, i) => ({ ...p, rank: i + 1 }));
  const rest = all
    .filter((p) => !inTheRunning(p))
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.reference.localeCompare(a.reference));
  return [...ranked, ...rest];
}

/** The network's proposals in ranked order, filtered; a proposal's rank is its place in the whole list. */
export async function listProposals(ctx: RequestContext, networkRef: string, filter: ProposalFilter = {}): Promise<Proposal[]> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'portfolio.read', inNetwork(network.id));
  return (await rankedList(ctx, network.id)).filter(
    (p) =>
      (!filter.status || p.status === filter.status) &&
      (!filter.focusArea || p.focusAreaKey === filter.focusArea) &&
      (!filter.municipality || p.municipalities.some((m) => m.number === filter.municipality)),
  );
}

async function proposalDto(ctx: RequestContext, row: ProposalRow): Promise<Proposal> {
  const found = (await rankedList(ctx, row.networkId)).find((p) => p.id === row.id);
  if (!found) throw notFound();
  return found;
}

export async function getProposal(ctx: RequestContext, id: string): Promise<Proposal> {
  return proposalDto(ctx, await readableProposal(ctx, id));
}

export async function getProposalByReference(ctx: RequestContext, networkRef: string, reference: string): Promise<Proposal> {
  return proposalDto(ctx, await readableProposalByReference(ctx, networkRef, reference));
}

/** The same list as a spreadsheet, in the caller's language. */
export async function exportProposals(
  ctx: RequestContext,
  networkRef: string,
  filter: ProposalFilter,
  format: ExportFormat,
): Promise<RenderedFile> {
  const list = await listProposals(ctx, networkRef, filter);
  const language = ctx.language;
  const label = (heading: keyof typeof PROPOSAL_HEADINGS) => PROPOSAL_HEADINGS[heading][language];
  return renderTable<Proposal>(
    format,
    'forslag',
    [
      { header: label('reference'), value: (p) => p.reference, width: 12 },
      { header: label('title'), value: (p) => p.title, width: 40 },
      { header: label('kind'), value: (p) => KIND_LABELS[p.kind][language], width: 10 },
      { header: label('status'), value: (p) => STATUS_LABELS[p.status][language], width: 16 },
      { header: label('focusArea'), value: (p) => p.focusAreaTitle, width: 30 },
      { header: label('municipalities'), value: (p) => p.municipalities.length, width: 10 },
      { header: label('total'), value: (p) => p.assessment?.total ?? null, width: 10 },
      { header: label('rank'), value: (p) => p.rank, width: 10 },
      { header: label('submitted'), value: (p) => osloDate.format(new Date(p.submittedAt)), width: 12 },
    ],
    list,
  );
}

// ---------------------------------------------------------------- checking

/**
 * A focus area must be one of the newest published strategy's, and the municipalities current members; both
 * problems are answered at once. On a correction, what the proposal already has is kept even if no longer current
 * (a revision removed the area, a municipality left), and only what is new is checked.
 */
export async function checkProposalFields(
  db: DbOrTx,
  networkId: string,
  input: { focusAreaKey?: string | null; municipalities?: string[] },
  before?: ProposalRow,
): Promise<void> {
  const problems: Record<string, FieldProblem> = {};
  if (input.focusAreaKey && input.focusAreaKey !== before?.focusAreaKey) {
    const { current } = await networkFocusAreas(db, networkId);
    if (!current.some((a) => a.key === input.focusAreaKey)) problems.focusAreaKey = { key: 'choice' };
  }
  if (input.municipalities) {
    const members = await currentMemberNumbers(db, networkId);
    const bad = input.municipalities.find((n) => !members.has(n) && !before?.municipalityNumbers.includes(n));
    if (bad) {
      const names = await municipalityNames(db, [bad]);
      problems.municipalities = { key: 'notMember', values: { value: names.has(bad) ? `${bad} ${names.get(bad)}` : bad } };
    }
  }
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', problems);
}

// ---------------------------------------------------------------- changing

export interface NewProposal {
  kind: ProposalRow['kind'];
  title: string;
  problem: string;
  affected: string | null;
  expectedBenefit: string | null;
  focusAreaKey: string | null;
  municipalityNumbers: string[];
  channel: ProposalRow['channel'];
  submitterUserId: string | null;
  submitterName: string;
  submitterEmail: string | null;
  submitterMunicipality: string | null;
  /** Now, unless the demo data places it earlier in its story. */
  submittedAt?: Date;
}

/**
 * Numbers and stores a proposal with its audit entry, in the caller's transaction. The number comes from a counter
 * row per network and year, raised in the same statement that reads it: two proposals at once wait for each other
 * on that row instead of both taking the same number.
 */
export async function insertProposal(tx: DbOrTx, ctx: RequestContext, networkId: string, values: NewProposal): Promise<ProposalRow> {
  const submittedAt = values.submittedAt ?? new Date();
  const year = yearInOslo(submittedAt);
  const [counter] = await tx
    .insert(proposalCounters)
    .values({ networkId, year, last: 1 })
    .onConflictDoUpdate({ target: [proposalCounters.networkId, proposalCounters.year], set: { last: sql`${proposalCounters.last} + 1` } })
    .returning({ last: proposalCounters.last });
  const [row] = await tx
    .insert(proposals)
    .values({ ...values, networkId, year, sequence: counter!.last, submittedAt })
    .returning();
  await recordAudit(tx, ctx, { networkId, entityType: 'proposal', entityId: row!.id, action: 'create', after: row });
  return row!;
}

const unique = (numbers: string[]) => [...new Set(numbers)];

/** What a proposal says, as sent from the internal or the public form; who sent it is the caller's to add. */
export function proposalFieldsFrom(input: ProposalCreateInput) {
  return {
    kind: input.kind,
    title: input.title,
    problem: input.problem,
    affected: input.affected ?? null,
    expectedBenefit: input.expectedBenefit ?? null,
    focusAreaKey: input.focusAreaKey ?? null,
    municipalityNumbers: unique(input.municipalities),
  } satisfies Partial<NewProposal>;
}

/**
 * A member, a municipal employee with an editor role, or the secretariat proposes; who they are comes from the
 * session, and an editor of exactly one municipality is taken to come from it.
 */
export async function createProposal(ctx: RequestContext, networkRef: string, input: ProposalCreateInput): Promise<Proposal> {
  const user = requireUser(ctx);
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'portfolio.propose', inNetwork(network.id));
  await checkProposalFields(ctx.db, network.id, input);
  const editorOf = editorMunicipalities(ctx);
  const row = await ctx.db.transaction((tx) =>
    insertProposal(tx, ctx, network.id, {
      ...proposalFieldsFrom(input),
      channel: 'internal',
      submitterUserId: user.id,
      submitterName: user.name,
      submitterEmail: user.email,
      submitterMunicipality: editorOf.length === 1 ? editorOf[0]! : null,
    }),
  );
  return proposalDto(ctx, row);
}

/**
 * The proposal as it is inside the caller's transaction, for the audit's `before`. A save at the version the client
 * saw succeeds only if nobody changed the row since, so when the save succeeds this is what it changed.
 */
async function rowInTransaction(tx: DbOrTx, id: string): Promise<ProposalRow> {
  const [row] = await tx.select().from(proposals).where(eq(proposals.id, id));
  if (!row) throw notFound();
  return row;
}

/** The secretariat corrects what was sent: typos, the focus area, the municipalities that want it. */
export async function updateProposal(ctx: RequestContext, id: string, input: ProposalUpdateInput): Promise<Proposal> {
  const found = await writableProposal(ctx, id);
  const { version, municipalities: numbers, ...fields } = input;
  await checkProposalFields(ctx.db, found.networkId, input, found);
  const after = await ctx.db.transaction(async (tx) => {
    const before = await rowInTransaction(tx, id);
    const row = await updateVersioned(
      tx,
      proposals,
      id,
      version,
      definedOnly({ ...fields, municipalityNumbers: numbers === undefined ? undefined : unique(numbers) }),
    );
    await recordAudit(tx, ctx, { networkId: row.networkId, entityType: 'proposal', entityId: id, action: 'update', before, after: row });
    return row;
  });
  return proposalDto(ctx, after);
}

/**
 * Triage by the secretariat: new, under assessment, prioritized, or rejected with its reason (kept in
 * `status_reason`). «Became a project» is set when the project is made, so such a proposal is not triaged again
 * (409 `invalid_state`): the save requires the status in the same statement, so a triage racing the project's
 * making cannot undo it.
 */
export async function triageProposal(ctx: RequestContext, id: string, input: TriageInput): Promise<Proposal> {
  await writableProposal(ctx, id);
  const after = await ctx.db.transaction(async (tx) => {
    const before = await rowInTransaction(tx, id);
    if (before.status === 'becameProject') throw new AppError('invalid_state');
    let row: ProposalRow;
    try {
      row = await updateVersioned(
        tx,
        proposals,
        id,
        input.version,
        { status: input.status, statusReason: input.reason ?? null },
        ne(proposals.status, 'becameProject'),
      );
    } catch (error) {
      if (error instanceof AppError && error.code === 'stale_version') throw await projectOrStale(tx, id);
      throw error;
    }
    await recordAudit(tx, ctx, { networkId: row.networkId, entityType: 'proposal', entityId: id, action: 'triage', before, after: row });
    return row;
  });
  return proposalDto(ctx, after);
}

/** Why a triage changed nothing: the proposal became a project meanwhile, or someone else saved first. */
async function projectOrStale(db: DbOrTx, id: string): Promise<AppError> {
  const [row] = await db.select({ status: proposals.status }).from(proposals).where(eq(proposals.id, id));
  return row?.status === 'becameProject' ? new AppError('invalid_state') : staleVersion();
}

/**
 * The secretariat's assessment: scores for benefit, cost, risk and feasibility, and the fit to each focus area of
 * the newest published strategy (any other key is refused, naming it). The total is not stored: it follows the
 * network's weights and members as they are when read.
 */
export async function assessProposal(ctx: RequestContext, id: string, input: AssessmentInput): Promise<Proposal> {
  const user = requireUser(ctx);
  const found = await writableProposal(ctx, id);
  const { current } = await networkFocusAreas(ctx.db, found.networkId);
  const keys = new Set(current.map((a) => a.key));
  const problems = Object.fromEntries(
    Object.keys(input.focusAreaFit)
      .filter((key) => !keys.has(key))
      .map((key): [string, FieldProblem] => [`focusAreaFit.${key}`, { key: 'choice' }]),
  );
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', problems);
  const assessment: StoredAssessment = {
    scores: input.scores,
    focusAreaFit: input.focusAreaFit,
    note: input.note,
    assessedAt: new Date().toISOString(),
    assessedBy: user.name,
  };
  const after = await ctx.db.transaction(async (tx) => {
    const before = await rowInTransaction(tx, id);
    const row = await updateVersioned(tx, proposals, id, input.version, { assessment });
    await recordAudit(tx, ctx, { networkId: row.networkId, entityType: 'proposal', entityId: id, action: 'assess', before, after: row });
    return row;
  });
  return proposalDto(ctx, after);
}
