import type { RequestContext } from '../context.ts';
import { createBudget, createBudgetActual, createBudgetLine, importBudgetActuals } from '../modules/finance/index.ts';
import type { BudgetCategory } from '../../shared/finance/budget.ts';

/**
 * DigiVesterålen's budget for 2022. Seed 001 (the main project's basis, «Analyse – forpliktelse og finansiering»)
 * says the network should have a base budget «i størrelsesorden kr 1,2–1,5 millioner» for secretariat, consultants,
 * gatherings and running costs, and that for 2022 the remaining discretionary grant (skjønnsmidler) covers the base
 * funding. The seed gives only that range: the split of the 1 350 000 kroner over the lines below, the municipalities'
 * own share, the account codes (in the style of the municipal chart of accounts, art) and the actual figures are
 * invented for the demo.
 */
const LINES: { category: BudgetCategory; name: string; accountCode: string; budgeted: number }[] = [
  { category: 'grant', name: 'Statsforvalterens skjønnsmidler (gjenstående)', accountCode: '18100', budgeted: 1_200_000 },
  { category: 'other', name: 'Egenandel fra kommunene', accountCode: '17300', budgeted: 150_000 },
  { category: 'secretariat', name: 'Sekretariat (prosjektleder)', accountCode: '10100', budgeted: 800_000 },
  { category: 'consultants', name: 'Ekstern konsulentbistand', accountCode: '12700', budgeted: 250_000 },
  { category: 'gatherings', name: 'Samlinger og fellesarenaer', accountCode: '11500', budgeted: 150_000 },
  { category: 'operations', name: 'Driftsutgifter for sekretariatet', accountCode: '11000', budgeted: 150_000 },
];

/** The first half of 2022 from the host municipality's (Sortland's) accounting, as an export would write it. */
const ACCOUNTING_EXPORT = [
  'Dato;Konto;Beløp;Tekst',
  '14.01.2022;18100;1 200 000,00;Utbetalt skjønnsmidler, gjenstående fra forprosjektet',
  '31.01.2022;10100;66 000,00;Lønn prosjektleder januar',
  '28.02.2022;10100;66 000,00;Lønn prosjektleder februar',
  '31.03.2022;10100;66 000,00;Lønn prosjektleder mars',
  '30.04.2022;10100;66 000,00;Lønn prosjektleder april',
  '31.05.2022;10100;66 000,00;Lønn prosjektleder mai',
  '30.06.2022;10100;66 000,00;Lønn prosjektleder juni',
  '15.03.2022;12700;120 000,00;Konsulentbistand gevinstrealisering',
  '20.04.2022;12700;-5 000,00;Kreditnota konsulentbistand',
  '05.05.2022;11500;48 500,00;Samling for kommunedirektørene, Stokmarknes',
  '30.06.2022;17300;100 000,00;Egenandel fra kommunene, første halvår',
].join('\r\n');

export async function seedBudget(ctx: RequestContext): Promise<void> {
  let budget = await createBudget(ctx, 'digivesteralen', {
    year: 2022,
    title: 'Basisbudsjett 2022',
    note: 'Grunnfinansieringen for 2022 dekkes av gjenstående skjønnsmidler (se sluttrapporten for forprosjektet).',
  });
  for (const line of LINES) budget = await createBudgetLine(ctx, budget.id, line);
  await importBudgetActuals(ctx, budget.id, Buffer.from(ACCOUNTING_EXPORT, 'utf8'), 'regnskap-2022-h1.csv');
  const operations = budget.lines.find((l) => l.accountCode === '11000')!;
  await createBudgetActual(ctx, operations.id, { date: '2022-06-15', amount: 23_750, text: 'Lisenser og kontorutstyr' });
}
