import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { networks, projectLessons, projects } from '../../db/schema/index.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import { invalidField, notFound, staleVersion } from '../../errors.ts';
import type { Lesson, LessonInput, LessonSearch, LessonSearchResult, LessonUpdateInput } from '../../../shared/portfolio/lessons.ts';
import { recordAudit } from '../audit/index.ts';
import { requireNetwork } from '../network/index.ts';
import { networkFocusAreas } from '../strategy/index.ts';
import { assertCan, inNetwork, requireUser } from '../../access/index.ts';
import { readableProject, writableProject, type ProjectRow } from './project-records.ts';
import { reference } from './projects-presenter.ts';

/**
 * Lessons learned (erfaringslogg). A project's lessons are kept by those who change the project (`portfolio.write`,
 * the secretariat) and read with it (`project.read`). The search answers in one network, for its portfolio readers:
 * all of that network's lessons, and the other networks' only where marked shareable — the one rule (`visibleIn`)
 * that the search, the look-up by id and a proposal's related lessons all go through. No public route reads this file.
 */

type LessonRow = typeof projectLessons.$inferSelect;

/** What a reader in `networkId` may see: its own network's lessons, and the shareable ones of the others. */
const visibleIn = (networkId: string, scope: LessonSearch['scope'] = 'all'): SQL =>
  scope === 'network'
    ? eq(projectLessons.networkId, networkId)
    : or(eq(projectLessons.networkId, networkId), eq(projectLessons.shareable, true))!;

/** The text a search matches and ranks; the same expression as the index `project_lessons_search_idx`. */
const searchVector = sql`to_tsvector('norwegian', ${projectLessons.title} || ' ' || ${projectLessons.happened} || ' ' || ${projectLessons.learned} || ' ' || coalesce(${projectLessons.nextTime}, ''))`;

/** Presents lessons with their projects, networks and focus-area titles, looked up once for all of them. */
async function present(db: DbOrTx, rows: LessonRow[], askedIn: string): Promise<Lesson[]> {
  if (rows.length === 0) return [];
  const projectRows = await db
    .select({ id: projects.id, year: projects.year, sequence: projects.sequence, title: projects.title })
    .from(projects)
    .where(
      inArray(
        projects.id,
        rows.map((r) => r.projectId),
      ),
    );
  const networkIds = [...new Set(rows.map((r) => r.networkId))];
  const networkRows = await db
    .select({ id: networks.id, slug: networks.slug, name: networks.name })
    .from(networks)
    .where(inArray(networks.id, networkIds));
  const titles = new Map<string, Map<string, string>>();
  // Sequential: this also runs inside transactions, which have one connection.
  for (const id of networkIds) titles.set(id, (await networkFocusAreas(db, id)).titles);
  const projectsById = new Map(projectRows.map((p) => [p.id, p]));
  const networksById = new Map(networkRows.map((n) => [n.id, n]));
  return rows.map((r) => {
    const project = projectsById.get(r.projectId)!;
    return {
      id: r.id,
      title: r.title,
      happened: r.happened,
      learned: r.learned,
      nextTime: r.nextTime,
      phase: r.phase,
      focusAreas: r.focusAreaKeys.map((key) => ({ key, title: titles.get(r.networkId)?.get(key) ?? key })),
      shareable: r.shareable,
      project: { id: project.id, reference: reference(project), title: project.title },
      network: networksById.get(r.networkId)!,
      ownNetwork: r.networkId === askedIn,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
    };
  });
}

/** New focus-area keys must be of the network's strategy in force; keys the lesson has already may stay. */
async function checkFocusAreas(db: DbOrTx, networkId: string, keys: string[] | undefined, before: string[] = []): Promise<void> {
  const added = (keys ?? []).filter((key) => !before.includes(key));
  if (added.length === 0) return;
  const { current } = await networkFocusAreas(db, networkId);
  if (added.some((key) => !current.some((a) => a.key === key))) throw invalidField('focusAreaKeys', 'choice');
}

async function findLesson(db: DbOrTx, id: string): Promise<LessonRow> {
  const [row] = await db.select().from(projectLessons).where(eq(projectLessons.id, id));
  if (!row) throw notFound();
  return row;
}

/** How many lessons each project has: the project page asks for them at BP4 and BP5 until there is one. */
export async function lessonCounts(db: DbOrTx, projectIds: string[]): Promise<Map<string, number>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .select({ projectId: projectLessons.projectId, n: count() })
    .from(projectLessons)
    .where(inArray(projectLessons.projectId, projectIds))
    .groupBy(projectLessons.projectId);
  return new Map(rows.map((r) => [r.projectId, r.n]));
}

/** A project's lessons, newest first: for whoever reads the project. */
export async function listProjectLessons(ctx: RequestContext, projectId: string): Promise<Lesson[]> {
  const project = await readableProject(ctx, projectId);
  const rows = await ctx.db
    .select()
    .from(projectLessons)
    .where(eq(projectLessons.projectId, project.id))
    .orderBy(desc(projectLessons.createdAt), asc(projectLessons.id));
  return present(ctx.db, rows, project.networkId);
}

