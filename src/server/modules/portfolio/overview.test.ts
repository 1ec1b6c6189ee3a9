import { and, desc, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, type TestApp } from '../../../../test/harness.ts';
import { unique } from '../../../../test/helpers.ts';
import { PHASES, type PortfolioQuery } from '../../../shared/portfolio/projects.ts';
import { STATUS_LIGHTS } from '../../../shared/portfolio/status-reports.ts';
import { queryRows } from '../../db/client.ts';
import {
  people,
  programmes,
  projectDecisions,
  projectMilestones,
  projectParticipants,
  projects,
  projectStatusReports,
} from '../../db/schema/index.ts';
import type { z } from 'zod';
import { buildPortfolioOverview } from './overview.ts';
import { recomputeOverview } from './projects.ts';

/**
 * Decision 0016: the portfolio overview reads what its rows show for the whole network at once. After any sequence of
 * writes to what feeds it (phases, participants, decisions, published and draft status reports, milestones, the
 * owners' names, new projects), it answers exactly what the builder before it (`recomputeOverview`) answers, for
 * every filter.
 */
const MUNICIPALITIES = ['1804', '1806', '1820', '1860'] as const;

type Write =
  | { kind: 'phase'; project: number; phase: (typeof PHASES)[number] }
  | { kind: 'participate'; project: number; municipality: number; participation: 'in' | 'out' | null }
  | { kind: 'decide'; project: number; day: number }
  | { kind: 'report'; project: number; month: number; light: (typeof STATUS_LIGHTS)[number]; published: boolean }
  | { kind: 'milestone'; project: number; day: number; done: boolean }
  | { kind: 'rename'; project: number }
  | { kind: 'create'; phase: (typeof PHASES)[number]; focus: boolean };

