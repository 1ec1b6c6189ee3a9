import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, expectFieldErrors, latestAudit, unique } from '../../../../test/helpers.ts';
import { projects } from '../../db/schema/index.ts';
import type { Lesson, LessonSearchResult } from '../../../shared/portfolio/lessons.ts';
import type { Project } from '../../../shared/portfolio/projects.ts';

const VESTERALEN = 'digivesteralen';
const LOFOTEN = 'lofoten-ikt';

/**
 * Lessons learned: DigiVesterålen's secretariat records them on its projects; the network's portfolio readers find
 * them; Lofoten IKT's readers find only those marked shareable — never another network's others, not in the search,
 * not by id, not on a project page.
 */
describe.each(DATABASE_KINDS)('lessons learned on %s', (kind) => {
  let t: TestApp;
  let vest: Client;
  let member: Client;
  let lofoten: Client;
  let editor: Client;

  beforeAll(async () => {
    t = await startTestApp(kind);
    vest = await t.as(USERS.vesteralenAdmin);
    member = await t.as(USERS.vesteralenMember);
    lofoten = await t.as(USERS.lofotenAdmin);
    editor = await t.as(USERS.sortlandEditor);
  });
  afterAll(() => t.close());

  const project = async (client: Client, network: string, focusAreaKeys: string[] = []): Promise<Project> => {
    const res = await client.post<Project>(`/api/networks/${network}/projects`, { title: `Erfaringsprosjekt ${unique()}`, focusAreaKeys });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const record = async (client: Client, projectId: string, body: Record<string, unknown>): Promise<Lesson> => {
    const res = await client.post<Lesson>(`/api/projects/${projectId}/lessons`, {
      happened: 'Det skjedde.',
      learned: 'Vi lærte.',
      ...body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const search = async (client: Client, network: string, query: string): Promise<LessonSearchResult> => {
    const res = await client.get<LessonSearchResult>(`/api/networks/${network}/lessons?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it('refuses the anonymous, bad input with the fields named, and those who may not change the project', async () => {
    const p = await project(vest, VESTERALEN);
    const body = { title: 'Tittel', happened: 'Skjedde', learned: 'Lærte' };
    expectError(await t.anonymous().post(`/api/projects/${p.id}/lessons`, body), 401, 'unauthenticated');
    expectFieldErrors(
      await vest.post(`/api/projects/${p.id}/lessons`, { title: '', happened: 'x'.repeat(4001), phase: 'ferdig', shareable: 'ja' }),
      {
        title: '«Tittel» må fylles ut.',
        happened: '«Hva skjedde» kan ha høyst 4000 tegn.',
        learned: expect.stringContaining('«Hva vi lærte»'),
        phase: expect.stringContaining('«Fase»'),
        shareable: expect.stringContaining('«Deles med andre nettverk»'),
      },
    );
    expectFieldErrors(await vest.post(`/api/projects/${p.id}/lessons`, { ...body, focusAreaKeys: ['finnes-ikke'] }), {
      focusAreaKeys: expect.stringContaining('«Innsatsområder»'),
    });
    expectError(await member.post(`/api/projects/${p.id}/lessons`, body), 403, 'forbidden');
    expectError(await editor.post(`/api/projects/${p.id}/lessons`, body), 403, 'forbidden');
    expectError(await lofoten.post(`/api/projects/${p.id}/lessons`, body), 404, 'not_found');
    expect((await vest.get<Lesson[]>(`/api/projects/${p.id}/lessons`)).body).toEqual([]);
  });

  it('records a lesson with the project’s phase and focus areas, changes it against its version, deletes it, all audited', async () => {
    const p = await project(vest, VESTERALEN, ['nasjonale-losninger']);
    const lesson = await record(vest, p.id, { title: 'Avklar ressurser tidlig', nextTime: '  ' });
    expect(lesson).toMatchObject({
      phase: 'idea',
      focusAreas: [{ key: 'nasjonale-losninger', title: expect.any(String) }],
      shareable: false,
      nextTime: null,
      project: { id: p.id, reference: p.reference, title: p.title },
      network: { slug: VESTERALEN },
      ownNetwork: true,
      version: 1,
    });
    expect((await latestAudit(t.db, 'projectLesson', lesson.id)).action).toBe('create');
    // the network's readers read it with the project
    expect((await member.get<Lesson[]>(`/api/projects/${p.id}/lessons`)).body.map((l) => l.id)).toEqual([lesson.id]);
    expectError(await lofoten.get(`/api/projects/${p.id}/lessons`), 404, 'not_found');

    const changed = await vest.patch<Lesson>(`/api/project-lessons/${lesson.id}`, { shareable: true, phase: 'closing', version: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ shareable: true, phase: 'closing', title: 'Avklar ressurser tidlig', version: 2 });
    expect((await latestAudit(t.db, 'projectLesson', lesson.id)).action).toBe('update');
    expectError(await vest.patch(`/api/project-lessons/${lesson.id}`, { title: 'Gammel', version: 1 }), 409, 'stale_version');
    expectError(await member.patch(`/api/project-lessons/${lesson.id}`, { title: 'Medlem', version: 2 }), 403, 'forbidden');
    expectError(await lofoten.patch(`/api/project-lessons/${lesson.id}`, { title: 'Lofoten', version: 2 }), 404, 'not_found');

    expectError(await vest.delete(`/api/project-lessons/${lesson.id}?version=1`), 409, 'stale_version');
    expectError(await lofoten.delete(`/api/project-lessons/${lesson.id}?version=2`), 404, 'not_found');
    expect((await vest.delete(`/api/project-lessons/${lesson.id}?version=2`)).status).toBe(200);
    expect((await latestAudit(t.db, 'projectLesson', lesson.id)).action).toBe('delete');
    expect((await vest.get<Lesson[]>(`/api/projects/${p.id}/lessons`)).body).toEqual([]);
  });

  it('finds by words (Norwegian stemming), phase and focus area, own network first', async () => {
    const word = `Kvernsteinsmodell${unique().replace(/\W/g, '')}`;
    const p = await project(vest, VESTERALEN, ['nasjonale-losninger']);
    const planning = await record(vest, p.id, {
      title: `${word} i planleggingen`,
      phase: 'planning',
      learned: 'Leverandørene trenger tid.',
    });
    const closing = await record(vest, p.id, {
      title: 'Avslutningen',
      phase: 'closing',
      focusAreaKeys: [],
      learned: `Bruk ${word} igjen.`,
    });

    const byWord = await search(member, VESTERALEN, `q=${word}`);
    expect(byWord.lessons.map((l) => l.id).sort()).toEqual([planning.id, closing.id].sort());
    // the title weighs nothing extra, but both match; a stemmed form finds the plural
    expect((await search(member, VESTERALEN, 'q=leverandør')).lessons.map((l) => l.id)).toContain(planning.id);
    expect((await search(member, VESTERALEN, `q=${word}&phase=closing`)).lessons.map((l) => l.id)).toEqual([closing.id]);
    expect((await search(member, VESTERALEN, `q=${word}&focusAreas=nasjonale-losninger,samskaping`)).lessons.map((l) => l.id)).toEqual([
      planning.id,
    ]);
    expect((await search(member, VESTERALEN, `q=${word}&limit=1`)).more).toBe(true);
    // a stop word alone matches as no words do
    expect((await search(member, VESTERALEN, `q=og&phase=closing`)).lessons.map((l) => l.id)).toContain(closing.id);
    expectFieldErrors(await member.get(`/api/networks/${VESTERALEN}/lessons?phase=ferdig&scope=alle&limit=0`), {
      phase: expect.stringContaining('«Fase»'),
      scope: expect.stringContaining('«Hvor det søkes»'),
      limit: expect.any(String),
    });
    expectError(await t.anonymous().get(`/api/networks/${VESTERALEN}/lessons`), 401, 'unauthenticated');
    expectError(await editor.get(`/api/networks/${LOFOTEN}/lessons`), 404, 'not_found');
  });

  it('shows another network its shareable lessons and never the others: not in the search, not by id, not on the project', async () => {
    const secret = `Hemmeligerfaring${unique().replace(/\W/g, '')}`;
    const open = `Delbarerfaring${unique().replace(/\W/g, '')}`;
    const p = await project(vest, VESTERALEN, ['nasjonale-losninger']);
    const hidden = await record(vest, p.id, { title: `${secret} ${open}`, learned: secret, shareable: false });
    const shared = await record(vest, p.id, { title: open, learned: 'Del dette.', shareable: true });

    // Lofoten IKT's reader: the shareable one, marked as another network's; never the hidden one
    const all = await search(lofoten, LOFOTEN, `q=${open}`);
    expect(all.lessons.map((l) => l.id)).toEqual([shared.id]);
    expect(all.lessons[0]).toMatchObject({ ownNetwork: false, network: { slug: VESTERALEN } });
    for (const query of [
      `q=${secret}`,
      '',
      'limit=100',
      'focusAreas=nasjonale-losninger',
      'phase=idea&limit=100',
      `q=${secret} OR ${open}`,
    ]) {
      const found = await search(lofoten, LOFOTEN, query);
      expect(JSON.stringify(found)).not.toContain(secret);
      expect(found.lessons.map((l) => l.id)).not.toContain(hidden.id);
    }
    expect((await search(lofoten, LOFOTEN, `q=${open}&scope=network`)).lessons).toEqual([]);
    // by id: the shareable one in Lofoten, the hidden one 404 as if it did not exist
    expect((await lofoten.get<Lesson>(`/api/networks/${LOFOTEN}/lessons/${shared.id}`)).body.id).toBe(shared.id);
    expectError(await lofoten.get(`/api/networks/${LOFOTEN}/lessons/${hidden.id}`), 404, 'not_found');
    expectError(await lofoten.get(`/api/networks/${LOFOTEN}/lessons/${crypto.randomUUID()}`), 404, 'not_found');
    // asking in DigiVesterålen's name without being its reader
    expectError(await lofoten.get(`/api/networks/${VESTERALEN}/lessons/${hidden.id}`), 404, 'not_found');
    expectError(await lofoten.get(`/api/networks/${VESTERALEN}/lessons?q=${secret}`), 404, 'not_found');
    expectError(await lofoten.get(`/api/projects/${p.id}/lessons`), 404, 'not_found');
    // DigiVesterålen's own readers see both
    expect((await search(member, VESTERALEN, `q=${open}`)).lessons.map((l) => l.id).sort()).toEqual([hidden.id, shared.id].sort());
    expect((await member.get<Lesson>(`/api/networks/${VESTERALEN}/lessons/${hidden.id}`)).body.learned).toBe(secret);

    // made private again, it disappears from Lofoten at once
    await vest.patch(`/api/project-lessons/${shared.id}`, { shareable: false, version: shared.version });
    expect((await search(lofoten, LOFOTEN, `q=${open}`)).lessons).toEqual([]);
    expectError(await lofoten.get(`/api/networks/${LOFOTEN}/lessons/${shared.id}`), 404, 'not_found');

    // and Lofoten's own lessons come first in Lofoten
    const own = await record(lofoten, (await project(lofoten, LOFOTEN)).id, { title: `${open} i Lofoten` });
    await vest.patch(`/api/project-lessons/${shared.id}`, { shareable: true, version: shared.version + 1 });
    const mixed = await search(lofoten, LOFOTEN, '');
    const ids = mixed.lessons.map((l) => l.id);
    expect(ids.indexOf(own.id)).toBeLessThan(ids.indexOf(shared.id));
    expect(mixed.lessons.filter((l) => !l.ownNetwork).every((l) => l.shareable)).toBe(true);
  });

  it('reminds at BP4 and BP5 while no lesson is recorded, without blocking the decision', async () => {
    const p = await project(vest, VESTERALEN);
    expect(p.next).toMatchObject({ decisionPoint: 'bp1', lessonsMissing: false });
    for (const [phase, point] of [
      ['execution', 'bp4'],
      ['closing', 'bp5'],
    ] as const) {
      await t.db.update(projects).set({ phase }).where(eq(projects.id, p.id));
      const read = (await vest.get<Project>(`/api/projects/${p.id}`)).body;
      expect(read.next).toMatchObject({ decisionPoint: point, lessonsMissing: true, missingBasis: point === 'bp5' ? ['finalReport'] : [] });
    }
    await record(vest, p.id, { title: 'Sluttrapporten tok tid' });
    expect((await vest.get<Project>(`/api/projects/${p.id}`)).body.next).toMatchObject({ decisionPoint: 'bp5', lessonsMissing: false });

    // The reminder does not block: BP4 passes on a decided case (DigiHelse's, any decided case of the network will do).
    const q = await project(vest, VESTERALEN);
    await t.db.update(projects).set({ phase: 'execution' }).where(eq(projects.id, q.id));
    const before = (await vest.get<Project>(`/api/projects/${q.id}`)).body;
    expect(before.next.lessonsMissing).toBe(true);
    const rows = (await vest.get<{ id: string; title: string }[]>(`/api/networks/${VESTERALEN}/projects`)).body;
    const digiHelse = (await vest.get<Project>(`/api/projects/${rows.find((r) => r.title.includes('DigiHelse'))!.id}`)).body;
    const agendaItemId = digiHelse.decisions.find((d) => d.meetingCase)!.meetingCase!.agendaItemId;
    const decided = await vest.post<Project>(`/api/projects/${q.id}/decisions`, {
      kind: 'meetingCase',
      agendaItemId,
      projectVersion: before.version,
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    expect(decided.body).toMatchObject({ phase: 'closing', next: { decisionPoint: 'bp5', lessonsMissing: true } });
    await t.db.update(projects).set({ phase: 'realization' }).where(eq(projects.id, q.id));
    expect((await vest.get<Project>(`/api/projects/${q.id}`)).body.next).toMatchObject({ decisionPoint: 'bp6', lessonsMissing: false });
  });
});
