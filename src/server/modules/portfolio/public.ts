import { eq, inArray, max, and } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { municipalities, networks, proposals } from '../../db/schema/index.ts';
import { invalidField, notFound } from '../../errors.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import type { PublicProposalForm, PublicProposalInput, PublicProposalReceipt } from '../../../shared/portfolio/proposals.ts';
import { networkFocusAreas } from './focus-areas.ts';
import { checkFormToken, signFormToken } from './form-token.ts';
import { reference } from './presenter.ts';
import { checkProposalFields, currentMemberNumbers, insertProposal, yearInOslo } from './proposals.ts';

async function publicNetwork(db: DbOrTx, slug: string) {
  const [row] = await db.select({ id: networks.id, name: networks.name }).from(networks).where(eq(networks.slug, slug));
  if (!row) throw notFound();
  return row;
}

/** What the public form shows: the network's current focus areas and members, and a fresh form token. No login. */
export async function publicProposalForm(ctx: RequestContext, slug: string): Promise<PublicProposalForm> {
  const network = await publicNetwork(ctx.db, slug);
  const numbers = [...(await currentMemberNumbers(ctx.db, network.id))];
  const members =
    numbers.length === 0
      ? []
      : await ctx.db
          .select({ number: municipalities.number, name: municipalities.name })
          .from(municipalities)
          .where(inArray(municipalities.number, numbers));
  return {
    networkName: network.name,
    focusAreas: (await networkFocusAreas(ctx.db, network.id)).current,
    municipalities: members.sort((a, b) => compareNorwegian(a.name, b.name)),
    formToken: await signFormToken(ctx.db, network.id),
  };
}

export interface PublicSubmission {
  receipt: PublicProposalReceipt;
  /** False when the honeypot was filled: the sender got a receipt, but nothing was kept. */
  stored: boolean;
}

/**
 * A citizen's proposal, without login. The form token must be good (400 naming `formToken` otherwise: a person
 * reloads the page and sends again). A filled-in `website`, the field people do not see, is answered like a real
 * proposal but nothing is stored: a bot told «400» learns to leave the field empty, one told «201» has nothing to
 * learn. The price is a person whose browser filled the hidden field by itself; the web form marks it
 * `autocomplete="off"` and keeps it out of the tab order, and the route logs each such drop.
 */
export async function submitPublicProposal(ctx: RequestContext, slug: string, input: PublicProposalInput): Promise<PublicSubmission> {
  const network = await publicNetwork(ctx.db, slug);
  await checkFormToken(ctx.db, network.id, input.formToken);
  if (input.website) {
    // A plausible reference: the next one, as a real proposal would get now (it is not reserved).
    const year = yearInOslo(new Date());
    const [last] = await ctx.db
      .select({ sequence: max(proposals.sequence) })
      .from(proposals)
      .where(and(eq(proposals.networkId, network.id), eq(proposals.year, year)));
    return { receipt: { reference: reference({ year, sequence: (last?.sequence ?? 0) + 1 }), title: input.title }, stored: false };
  }
  await checkProposalFields(ctx.db, network.id, input);
  if (input.submitterMunicipality) {
    const [known] = await ctx.db
      .select({ number: municipalities.number })
      .from(municipalities)
      .where(eq(municipalities.number, input.submitterMunicipality));
    if (!known) throw invalidField('submitterMunicipality', 'choice');
  }
  // The audit says nobody made it: it came through the public form, whoever may be logged in in the same browser.
  const anonymous: RequestContext = { ...ctx, user: null, roles: [] };
  const row = await ctx.db.transaction((tx) =>
    insertProposal(tx, anonymous, network.id, {
      kind: input.kind,
      title: input.title,
      problem: input.problem,
      affected: input.affected ?? null,
      expectedBenefit: input.expectedBenefit ?? null,
      focusAreaKey: input.focusAreaKey ?? null,
      municipalityNumbers: [...new Set(input.municipalities)],
      channel: 'public',
      submitterUserId: null,
      submitterName: input.submitterName,
      submitterEmail: input.submitterEmail ?? null,
      submitterMunicipality: input.submitterMunicipality ?? null,
    }),
  );
  return { receipt: { reference: reference(row), title: row.title }, stored: true };
}
