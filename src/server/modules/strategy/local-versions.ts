import { and, asc, eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { localStrategyVersions, municipalities, networkMembers, strategyVersions } from '../../db/schema/index.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { staleVersion } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { renderTable, type ExportFormat } from '../documents/index.ts';
import { currentMembership } from '../network/index.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import type { AdoptionOverview, LocalVersion, LocalVersionSaveInput, StrategySection } from '../../../shared/strategy/schema.ts';
import { assertCanWriteLocalVersion, memberMunicipality, readableStrategy, readableVersion, type StrategyRow } from './records.ts';
import { presentDecision, presentLocalVersion } from './presenter.ts';
import { ADOPTION_HEADINGS, DECISION_STATUS_LABELS } from './terms.ts';

async function findLocal(db: DbOrTx, versionId: string, number: string) {
  const [row] = await db
    .select()
    .from(localStrategyVersions)
    .where(and(eq(localStrategyVersions.strategyVersionId, versionId), eq(localStrategyVersions.municipalityNumber, number)));
  return row ?? null;
}

/**
 * A member municipality's version of a published version, for the network's readers: the version, its strategy,
 * the municipality and its saved row (null before the first save). 404 for a draft or a non-member.
 */
export async function readableLocalVersion(ctx: RequestContext, versionId: string, number: string) {
  const { version, strategy } = await readableVersion(ctx, versionId);
  const municipality = await memberMunicipality(ctx, strategy, version, number);
  return { version, strategy, municipality, local: await findLocal(ctx.db, versionId, number) };
}

/** A member municipality's version of a published version; an empty one before it is first saved. */
export async function getLocalVersion(ctx: RequestContext, versionId: string, number: string): Promise<LocalVersion> {
  const { version, municipality, local } = await readableLocalVersion(ctx, versionId, number);
  return presentLocalVersion(version, municipality, local);
}

/**
 * Saves a municipality's version: its local text per section and its political decision. Its editors and the
 * network's secretariat may; the first save creates it, a later one must carry the version it saw (409 otherwise).
 */
export async function saveLocalVersion(
  ctx: RequestContext,
  versionId: string,
  number: string,
  input: LocalVersionSaveInput,
): Promise<LocalVersion> {
  const { version, strategy } = await readableVersion(ctx, versionId);
  const municipality = await memberMunicipality(ctx, strategy, version, number);
  await assertCanWriteLocalVersion(ctx, strategy.networkId, number);
  const localTexts: Partial<Record<StrategySection, string>> = {};
  for (const [section, text] of Object.entries(input.localTexts)) if (text) localTexts[section as StrategySection] = text;
  const values = {
    localTexts,
    decisionStatus: input.decision.status,
    decisionBody: input.decision.bodyName ?? null,
    decisionDate: input.decision.date ?? null,
    decisionCaseNumber: input.decision.caseNumber ?? null,
  };
  const before = await findLocal(ctx.db, versionId, number);
  const after = await ctx.db.transaction(async (tx) => {
    const audit = { networkId: strategy.networkId, entityType: 'localStrategyVersion' };
    if (!before) {
      const [row] = await tx
        .insert(localStrategyVersions)
        .values({ ...values, strategyVersionId: versionId, municipalityNumber: number })
        .onConflictDoNothing()
        .returning();
      // Someone else saved it first a moment ago: this save did not see theirs.
      if (!row) throw staleVersion();
      await recordAudit(tx, ctx, { ...audit, entityId: row.id, action: 'create', after: row });
      return row;
    }
    if (input.version === undefined) throw staleVersion();
    const row = await updateVersioned(tx, localStrategyVersions, before.id, input.version, values);
    await recordAudit(tx, ctx, { ...audit, entityId: row.id, action: 'update', before, after: row });
    return row;
  });
  return presentLocalVersion(version, municipality, after);
}

/** Which current member municipality has adopted which published version. Also public: decisions are public records. */
export async function adoptionOverviewOf(db: DbOrTx, strategy: StrategyRow): Promise<AdoptionOverview> {
  const versions = await db
    .select()
    .from(strategyVersions)
    .where(and(eq(strategyVersions.strategyId, strategy.id), eq(strategyVersions.status, 'published')))
    .orderBy(asc(strategyVersions.number));
  const members = await db
    .selectDistinct({ number: municipalities.number, name: municipalities.name })
    .from(networkMembers)
    .innerJoin(municipalities, eq(municipalities.number, networkMembers.municipalityNumber))
    .where(and(eq(networkMembers.networkId, strategy.networkId), currentMembership()));
  members.sort((a, b) => compareNorwegian(a.name, b.name));
  const locals =
    versions.length === 0
      ? []
      : await db
          .select()
          .from(localStrategyVersions)
          .where(
            inArray(
              localStrategyVersions.strategyVersionId,
              versions.map((v) => v.id),
            ),
          );
  const byCell = new Map(locals.map((l) => [`${l.strategyVersionId}|${l.municipalityNumber}`, l]));
  return {
    versions: versions.map((v) => ({ id: v.id, number: v.number, publishedAt: v.publishedAt?.toISOString() ?? null })),
    municipalities: members.map((m) => ({
      number: m.number,
      name: m.name,
      decisions: versions.map((v) => {
        return { strategyVersionId: v.id, ...presentDecision(byCell.get(`${v.id}|${m.number}`)) };
      }),
    })),
  };
}

export async function adoptionOverview(ctx: RequestContext, strategyId: string): Promise<AdoptionOverview> {
  return adoptionOverviewOf(ctx.db, await readableStrategy(ctx, strategyId));
}

/** The overview as a list: one row per municipality and published version. */
export function renderAdoptions(overview: AdoptionOverview, language: Language, format: ExportFormat) {
  const label = (heading: keyof typeof ADOPTION_HEADINGS) => ADOPTION_HEADINGS[heading][language];
  const numberOf = new Map(overview.versions.map((v) => [v.id, v.number]));
  const rows = overview.municipalities.flatMap((m) => m.decisions.map((d) => ({ municipality: m, decision: d })));
  return renderTable<(typeof rows)[number]>(
    format,
    'strategivedtak',
    [
      { header: label('municipalityNumber'), value: (r) => r.municipality.number, width: 12 },
      { header: label('municipality'), value: (r) => r.municipality.name, width: 24 },
      { header: label('version'), value: (r) => numberOf.get(r.decision.strategyVersionId) ?? null, width: 10 },
      { header: label('status'), value: (r) => DECISION_STATUS_LABELS[r.decision.status][language], width: 18 },
      { header: label('body'), value: (r) => r.decision.bodyName, width: 24 },
      { header: label('date'), value: (r) => r.decision.date, width: 12 },
      { header: label('caseNumber'), value: (r) => r.decision.caseNumber, width: 16 },
    ],
    rows,
  );
}

export async function exportAdoptions(ctx: RequestContext, strategyId: string, format: ExportFormat) {
  return renderAdoptions(await adoptionOverview(ctx, strategyId), ctx.language, format);
}