describe.each(DATABASE_KINDS)('the portfolio overview on %s', (kind) => {
  let t: TestApp;
  let networkId: string;
  let projectIds: string[] = [];
  let personIds: string[] = [];
  let focusKeys: string[] = [];
  let clock = Date.UTC(2026, 0, 1);

  beforeAll(async () => {
    t = await startTestApp(kind);
    // The demo network with the most projects, and the people and focus areas its projects already use.
    const [busiest] = await queryRows<{ network_id: string }>(
      t.db,
      sql`select network_id from projects group by network_id order by count(*) desc, network_id limit 1`,
    );
    networkId = busiest!.network_id;
    const rows = await t.db.select().from(projects).where(eq(projects.networkId, networkId));
    projectIds = rows.map((r) => r.id);
    personIds = [...new Set(rows.flatMap((r) => [r.ownerPersonId, r.managerPersonId]).filter((id): id is string => id !== null))];
    focusKeys = [...new Set(rows.flatMap((r) => r.focusAreaKeys))];
    expect(projectIds.length).toBeGreaterThan(1);
    expect(personIds.length).toBeGreaterThan(0);
  });
  afterAll(() => t?.close());

  const project = fc.nat({ max: 1_000 });
  const write: fc.Arbitrary<Write> = fc.oneof(
    fc.record({ kind: fc.constant('phase' as const), project, phase: fc.constantFrom(...PHASES) }),
    fc.record({
      kind: fc.constant('participate' as const),
      project,
      municipality: fc.nat({ max: MUNICIPALITIES.length - 1 }),
      participation: fc.constantFrom('in' as const, 'out' as const, null),
    }),
    fc.record({ kind: fc.constant('decide' as const), project, day: fc.nat({ max: 60 }) }),
    fc.record({
      kind: fc.constant('report' as const),
      project,
      month: fc.integer({ min: 1, max: 12 }),
      light: fc.constantFrom(...STATUS_LIGHTS),
      published: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('milestone' as const), project, day: fc.nat({ max: 90 }), done: fc.boolean() }),
    fc.record({ kind: fc.constant('rename' as const), project }),
    fc.record({ kind: fc.constant('create' as const), phase: fc.constantFrom(...PHASES), focus: fc.boolean() }),
  );

  const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);

  async function apply(w: Write) {
    const db = t.db;
    const id = 'project' in w ? projectIds[w.project % projectIds.length]! : '';
    switch (w.kind) {
      case 'phase':
        await db.update(projects).set({ phase: w.phase }).where(eq(projects.id, id));
        return;
      case 'participate': {
        const where = and(
          eq(projectParticipants.projectId, id),
          eq(projectParticipants.municipalityNumber, MUNICIPALITIES[w.municipality]!),
        );
        if (w.participation === null) await db.delete(projectParticipants).where(where);
        else
          await db
            .insert(projectParticipants)
            .values({ projectId: id, municipalityNumber: MUNICIPALITIES[w.municipality]!, participation: w.participation })
            .onConflictDoUpdate({
              target: [projectParticipants.projectId, projectParticipants.municipalityNumber],
              set: { participation: w.participation },
            });
        return;
      }
      case 'decide':
        // Creation times apart, as in life: the old builder took the last in date and creation order.
        clock += 1000;
        await db.insert(projectDecisions).values({
          projectId: id,
          decisionPoint: (['bp1', 'bp2', 'bp3', 'bp4', 'bp5'] as const)[w.day % 5]!,
          kind: 'ownerDecision',
          ownerText: 'Vedtatt.',
          decidedOn: day(w.day),
          createdAt: new Date(clock),
        });
        return;
      case 'report':
        await db
          .insert(projectStatusReports)
          .values({
            projectId: id,
            periodKind: 'month',
            year: 2026,
            period: w.month,
            overall: w.light,
            parameters: {},
            state: w.published ? 'published' : 'draft',
            publishedAt: w.published ? new Date(Date.UTC(2026, w.month, 1)) : null,
          })
          .onConflictDoUpdate({
            target: [
              projectStatusReports.projectId,
              projectStatusReports.periodKind,
              projectStatusReports.year,
              projectStatusReports.period,
            ],
            set: { overall: w.light },
          });
        return;
      case 'milestone':
        clock += 1000;
        await db.insert(projectMilestones).values({
          projectId: id,
          title: unique('Milepæl'),
          dueDate: day(w.day),
          doneDate: w.done ? day(w.day) : null,
          createdAt: new Date(clock),
        });
        return;
      case 'rename': {
        const [row] = await db.select({ owner: projects.ownerPersonId }).from(projects).where(eq(projects.id, id));
        if (row?.owner)
          await db
            .update(people)
            .set({ name: unique('Eier') })
            .where(eq(people.id, row.owner));
        return;
      }
      case 'create': {
        const [last] = await db
          .select({ sequence: projects.sequence })
          .from(projects)
          .where(and(eq(projects.networkId, networkId), eq(projects.year, 2026)))
          .orderBy(desc(projects.sequence))
          .limit(1);
        const [row] = await db
          .insert(projects)
          .values({
            networkId,
            year: 2026,
            sequence: (last?.sequence ?? 0) + 1,
            title: unique('Prosjekt'),
            phase: w.phase,
            focusAreaKeys: w.focus && focusKeys[0] ? [focusKeys[0]] : [],
            ownerPersonId: personIds[projectIds.length % personIds.length]!,
            managerPersonId: null,
          })
          .returning({ id: projects.id });
        projectIds.push(row!.id);
        return;
      }
    }
  }

  async function expectSameAnswers() {
    // The demo's programmes: one groups two projects, the other none.
    const inNetwork = await t.db.select({ id: programmes.id }).from(programmes).where(eq(programmes.networkId, networkId));
    const filters: z.infer<typeof PortfolioQuery>[] = [
      { programme: 'none' },
      ...inNetwork.map((p) => ({ programme: p.id })),
      {},
      { phase: 'execution' },
      { status: 'none' },
      { status: 'green' },
      { municipality: MUNICIPALITIES[0] },
      ...(focusKeys[0] ? [{ focusArea: focusKeys[0] }] : []),
    ];
    for (const filter of filters) {
      expect(await buildPortfolioOverview(t.db, networkId, filter)).toEqual(await recomputeOverview(t.db, networkId, filter));
    }
  }

  it('answers what the builder before it answers after any sequence of writes', async () => {
    await expectSameAnswers();
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 10 }), async (writes) => {
        for (const w of writes) await apply(w);
        await expectSameAnswers();
      }),
      { numRuns: 10 },
    );
  });
});
