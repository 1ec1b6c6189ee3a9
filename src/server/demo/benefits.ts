import { and, eq, like } from 'drizzle-orm';
import type { RequestContext } from '../context.ts';
import { people, projects } from '../db/schema/index.ts';
import { addIndicator, addMeasurement, createBenefit, saveTarget } from '../modules/benefits/index.ts';
import { addDays, today } from '../modules/network/dates.ts';

/**
 * The benefits plan of DigiVesterålen's DigiHelse project (seed 001 and 004: «en enkel felles måte å beregne og ta ut
 * gevinster på»): time saved in home care, measured per tertial in three municipalities, a share of users followed up
 * digitally in two, and a benefit not yet measurable. Dates count back from today, so the demo always has measurements
 * in the past and a next measurement due.
 */
export async function seedBenefits(ctx: RequestContext): Promise<void> {
  const [project] = await ctx.db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.title, 'Felles innføring av DigiHelse i Vesterålen'));
  if (!project) return;
  const [owner] = await ctx.db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.municipalityNumber, '1870'), like(people.title, 'Kommunedirektør, Sortland%')));
  const baselineDate = addDays(today(), -200);
  const targetDate = addDays(today(), 500);

  const time = await createBenefit(ctx, project.id, {
    title: 'Mindre tid på telefon og manuell oppfølging i hjemmetjenesten',
    description: 'Meldinger, timebestillinger og egenrapportering går digitalt i DigiHelse i stedet for på telefon.',
    type: 'timeSaved',
    beneficiaries: 'Ansatte i hjemmetjenesten',
    changes: 'Brukere og pårørende sender meldinger i DigiHelse; hjemmetjenesten svarer samlet to ganger om dagen.',
    deliverableIds: [],
    benefitAreas: ['shorter', 'reduce'],
    ownerPersonId: owner?.id ?? null,
  });
  const hours = (
    await addIndicator(ctx, time.id, {
      name: 'Timer brukt på telefon og manuell oppfølging per måned',
      unit: 'timer',
      direction: 'decrease',
      additive: true,
      dataSource: 'Tidsregistrering i hjemmetjenesten',
      frequency: 'tertial',
    })
  ).indicators[0]!;
  const plans = [
    { number: '1870', baseline: 420, target: 300, values: [400, 370] },
    { number: '1866', baseline: 360, target: 260, values: [350, 320] },
    { number: '1871', baseline: 240, target: 180, values: [236, 221] },
  ];
  for (const plan of plans) {
    await saveTarget(ctx, hours.id, plan.number, {
      baselineValue: plan.baseline,
      baselineDate,
      targetValue: plan.target,
      targetDate,
      interimTargets: [{ date: addDays(baselineDate, 365), value: (plan.baseline + plan.target) / 2 }],
      responsiblePersonId: null,
      weight: null,
    });
    for (const [i, value] of plan.values.entries()) {
      await addMeasurement(ctx, hours.id, {
        municipalityNumber: plan.number,
        measuredOn: addDays(today(), i === 0 ? -90 : -10),
        value,
        note: null,
      });
    }
  }

  const followUp = await createBenefit(ctx, project.id, {
    title: 'Flere hjemmeboende følges opp digitalt',
    description: null,
    type: 'quality',
    beneficiaries: 'Hjemmeboende med kroniske sykdommer og deres pårørende',
    changes: 'Digital hjemmeoppfølging med målinger brukeren gjør selv.',
    deliverableIds: [],
    benefitAreas: ['better', 'more'],
    ownerPersonId: owner?.id ?? null,
  });
  const share = (
    await addIndicator(ctx, followUp.id, {
      name: 'Andel brukere med digital hjemmeoppfølging',
      unit: '%',
      direction: 'increase',
      additive: false,
      dataSource: 'Fagsystemet i helse og omsorg',
      frequency: 'halfYearly',
    })
  ).indicators[0]!;
  for (const [number, baseline, target, value] of [
    ['1870', 5, 25, 12],
    ['1866', 3, 20, 6],
  ] as const) {
    await saveTarget(ctx, share.id, number, {
      baselineValue: baseline,
      baselineDate,
      targetValue: target,
      targetDate,
      interimTargets: [],
      responsiblePersonId: null,
      weight: null,
    });
    await addMeasurement(ctx, share.id, { municipalityNumber: number, measuredOn: addDays(today(), -20), value, note: null });
  }

  await createBenefit(ctx, project.id, {
    title: 'Bedre samhandling med fastlegene',
    description: 'Fastlegene ser det samme bildet som hjemmetjenesten. Indikator avtales med legekontorene.',
    type: 'quality',
    beneficiaries: 'Fastleger og hjemmetjenesten',
    changes: null,
    deliverableIds: [],
    benefitAreas: ['better'],
    ownerPersonId: null,
  });
}
