import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { proposals } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { assertCan, inNetwork, requireUser } from '../../access/index.ts';
import { parseReference } from '../../../shared/portfolio/references.ts';
import { requireNetwork } from '../network/index.ts';

/**
 * Finding a proposal, then asking the access module. The portfolio's readers read proposals and their ranked list
 * (`portfolio.read`); the network's internal readers propose (`portfolio.propose`; its chief executives, who only read,
 * 403); only the secretariat triages, corrects, assesses and sets the weights, and sees the submitters' e-mail
 * (`portfolio.write`). Outside the network: 404, as if absent. The public proposes through the form (public.ts) and
 * reads nothing back.
 */

export type ProposalRow = typeof proposals.$inferSelect;

async function findProposal(ctx: RequestContext, id: string): Promise<ProposalRow> {
  const [row] = await ctx.db.select().from(proposals).where(eq(proposals.id, id));
  if (!row) throw notFound();
  return row;
}

export async function readableProposal(ctx: RequestContext, id: string): Promise<ProposalRow> {
  requireUser(ctx);
  const row = await findProposal(ctx, id);
  await assertCan(ctx, 'portfolio.read', inNetwork(row.networkId));
  return row;
}

/** The same, named by its reference in the network («F-2026-014»), as the prioritization matrix names it. */
export async function readableProposalByReference(ctx: RequestContext, networkRef: string, reference: string): Promise<ProposalRow> {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'portfolio.read', inNetwork(network.id));
  const parsed = parseReference('proposal', reference);
  const [row] = parsed
    ? await ctx.db
        .select()
        .from(proposals)
        .where(and(eq(proposals.networkId, network.id), eq(proposals.year, parsed.year), eq(proposals.sequence, parsed.sequence)))
    : [];
  if (!row) throw notFound();
  return row;
}

/** The secretariat's: 403 for the network's other readers, 404 for anyone else. */
export async function writableProposal(ctx: RequestContext, id: string): Promise<ProposalRow> {
  requireUser(ctx);
  const row = await findProposal(ctx, id);
  await assertCan(ctx, 'portfolio.write', inNetwork(row.networkId));
  return row;
}