/**
 * Records a lesson: the phase is the project's unless told, the focus areas the project's unless told (each new one
 * of the network's strategy, else 400 on `focusAreaKeys`), not shared unless told. Audited.
 */
export async function addLesson(ctx: RequestContext, projectId: string, input: LessonInput): Promise<Lesson> {
  const project: ProjectRow = await writableProject(ctx, projectId);
  const focusAreaKeys = [...new Set(input.focusAreaKeys ?? project.focusAreaKeys)];
  await checkFocusAreas(ctx.db, project.networkId, focusAreaKeys, project.focusAreaKeys);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(projectLessons)
      .values({
        projectId: project.id,
        networkId: project.networkId,
        title: input.title,
        happened: input.happened,
        learned: input.learned,
        nextTime: input.nextTime ?? null,
        phase: input.phase ?? project.phase,
        focusAreaKeys,
        shareable: input.shareable ?? false,
      })
      .returning();
    await recordAudit(tx, ctx, {
      networkId: project.networkId,
      entityType: 'projectLesson',
      entityId: row!.id,
      action: 'create',
      after: row,
    });
    return (await present(tx, [row!], project.networkId))[0]!;
  });
}

/** Changes a lesson: the project's writers, against its version (409 when stale). Audited with before and after. */
export async function changeLesson(ctx: RequestContext, id: string, input: LessonUpdateInput): Promise<Lesson> {
  const found = await findLesson(ctx.db, id);
  const project = await writableProject(ctx, found.projectId);
  const { version, focusAreaKeys, ...fields } = input;
  await checkFocusAreas(ctx.db, project.networkId, focusAreaKeys, found.focusAreaKeys);
  return ctx.db.transaction(async (tx) => {
    const before = await findLesson(tx, id);
    const after = await updateVersioned(
      tx,
      projectLessons,
      id,
      version,
      definedOnly({ ...fields, focusAreaKeys: focusAreaKeys === undefined ? undefined : [...new Set(focusAreaKeys)] }),
    );
    await recordAudit(tx, ctx, {
      networkId: project.networkId,
      entityType: 'projectLesson',
      entityId: id,
      action: 'update',
      before,
      after,
    });
    return (await present(tx, [after], project.networkId))[0]!;
  });
}

/** Removes a lesson at its version (409 when stale); the audit log keeps what it said. */
export async function removeLesson(ctx: RequestContext, id: string, version: number): Promise<void> {
  const found = await findLesson(ctx.db, id);
  const project = await writableProject(ctx, found.projectId);
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(projectLessons)
      .where(and(eq(projectLessons.id, id), eq(projectLessons.version, version)))
      .returning();
    if (!gone) throw staleVersion();
    await recordAudit(tx, ctx, { networkId: project.networkId, entityType: 'projectLesson', entityId: id, action: 'delete', before: gone });
  });
}

/** The network's portfolio readers, and the network itself. */
async function readerIn(ctx: RequestContext, networkRef: string) {
  requireUser(ctx);
  const network = await requireNetwork(ctx, networkRef);
  await assertCan(ctx, 'portfolio.read', inNetwork(network.id));
  return network;
}

/**
 * The search in one network: words (PostgreSQL's web-search syntax, Norwegian stemming), a phase, and focus areas (any
 * of them). Ranked by the words when there are any, the asking network's own first, then newest first. A word that
 * is only a stop word («og») matches everything, as no words do.
 */
export async function searchLessons(ctx: RequestContext, networkRef: string, query: LessonSearch): Promise<LessonSearchResult> {
  const network = await readerIn(ctx, networkRef);
  const conditions: SQL[] = [visibleIn(network.id, query.scope)];
  const words = query.q ? sql`websearch_to_tsquery('norwegian', ${query.q})` : null;
  if (words) conditions.push(sql`(numnode(${words}) = 0 or ${searchVector} @@ ${words})`);
  if (query.phase) conditions.push(eq(projectLessons.phase, query.phase));
  if (query.focusAreas.length > 0) {
    conditions.push(
      sql`${projectLessons.focusAreaKeys} && array[${sql.join(
        query.focusAreas.map((k) => sql`${k}`),
        sql`, `,
      )}]::text[]`,
    );
  }
  const rows = await ctx.db
    .select()
    .from(projectLessons)
    .where(and(...conditions))
    .orderBy(
      ...(words ? [desc(sql`ts_rank(${searchVector}, ${words})`)] : []),
      desc(sql`${projectLessons.networkId} = ${network.id}`),
      desc(projectLessons.createdAt),
      asc(projectLessons.id),
    )
    .limit(query.limit + 1);
  return { lessons: await present(ctx.db, rows.slice(0, query.limit), network.id), more: rows.length > query.limit };
}

/** One lesson as the network's readers may see it: 404 for another network's lesson that is not shareable. */
export async function getNetworkLesson(ctx: RequestContext, networkRef: string, id: string): Promise<Lesson> {
  const network = await readerIn(ctx, networkRef);
  const [row] = await ctx.db
    .select()
    .from(projectLessons)
    .where(and(eq(projectLessons.id, id), visibleIn(network.id)));
  if (!row) throw notFound();
  return (await present(ctx.db, [row], network.id))[0]!;
}
