import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/client.ts';
import {
  benefitIndicators,
  benefitMeasurements,
  benefits,
  indicatorTargets,
  networkMembers,
  networks,
  people,
  projectDecisions,
  projectParticipants,
  projectLessons,
  projectRisks,
  projects,
  projectStatusReports,
  proposalCounters,
  proposals,
} from '../src/server/db/schema/index.ts';
import { BENEFIT_TYPES, MEASUREMENT_FREQUENCIES } from '../src/shared/benefits/schema.ts';
import { DECISION_POINT_RULES, DECISION_POINTS, PHASES, RISK_KINDS } from '../src/shared/portfolio/projects.ts';
import { CONTROL_PARAMETERS, STATUS_LIGHTS } from '../src/shared/portfolio/status-reports.ts';
import { prng } from './generate.ts';

/**
 * The national portfolio for the issue-5 benchmarks: 5,000 projects over the generated networks in proportion to
 * their members, each with 3–8 participating municipalities, its decisions up to its phase, up to three status
 * reports; about 30,000 risk register entries and about 5,500 proposals (three in five projects came from one) for
 * issue 21; 20,000 benefits (four per project) with one indicator each, a target per participating municipality, and
 * 300,000 measurements spread over the targets. Written straight into the tables in batches, after generate.ts has
 * made the networks and people. Deterministic in the choices (seeded), not in the ids.
 */

const BATCH = 1000;
async function insertBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

const FOCUS_AREAS = [
  'nasjonale-losninger',
  'enkel-selvbetjening',
  'informasjonssikkerhet',
  'data-og-deling',
  'kompetanse',
  'infrastruktur',
];
const WORDS = ['Felles', 'Digital', 'Innføring av', 'Anskaffelse av', 'Samordning av', 'Pilot for'];
const LESSON_TOPICS = ['Opplæringen', 'Integrasjonen', 'Anskaffelsen', 'Gevinstberegningen', 'Ressursavklaringen', 'Piloten'];
const THINGS = [
  'skjemaløsning',
  'velferdsteknologi',
  'arkivplan',
  'sak/arkiv',
  'chatbot',
  'innbyggerdialog',
  'DigiHelse',
  'SvarUt',
  'kartløsning',
];

export interface GeneratedPortfolio {
  projects: number;
  benefits: number;
  targets: number;
  measurements: number;
  statusReports: number;
  /** Entries of the projects' risk registers, threats and opportunities. */
  risks: number;
  /** Proposals, those that became projects and those in the running or rejected (issue 21). */
  proposals: number;
  /** Lessons learned, a third of them shareable. */
  lessons: number;
  /** The network with the most projects. */
  largest: { id: string; slug: string; projects: number };
  milliseconds: number;
}

