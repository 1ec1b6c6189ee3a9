import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import {
  benefitIndicators,
  benefitMeasurements,
  benefits,
  indicatorTargets,
  municipalities,
  people,
  projectDeliverables,
} from '../../db/schema/index.ts';
import { achievement, nextMeasurementDue, type Benefit, type Indicator, type IndicatorTarget } from '../../../shared/benefits/schema.ts';
import type { BenefitArea } from '../../../shared/strategy/schema.ts';
import { combineMunicipalities, mean } from './rollup-math.ts';

export type BenefitRow = typeof benefits.$inferSelect;
export type IndicatorRow = typeof benefitIndicators.$inferSelect;
export type TargetRow = typeof indicatorTargets.$inferSelect;

/**
 * A project's benefits as the API answers them: each with its indicators, each indicator with every municipality's
 * target (and its latest measurement, achievement and next due date) and the measurements, newest first. Removed
 * benefits and indicators are left out.
 */
export async function presentBenefits(db: DbOrTx, where: { projectId: string } | { benefitIds: string[] }): Promise<Benefit[]> {
  const rows = await db
    .select({ benefit: benefits, ownerName: people.name })
    .from(benefits)
    .leftJoin(people, eq(people.id, benefits.ownerPersonId))
    .where(
      and(
        isNull(benefits.deletedAt),
        'projectId' in where ? eq(benefits.projectId, where.projectId) : inArray(benefits.id, where.benefitIds),
      ),
    )
    .orderBy(asc(benefits.createdAt), asc(benefits.id));
  if (rows.length === 0) return [];
  const benefitIds = rows.map((r) => r.benefit.id);

  const indicators = await db
    .select()
    .from(benefitIndicators)
    .where(and(inArray(benefitIndicators.benefitId, benefitIds), isNull(benefitIndicators.deletedAt)))
    .orderBy(asc(benefitIndicators.createdAt), asc(benefitIndicators.id));
  const indicatorIds = indicators.map((i) => i.id);
  const responsible = alias(people, 'responsible');
  const targets =
    indicatorIds.length === 0
      ? []
      : await db
          .select({ target: indicatorTargets, municipalityName: municipalities.name, responsibleName: responsible.name })
          .from(indicatorTargets)
          .innerJoin(municipalities, eq(municipalities.number, indicatorTargets.municipalityNumber))
          .leftJoin(responsible, eq(responsible.id, indicatorTargets.responsiblePersonId))
          .where(inArray(indicatorTargets.indicatorId, indicatorIds))
          .orderBy(asc(municipalities.name));
  const measurements =
    indicatorIds.length === 0
      ? []
      : await db
          .select()
          .from(benefitMeasurements)
          .where(inArray(benefitMeasurements.indicatorId, indicatorIds))
          .orderBy(asc(benefitMeasurements.measuredOn));
  const deliverableIds = [...new Set(rows.flatMap((r) => r.benefit.deliverableIds))];
  const deliverables =
    deliverableIds.length === 0
      ? []
      : await db
          .select({ id: projectDeliverables.id, title: projectDeliverables.title })
          .from(projectDeliverables)
          .where(inArray(projectDeliverables.id, deliverableIds));

  return rows.map(({ benefit, ownerName }) => {
    const presented = indicators
      .filter((i) => i.benefitId === benefit.id)
      .map((indicator): Indicator => {
        const own = measurements.filter((m) => m.indicatorId === indicator.id);
        const indicatorTargetsList = targets
          .filter((t) => t.target.indicatorId === indicator.id)
          .map(({ target, municipalityName, responsibleName }): IndicatorTarget => {
            const latest = own.findLast((m) => m.municipalityNumber === target.municipalityNumber) ?? null;
            return {
              id: target.id,
              municipalityNumber: target.municipalityNumber,
              municipalityName,
              baselineValue: target.baselineValue,
              baselineDate: target.baselineDate,
              targetValue: target.targetValue,
              targetDate: target.targetDate,
              interimTargets: target.interimTargets as IndicatorTarget['interimTargets'],
              responsible:
                target.responsiblePersonId && responsibleName ? { personId: target.responsiblePersonId, name: responsibleName } : null,
              weight: target.weight,
              latest: latest ? { measuredOn: latest.measuredOn, value: latest.value } : null,
              achievement: achievement(target.baselineValue, target.targetValue, latest?.value ?? null),
              nextDue: nextMeasurementDue(indicator.frequency, target.baselineDate, latest?.measuredOn ?? null),
              version: target.version,
            };
          });
        const combined = combineMunicipalities(
          indicator.additive,
          indicatorTargetsList.map((t) => ({
            baseline: t.baselineValue,
            target: t.targetValue,
            current: t.latest?.value ?? null,
            weight: t.weight,
          })),
        );
        return {
          id: indicator.id,
          benefitId: indicator.benefitId,
          name: indicator.name,
          unit: indicator.unit,
          direction: indicator.direction,
          additive: indicator.additive,
          dataSource: indicator.dataSource,
          frequency: indicator.frequency,
          targets: indicatorTargetsList,
          measurements: own.toReversed().map((m) => ({
            id: m.id,
            municipalityNumber: m.municipalityNumber,
            measuredOn: m.measuredOn,
            value: m.value,
            note: m.note,
            recordedBy: m.recordedByName,
          })),
          achievement: combined.achievement,
          version: indicator.version,
        };
      });
    return {
      id: benefit.id,
      projectId: benefit.projectId,
      title: benefit.title,
      description: benefit.description,
      type: benefit.type,
      beneficiaries: benefit.beneficiaries,
      changes: benefit.changes,
      deliverables: deliverables.filter((d) => benefit.deliverableIds.includes(d.id)),
      benefitAreas: benefit.benefitAreas as BenefitArea[],
      owner: benefit.ownerPersonId && ownerName ? { personId: benefit.ownerPersonId, name: ownerName } : null,
      indicators: presented,
      achievement: mean(presented.map((i) => i.achievement)),
      version: benefit.version,
      updatedAt: benefit.updatedAt.toISOString(),
    };
  });
}
