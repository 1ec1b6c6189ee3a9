import type { RequestContext } from '../context.ts';
import { createFeeSchedule } from '../modules/finance/index.ts';
import type { FeeModel } from '../../shared/finance/fees.ts';

/**
 * Member-fee demo data. Seed 004 (Digitale Helgeland's strategy, «Finansieringsmodell») proposes that each
 * municipality pays a fixed yearly sum by population band: under 500, 500–5 000, 5 000–10 000 and over 10 000
 * inhabitants. It gives no amounts, so the amounts here are invented for the demo (and a band's bound is inclusive:
 * «under 500» is at most 499). The schedule is a draft: adopting it needs a case the steering group has decided.
 */
export const HELGELAND_FEE_MODEL: FeeModel = {
  kind: 'populationBands',
  bands: [
    { upTo: 499, amount: 25_000 },
    { upTo: 4_999, amount: 60_000 },
    { upTo: 9_999, amount: 120_000 },
    { upTo: null, amount: 200_000 },
  ],
};

/** Digitale Helgeland's 2026 schedule, computed for its 16 municipalities from the reference population. */
export async function seedFinance(ctx: RequestContext): Promise<void> {
  await createFeeSchedule(ctx, 'digitale-helgeland', {
    year: 2026,
    title: 'Kontingent 2026 etter innbyggertall',
    populationYear: 2024,
    model: HELGELAND_FEE_MODEL,
  });
}
