import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { proposals } from '../../db/schema/index.ts';
import { forbidden, notFound } from '../../errors.ts';
import { canReadNetworkInternals, isNetworkAdmin, requireUser } from '../network/index.ts';
import { assertCanReadPortfolio, assertCanWritePortfolio, canReadPortfolio } from './projects-policy.ts';

/**
 * Who may see and change proposals. The network's internal readers (its members, the editors of its member
 * municipalities, its secretariat) read them and may propose; only the secretariat (network administrator, or the
 * platform administrator) triages, corrects, assesses and sets the weights, and sees the submitters' e-mail.
 * Outside the network: 404, as if absent. The public proposes through the form (public.ts) and reads nothing back.
 * The network's chief executives read the proposals and the ranked list as they read the portfolio
 * (projects-policy.ts), and propose nothing (403).
 */

export type ProposalRow = typeof proposals.$inferSelect;

async function findProposal(ctx: RequestContext, id: string): Promise<ProposalRow> {
  const [row] = await ctx.db.select().from(proposals).where(eq(proposals.id, id));
  if (!row) throw notFound();
  return row;
}

/** The portfolio's readers read the proposals and their ranked list. */
export const assertCanReadProposals = assertCanReadPortfolio;

export async function readableProposal(ctx: RequestContext, id: string): Promise<ProposalRow> {
  requireUser(ctx);
  const row = await findProposal(ctx, id);
  await assertCanReadProposals(ctx, row.networkId);
  return row;
}

/** Proposing: the network's internal readers; the chief executives, who only read, 403; anyone else 404. */
export async function assertCanPropose(ctx: RequestContext, networkId: string): Promise<void> {
  requireUser(ctx);
  if (await canReadNetworkInternals(ctx, networkId)) return;
  throw (await canReadPortfolio(ctx, networkId)) ? forbidden() : notFound();
}

/** The secretariat's: 403 for the network's other readers, 404 for anyone else. */
export async function writableProposal(ctx: RequestContext, id: string): Promise<ProposalRow> {
  requireUser(ctx);
  const row = await findProposal(ctx, id);
  await assertCanWritePortfolio(ctx, row.networkId);
  return row;
}

/** Whether the caller sees the submitters' e-mail addresses: those who triage only. */
export const seesSubmitterEmail = (ctx: RequestContext, networkId: string) => isNetworkAdmin(ctx, networkId);
