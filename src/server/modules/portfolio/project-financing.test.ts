import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, latestAudit, unique } from '../../../../test/helpers.ts';
import { projectFinancing } from '../../db/schema/index.ts';
import type { ProjectFinancing } from '../../../shared/finance/project-financing.ts';
import type { Project } from '../../../shared/portfolio/projects.ts';

const VESTERALEN = 'digivesteralen';
const HADSEL = '1866';
const SORTLAND = '1870';
const ANDOY = '1871';

const sum = (f: ProjectFinancing) => f.current!.lines.reduce((a, l) => a + l.amount, 0);

/**
 * A project's financing in DigiVesterålen: the secretariat saves it whole; the municipalities' part is split among
 * the municipalities taking part, again whenever one joins or leaves, and every split is kept.
 */
describe.each(DATABASE_KINDS)('project financing on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let member: Client;
  let outsider: Client;

  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.vesteralenAdmin);
    member = await t.as(USERS.vesteralenMember);
    outsider = await t.as(USERS.lofotenAdmin);
  });
  afterAll(() => t.close());

  const withParticipants = async (...numbers: string[]): Promise<Project> => {
    const res = await secretariat.post<Project>(`/api/networks/${VESTERALEN}/projects`, {
      title: `Finansiering ${unique()}`,
      focusAreaKeys: [],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    for (const number of numbers) {
      expect((await secretariat.put(`/api/projects/${res.body.id}/participants/${number}`, { participation: 'in' })).status).toBe(200);
    }
    return res.body;
  };
  const financing = (amount = 1_000_001) => ({
    costTotal: amount + 500_000,
    method: 'population',
    percentages: [],
    sources: [
      { kind: 'grant', name: 'Skjønnsmidler', amount: 500_000 },
      { kind: 'municipalities', name: 'Kommunenes andel', amount },
    ],
  });

  it('splits the municipalities’ part by population, adding up to it, and audits the save', async () => {
    const project = await withParticipants(HADSEL, SORTLAND, ANDOY);
    const empty = await member.get<ProjectFinancing>(`/api/projects/${project.id}/financing`);
    expect(empty.body).toMatchObject({ financing: null, current: null, history: [], editable: false });

    const saved = await secretariat.put<ProjectFinancing>(`/api/projects/${project.id}/financing`, financing());
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.financing).toMatchObject({ version: 1, costTotal: 1_500_001, municipalitiesAmount: 1_000_001, method: 'population' });
    expect(saved.body.current).toMatchObject({ reason: 'financingChanged', amount: 1_000_001, computedBy: expect.any(String) });
    expect(saved.body.current!.lines.map((l) => l.municipalityNumber)).toEqual([HADSEL, SORTLAND, ANDOY]);
    expect(sum(saved.body)).toBe(1_000_001);
    const [hadsel, sortland] = saved.body.current!.lines;
    expect(hadsel!.municipalityName).toBe('Hadsel');
    // More people, a larger share.
    expect(sortland!.population > hadsel!.population).toBe(sortland!.amount > hadsel!.amount);
    const [row] = await t.db.select().from(projectFinancing).where(eq(projectFinancing.projectId, project.id));
    expect((await latestAudit(t.db, 'projectFinancing', row!.id)).action).toBe('create');
    const read = await member.get<ProjectFinancing>(`/api/projects/${project.id}/financing`);
    expect(read.body.current).toEqual(saved.body.current);
  });

  it('splits again when a municipality leaves or joins, and keeps the earlier splits', async () => {
    const project = await withParticipants(HADSEL, SORTLAND, ANDOY);
    await secretariat.put(`/api/projects/${project.id}/financing`, { ...financing(900_000), method: 'equal' });
    const answered = await secretariat.get<Project>(`/api/projects/${project.id}`);
    const andoy = answered.body.participants.find((p) => p.municipalityNumber === ANDOY)!;
    expect(
      (await secretariat.put(`/api/projects/${project.id}/participants/${ANDOY}`, { participation: 'out', version: andoy.version })).status,
    ).toBe(200);
    let read = (await secretariat.get<ProjectFinancing>(`/api/projects/${project.id}/financing`)).body;
    expect(read.current).toMatchObject({ reason: 'municipalityLeft', municipality: { number: ANDOY, name: 'Andøy' } });
    expect(read.current!.lines.map((l) => l.amount)).toEqual([450_000, 450_000]);
    expect(read.history.map((h) => h.reason)).toEqual(['financingChanged']);
    expect(read.history[0]!.lines.map((l) => l.amount)).toEqual([300_000, 300_000, 300_000]);
    expect((await latestAudit(t.db, 'projectCostSplit', read.current!.id)).action).toBe('create');

    // A reservation changed, still in: no new split.
    const sortland = (await secretariat.get<Project>(`/api/projects/${project.id}`)).body.participants.find(
      (p) => p.municipalityNumber === SORTLAND,
    )!;
    await secretariat.put(`/api/projects/${project.id}/participants/${SORTLAND}`, {
      participation: 'in',
      reservation: 'Budsjett',
      version: sortland.version,
    });
    const still = await secretariat.put(`/api/projects/${project.id}/participants/1867`, { participation: 'in' });
    expect(still.status).toBe(200);
    read = (await secretariat.get<ProjectFinancing>(`/api/projects/${project.id}/financing`)).body;
    expect(read.current).toMatchObject({ reason: 'municipalityJoined', municipality: { number: '1867' } });
    expect(read.history.map((h) => h.reason)).toEqual(['municipalityLeft', 'financingChanged']);
    expect(sum(read)).toBe(900_000);
  });

  it('splits by agreed percentages, named in Norwegian when they do not add up to 100 %', async () => {
    const project = await withParticipants(HADSEL, SORTLAND);
    const agreed = {
      ...financing(1000),
      method: 'agreed',
      percentages: [
        { municipalityNumber: HADSEL, basisPoints: 4000 },
        { municipalityNumber: SORTLAND, basisPoints: 5000 },
      ],
    };
    const bad = expectError(await secretariat.put(`/api/projects/${project.id}/financing`, agreed), 400, 'validation_failed');
    expect(bad).toEqual({ percentages: '«Avtalt prosentfordeling» må til sammen bli 100 %.' });
    const sources = expectError(
      await secretariat.put(`/api/projects/${project.id}/financing`, { ...financing(1000), costTotal: 1 }),
      400,
      'validation_failed',
    );
    expect(sources).toEqual({ sources: '«Finansieringskilder» må til sammen bli lik totalkostnaden.' });
    const notIn = expectError(
      await secretariat.put(`/api/projects/${project.id}/financing`, {
        ...agreed,
        percentages: [
          { municipalityNumber: HADSEL, basisPoints: 4000 },
          { municipalityNumber: ANDOY, basisPoints: 6000 },
        ],
      }),
      400,
      'validation_failed',
    );
    expect(notIn['percentages.1.municipalityNumber']).toContain('deltar i prosjektet');
    const ok = await secretariat.put<ProjectFinancing>(`/api/projects/${project.id}/financing`, {
      ...agreed,
      percentages: [
        { municipalityNumber: HADSEL, basisPoints: 4000 },
        { municipalityNumber: SORTLAND, basisPoints: 6000 },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.current!.lines.map((l) => [l.basisPoints, l.amount])).toEqual([
      [4000, 400],
      [6000, 600],
    ]);
  });

  it('refuses a stale save with 409, a member with 403 and another network with 404', async () => {
    const project = await withParticipants(HADSEL);
    const url = `/api/projects/${project.id}/financing`;
    expectError(await member.put(url, financing()), 403, 'forbidden');
    expectError(await outsider.put(url, financing()), 404, 'not_found');
    expectError(await outsider.get(url), 404, 'not_found');
    expectError(await outsider.get(`${url}/split/export?format=csv`), 404, 'not_found');
    const first = await secretariat.put<ProjectFinancing>(url, financing());
    expect(first.status).toBe(200);
    expectError(await secretariat.put(url, financing()), 409, 'stale_version');
    expect((await secretariat.put(url, { ...financing(), version: 1 })).status).toBe(200);
    expectError(await secretariat.put(url, { ...financing(), version: 1 }), 409, 'stale_version');
  });

  it('exports the current split as CSV and XLSX', async () => {
    const project = await withParticipants(HADSEL, SORTLAND);
    await secretariat.put(`/api/projects/${project.id}/financing`, { ...financing(1001), method: 'equal' });
    const csv = await member.request('GET', `/api/projects/${project.id}/financing/split/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const text = String(csv.body);
    expect(text).toContain('Kommunenummer;Kommune;Innbyggere;Avtalt andel (%);Beløp (kr)');
    expect(text).toContain(`${HADSEL};Hadsel;`);
    expect(text).toContain(';501\r\n');
    expect(text).toContain(';Sum;;;1001');
    const xlsx = await member.request('GET', `/api/projects/${project.id}/financing/split/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});