export async function generatePortfolio(
  db: Db,
  options: { projects?: number; benefitsPerProject?: number; measurements?: number; risks?: number; seed?: number } = {},
): Promise<GeneratedPortfolio> {
  const started = performance.now();
  const rng = prng(options.seed ?? 5);
  const random = rng.next;
  const pick = rng.pick;
  const projectTotal = options.projects ?? 5000;
  const perProject = options.benefitsPerProject ?? 4;
  const measurementTotal = options.measurements ?? 300_000;
  const riskTotal = options.risks ?? 30_000;

  const nets = await db.select({ id: networks.id, slug: networks.slug }).from(networks);
  const membersOf = new Map<string, string[]>();
  for (const m of await db
    .select({ networkId: networkMembers.networkId, number: networkMembers.municipalityNumber })
    .from(networkMembers)
    .where(isNull(networkMembers.leftOn))) {
    membersOf.set(m.networkId, [...(membersOf.get(m.networkId) ?? []), m.number]);
  }
  const totalMembers = nets.reduce((sum, n) => sum + (membersOf.get(n.id)?.length ?? 0), 0);
  const personPool = (await db.select({ id: people.id }).from(people).limit(2000)).map((p) => p.id);

  // Projects, in proportion to the networks' members.
  type ProjectPlan = typeof projects.$inferInsert & { members: string[] };
  const planned: ProjectPlan[] = [];
  for (const net of nets) {
    const members = membersOf.get(net.id) ?? [];
    const count = Math.round((projectTotal * members.length) / totalMembers);
    for (let i = 0; i < count && members.length > 0; i++) {
      const year = 2022 + Math.floor(random() * 5);
      const phase = pick(PHASES);
      const start = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-01`;
      const chosen = [...members].sort(() => random() - 0.5).slice(0, Math.min(members.length, 3 + Math.floor(random() * 6)));
      planned.push({
        networkId: net.id,
        year,
        sequence: i + 1,
        title: `${pick(WORDS)} ${pick(THINGS)} ${i + 1}`,
        phase,
        focusAreaKeys: [pick(FOCUS_AREAS), ...(random() < 0.3 ? [pick(FOCUS_AREAS)] : [])].filter((k, j, all) => all.indexOf(k) === j),
        ownerPersonId: pick(personPool),
        managerPersonId: pick(personPool),
        startDate: start,
        plannedEndDate: `${year + 1 + Math.floor(random() * 3)}-12-31`,
        members: chosen,
      });
    }
  }
  // Proposals (issue 21), with their own seed so the rest stays as it was: three in five projects came from an assessed
  // proposal («ble prosjekt»), and each network has about one proposal in the running per two projects (four in five of
  // them assessed) and a few rejected ones, for the prioritization matrix. Every criterion scored 1–5.
  const proposalRng = prng((options.seed ?? 5) + 2100);
  const score = () => 1 + Math.floor(proposalRng.next() * 5);
  const assessment = (focusAreaKey: string) => ({
    scores: { benefit: score(), cost: score(), risk: score(), feasibility: score() },
    focusAreaFit: { [focusAreaKey]: score() },
    note: null,
    assessedAt: '2026-01-15T10:00:00.000Z',
    assessedBy: 'Benchmark',
  });
  const proposalSequence = new Map<string, number>();
  const nextSequence = (networkId: string, year: number) => {
    const key = `${networkId}|${year}`;
    const next = (proposalSequence.get(key) ?? 0) + 1;
    proposalSequence.set(key, next);
    return next;
  };
  type ProposalPlan = typeof proposals.$inferInsert & { projectIndex: number | null };
  const proposalPlans: ProposalPlan[] = [];
  const proposalOf = (networkId: string, year: number, title: string, focusAreaKey: string, wanting: string[]) => ({
    networkId,
    year,
    sequence: nextSequence(networkId, year),
    kind: proposalRng.next() < 0.5 ? ('need' as const) : ('idea' as const),
    title,
    problem: 'Behov fra kommunene.',
    focusAreaKey,
    municipalityNumbers: wanting,
    channel: 'internal' as const,
    submitterName: 'Benchmark',
  });
  planned.forEach((p, i) => {
    if (proposalRng.next() >= 0.6) return;
    const key = p.focusAreaKeys![0]!;
    proposalPlans.push({
      ...proposalOf(p.networkId, p.year, p.title, key, p.members),
      status: 'becameProject',
      assessment: assessment(key),
      projectIndex: i,
    });
  });
  for (const net of nets) {
    const members = membersOf.get(net.id) ?? [];
    const projectCount = planned.filter((p) => p.networkId === net.id).length;
    for (let i = 0; i < Math.round(projectCount / 2) && members.length > 0; i++) {
      const key = FOCUS_AREAS[Math.floor(proposalRng.next() * FOCUS_AREAS.length)]!;
      const wanting = members.filter(() => proposalRng.next() < 0.4);
      const rejected = proposalRng.next() < 0.1;
      const assessed = rejected || proposalRng.next() < 0.8;
      const status = rejected ? 'rejected' : (['new', 'underAssessment', 'prioritized'] as const)[Math.floor(proposalRng.next() * 3)]!;
      proposalPlans.push({
        ...proposalOf(net.id, 2026, `Forslag ${i + 1}`, key, wanting),
        status,
        statusReason: rejected ? 'Ikke nå.' : null,
        assessment: assessed ? assessment(key) : null,
        projectIndex: null,
      });
    }
  }
  const proposalIds: string[] = [];
  await insertBatches(proposalPlans, async (batch) => {
    const rows = await db
      .insert(proposals)
      .values(batch.map(({ projectIndex: _p, ...proposal }) => proposal))
      .returning({ id: proposals.id });
    proposalIds.push(...rows.map((r) => r.id));
  });
  await insertBatches(
    [...proposalSequence.entries()].map(([key, last]) => {
      const [networkId, year] = key.split('|');
      return { networkId: networkId!, year: Number(year), last };
    }),
    (batch) => db.insert(proposalCounters).values(batch),
  );
  proposalPlans.forEach((plan, k) => {
    if (plan.projectIndex !== null) planned[plan.projectIndex]!.proposalId = proposalIds[k]!;
  });

  const projectIds: string[] = [];
  await insertBatches(planned, async (batch) => {
    const rows = await db
      .insert(projects)
      .values(batch.map(({ members: _m, ...p }) => p))
      .returning({ id: projects.id });
    projectIds.push(...rows.map((r) => r.id));
  });
  await insertBatches(
    planned.flatMap((p, i) =>
      p.members.map((number) => ({ projectId: projectIds[i]!, municipalityNumber: number, participation: 'in' as const })),
    ),
    (batch) => db.insert(projectParticipants).values(batch),
  );
  // Owner decisions up to the phase (the benchmark reads them; who decided does not matter here).
  await insertBatches(
    planned.flatMap((p, i) =>
      DECISION_POINTS.filter((point) => PHASES.indexOf(DECISION_POINT_RULES[point].to) <= PHASES.indexOf(p.phase!) && point !== 'bp6').map(
        (point, k) => ({
          projectId: projectIds[i]!,
          decisionPoint: point,
          kind: 'ownerDecision' as const,
          ownerText: 'Vedtatt.',
          signedByName: 'Benchmark',
          signedAt: new Date(),
          decidedOn: `${p.year + Math.floor(k / 2)}-0${1 + (k % 9)}-15`,
        }),
      ),
    ),
    (batch) => db.insert(projectDecisions).values(batch),
  );
  const parameters = () => Object.fromEntries(CONTROL_PARAMETERS.map((c) => [c, { status: pick(STATUS_LIGHTS), comment: null }]));
  const reports = planned.flatMap((p, i) =>
    Array.from({ length: Math.floor(random() * 4) }, (_, k) => ({
      projectId: projectIds[i]!,
      periodKind: 'tertial' as const,
      year: 2026,
      period: k + 1,
      overall: pick(STATUS_LIGHTS),
      summary: 'Status.',
      parameters: parameters(),
      budget: 1_000_000,
      spent: Math.floor(random() * 1_000_000),
      forecast: 1_000_000 + Math.floor(random() * 200_000),
      state: 'published' as const,
      publishedAt: new Date(),
      publishedByName: 'Benchmark',
      snapshotStorageKey: 'bench',
      snapshotSha256: '0'.repeat(64),
    })),
  );
  await insertBatches(reports, (batch) => db.insert(projectStatusReports).values(batch));

  // Risk registers: about six entries per project on average (one in four an opportunity, one in six closed, half assessed after
  // measures), for the risk maps. Their own seed, so the benefits below stay as they were before risks were added.
  const riskRng = prng((options.seed ?? 5) + 21);
  const risks = planned.flatMap((_, i) =>
    Array.from({ length: Math.floor(riskRng.next() * ((riskTotal * 2) / Math.max(planned.length, 1) + 1)) }, (_, k) => {
      const scale = () => 1 + Math.floor(riskRng.next() * 5);
      const assessed = riskRng.next() < 0.5;
      return {
        projectId: projectIds[i]!,
        kind: riskRng.next() < 0.25 ? RISK_KINDS[1] : RISK_KINDS[0],
        description: `Risiko ${k + 1} i prosjektet`,
        probabilityBefore: scale(),
        consequenceBefore: scale(),
        measures: assessed ? 'Tiltak.' : null,
        probabilityAfter: assessed ? scale() : null,
        consequenceAfter: assessed ? scale() : null,
        owner: 'Prosjektleder',
        status: riskRng.next() < 1 / 6 ? ('closed' as const) : ('open' as const),
      };
    }),
  );
  await insertBatches(risks, (batch) => db.insert(projectRisks).values(batch));

  // Lessons learned: one to three in two projects of five, one in three shareable, tagged with a phase the project has
  // been through and its focus areas, for the lessons search. Their own seed, like the risks.
  const lessonRng = prng((options.seed ?? 5) + 37);
  const lessons = planned.flatMap((p, i) =>
    lessonRng.next() < 0.4
      ? Array.from({ length: 1 + Math.floor(lessonRng.next() * 3) }, (_, k) => ({
          projectId: projectIds[i]!,
          networkId: p.networkId,
          title: `${lessonRng.pick(LESSON_TOPICS)} ${k + 1}`,
          happened: `${lessonRng.pick(LESSON_TOPICS)} tok lengre tid enn planlagt i ${p.title}.`,
          learned: `Avklar ${lessonRng.pick(THINGS).toLowerCase()} med kommunene før oppstart.`,
          nextTime: lessonRng.next() < 0.7 ? 'Ta det med i mandatet.' : null,
          phase: PHASES[Math.floor(lessonRng.next() * (PHASES.indexOf(p.phase!) + 1))]!,
          focusAreaKeys: p.focusAreaKeys ?? [],
          shareable: lessonRng.next() < 1 / 3,
        }))
      : [],
  );
  await insertBatches(lessons, (batch) => db.insert(projectLessons).values(batch));

  // Benefits, one indicator each, a target per participant.
  const benefitPlans = planned.flatMap((p, i) =>
    Array.from({ length: perProject }, (_, k) => ({ projectIndex: i, title: `Nytte ${k + 1} av ${p.title}`, type: pick(BENEFIT_TYPES) })),
  );
  const benefitIds: string[] = [];
  await insertBatches(benefitPlans, async (batch) => {
    const rows = await db
      .insert(benefits)
      .values(
        batch.map((b) => ({
          projectId: projectIds[b.projectIndex]!,
          title: b.title,
          type: b.type,
          ownerPersonId: pick(personPool),
          benefitAreas: ['better'],
        })),
      )
      .returning({ id: benefits.id });
    benefitIds.push(...rows.map((r) => r.id));
  });
  const indicatorIds: string[] = [];
  await insertBatches(benefitIds, async (batch) => {
    const rows = await db
      .insert(benefitIndicators)
      .values(
        batch.map((benefitId) => {
          const additive = random() < 0.5;
          return {
            benefitId,
            name: additive ? 'Timer spart per år' : 'Andel digitale henvendelser',
            unit: additive ? 'timer' : '%',
            direction: 'increase' as const,
            additive,
            frequency: pick(MEASUREMENT_FREQUENCIES),
          };
        }),
      )
      .returning({ id: benefitIndicators.id });
    indicatorIds.push(...rows.map((r) => r.id));
  });
  const targets = benefitPlans.flatMap((b, k) =>
    planned[b.projectIndex]!.members.map((number) => {
      const baseline = 10 + Math.floor(random() * 100);
      return {
        indicatorId: indicatorIds[k]!,
        municipalityNumber: number,
        baselineValue: baseline,
        baselineDate: '2024-01-01',
        targetValue: baseline + 10 + Math.floor(random() * 100),
        targetDate: '2028-12-31',
        weight: 1,
      };
    }),
  );
  await insertBatches(targets, (batch) => db.insert(indicatorTargets).values(batch));
  // Measurements: as even a share of the total for each target as it divides, monthly from the baseline.
  const perTarget = Math.floor(measurementTotal / targets.length);
  const extra = measurementTotal % targets.length;
  const measurements = targets.flatMap((t, i) => {
    const count = perTarget + (i < extra ? 1 : 0);
    return Array.from({ length: count }, (_, k) => ({
      indicatorId: t.indicatorId,
      municipalityNumber: t.municipalityNumber,
      measuredOn: `${2024 + Math.floor(k / 12)}-${String(1 + (k % 12)).padStart(2, '0')}-15`,
      value: t.baselineValue + ((t.targetValue - t.baselineValue) * (k + 1)) / (count + 2),
    }));
  });
  await insertBatches(measurements, (batch) => db.insert(benefitMeasurements).values(batch));
  await db.execute(sql`vacuum analyze`);

  const counts = new Map<string, number>();
  for (const p of planned) counts.set(p.networkId, (counts.get(p.networkId) ?? 0) + 1);
  const [largestId, largestCount] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const [largest] = await db
    .select({ slug: networks.slug })
    .from(networks)
    .where(and(eq(networks.id, largestId)));
  return {
    projects: planned.length,
    benefits: benefitIds.length,
    targets: targets.length,
    measurements: measurements.length,
    statusReports: reports.length,
    risks: risks.length,
    proposals: proposalPlans.length,
    lessons: lessons.length,
    largest: { id: largestId, slug: largest!.slug, projects: largestCount },
    milliseconds: Math.round(performance.now() - started),
  };
}
