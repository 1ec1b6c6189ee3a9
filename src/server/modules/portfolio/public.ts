import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { networks } from '../../db/schema/index.ts';
import { invalidField, notFound } from '../../errors.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import type { PublicProposalForm, PublicProposalInput, PublicProposalReceipt } from '../../../shared/portfolio/proposals.ts';
import { currentMemberNumbers, municipalityExists, municipalityNames } from '../network/index.ts';
import { networkFocusAreas } from '../strategy/index.ts';
import { checkFormToken, signFormToken, spendFormToken } from './form-token.ts';
import { reference } from './presenter.ts';
import { checkProposalFields, insertProposal, proposalFieldsFrom, yearInOslo } from './proposals.ts';

async function publicNetwork(db: DbOrTx, slug: string) {
  const [row] = await db.select({ id: networks.id, name: networks.name }).from(networks).where(eq(networks.slug, slug));
  if (!row) throw notFound();
  return row;
}

/** What the public form shows: the network's current focus areas and members, and a fresh form token. No login. */
export async function publicProposalForm(ctx: RequestContext, slug: string): Promise<PublicProposalForm> {
  const network = await publicNetwork(ctx.db, slug);
  const names = await municipalityNames(ctx.db, [...(await currentMemberNumbers(ctx.db, network.id))]);
  return {
    networkName: network.name,
    focusAreas: (await networkFocusAreas(ctx.db, network.id)).current,
    municipalities: [...names].map(([number, name]) => ({ number, name })).sort((a, b) => compareNorwegian(a.name, b.name)),
    formToken: await signFormToken(ctx.db, network.id),
  };
}

export interface PublicSubmission {
  receipt: PublicProposalReceipt;
  /** False when the honeypot was filled: the sender got a receipt, but nothing was kept. */
  stored: boolean;
}

/**
 * A citizen's proposal, without login. The form token must be good and unused (400 naming `formToken` otherwise: a
 * person reloads the page and sends again). A filled-in `website`, the field people do not see, is answered like a
 * real proposal but nothing is stored: a bot told «400» learns to leave the field empty, one told «201» has nothing
 * to learn. So that answer comes only after every check a real proposal passes, and it spends the token too. The
 * price is a person whose browser filled the hidden field by itself; the web form marks it `autocomplete="off"` and
 * keeps it out of the tab order, and the route logs each such drop.
 */
export async function submitPublicProposal(ctx: RequestContext, slug: string, input: PublicProposalInput): Promise<PublicSubmission> {
  const network = await publicNetwork(ctx.db, slug);
  const signature = await checkFormToken(ctx.db, network.id, input.formToken);
  await checkProposalFields(ctx.db, network.id, input);
  if (input.submitterMunicipality && !(await municipalityExists(ctx.db, input.submitterMunicipality))) {
    throw invalidField('submitterMunicipality', 'choice');
  }
  if (input.website) {
    await spendFormToken(ctx.db, signature);
    // Running numbers start at 001, so «F-2026-000» is never a real proposal's: a person whose browser filled the
    // hidden field and asks about it is told it was not received, and nobody is pointed at someone else's proposal.
    return { receipt: { reference: reference({ year: yearInOslo(new Date()), sequence: 0 }), title: input.title }, stored: false };
  }
  // The audit says nobody made it: it came through the public form, whoever may be logged in in the same browser.
  const anonymous: RequestContext = { ...ctx, user: null, roles: [] };
  const row = await ctx.db.transaction(async (tx) => {
    await spendFormToken(tx, signature);
    return insertProposal(tx, anonymous, network.id, {
      ...proposalFieldsFrom(input),
      channel: 'public',
      submitterUserId: null,
      submitterName: input.submitterName,
      submitterEmail: input.submitterEmail ?? null,
      submitterMunicipality: input.submitterMunicipality ?? null,
    });
  });
  return { receipt: { reference: reference(row), title: row.title }, stored: true };
}
