import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, expectFieldErrors, latestAudit, unique } from '../../../../test/helpers.ts';
import { expectArchivalPdf } from '../../../../test/pdf.ts';
import { localStrategyVersions, networkMembers, strategyVersions } from '../../db/schema/index.ts';
import type { ActionPlan, AdoptionOverview, LocalVersion, Strategy, StrategyVersion } from '../../../shared/strategy/schema.ts';
import { MeasureUpdateSchema, StrategyContentInputSchema } from '../../../shared/strategy/schema.ts';
import { compareNorwegian } from '../../../shared/text.ts';
import { slugKey, withKeys } from './keys.ts';
import { updateDraft } from './strategies.ts';

describe('item keys', () => {
  it('are made from the title, in ASCII, unique in the list, and kept when given', () => {
    expect(slugKey('Digital kompetanse i førstelinjen')).toBe('digital-kompetanse-i-forstelinjen');
    expect(slugKey('Ærlig, åpen & øvd!')).toBe('aerlig-apen-ovd');
    expect(slugKey('!!!')).toBe('punkt');
    expect(slugKey('x'.repeat(60))).toHaveLength(40);
    const keyed = withKeys([{ title: 'Data' }, { title: 'Data' }, { key: 'data-2', title: 'Annet' }, { title: 'Data' }]);
    expect(keyed.map((i) => i.key)).toEqual(['data', 'data-3', 'data-2', 'data-4']);
  });

  it('never reuse a key another version has used, unless the item is sent with it', () => {
    const reserved = new Set(['helse', 'helse-2', 'data']);
    const keyed = withKeys([{ title: 'Helse' }, { key: 'data', title: 'Data' }, { title: 'Skole' }], reserved);
    expect(keyed.map((i) => i.key)).toEqual(['helse-3', 'data', 'skole']);
  });
});

describe('the contract', () => {
  it('has no defaults that would empty or reset what a client leaves out', () => {
    // zod 4 keeps a default inside .partial(): a measure's update must not reset its status.
    expect(MeasureUpdateSchema.parse({ title: 'Nytt navn', version: 1 })).toEqual({ title: 'Nytt navn', version: 1 });
    const missing = StrategyContentInputSchema.safeParse({ vision: 'v', focusAreas: [], benefitAreas: {} });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'benefitAreas.better',
      'benefitAreas.more',
      'benefitAreas.reduce',
      'benefitAreas.shorter',
      'principles',
    ]);
  });
});

const CONTENT = {
  vision: 'Sammen om digitale tjenester i Vesterålen.',
  mainGoal: 'Innbyggerne får gode digitale tjenester.',
  statement: 'Vi samarbeider der det gir gevinst.',
  principles: [{ title: 'Brukeren i sentrum', text: 'Vi starter med behovet.' }],
  focusAreas: [
    { title: 'Digital kompetanse', text: 'Ansatte og ledere lærer sammen.' },
    { title: 'Felles infrastruktur', text: 'Felles drift der det lønner seg.' },
  ],
  benefitAreas: { better: ['Bedre tjenester'], more: [], shorter: ['Kortere saksbehandlingstid'], reduce: ['Reduserte kostnader'] },
};

/** The text of a document as pdftotext or LibreOffice gives it, without white space (line breaks differ). */
const squash = (text: string) => text.replace(/\s+/g, '');

describe.each(DATABASE_KINDS)('strategy on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let sortland: Client;
  let member: Client;
  let lofoten: Client;
  let dir: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.vesteralenAdmin);
    sortland = await t.as(USERS.sortlandEditor);
    member = await t.as(USERS.vesteralenMember);
    lofoten = await t.as(USERS.lofotenAdmin);
    dir = mkdtempSync(join(tmpdir(), 'strategy-test-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function newStrategy(title = `Digitaliseringsstrategi ${unique()}`): Promise<Strategy> {
    const res = await secretariat.post('/api/networks/digivesteralen/strategies', { title, periodStart: 2024, periodEnd: 2027 });
    expect(res.status).toBe(201);
    return res.body;
  }
  async function published(content: unknown = CONTENT): Promise<{ strategy: Strategy; version: StrategyVersion }> {
    const strategy = await newStrategy();
    const draftId = strategy.versions[0]!.id;
    const saved = await secretariat.put(`/api/strategy-versions/${draftId}`, { content, version: 1 });
    expect(saved.status).toBe(200);
    const res = await secretariat.post(`/api/strategy-versions/${draftId}/publish`, { version: saved.body.version });
    expect(res.status).toBe(200);
    return { strategy, version: res.body };
  }

  it('lets the secretariat create a strategy with an empty draft; readers read, others are refused', async () => {
    expect((await t.anonymous().get('/api/networks/digivesteralen/strategies')).status).toBe(401);
    expectFieldErrors(
      await secretariat.post('/api/networks/digivesteralen/strategies', { title: ' ', periodStart: 2027, periodEnd: 2024 }),
      {
        title: '«Tittel» må fylles ut.',
        periodEnd: '«Periode til (år)» kan ikke være før startdatoen.',
      },
    );
    const body = { title: 'Strategi', periodStart: 2024, periodEnd: 2027 };
    expectError(await member.post('/api/networks/digivesteralen/strategies', body), 403, 'forbidden');
    expectError(await sortland.post('/api/networks/digivesteralen/strategies', body), 403, 'forbidden');
    expectError(await lofoten.post('/api/networks/digivesteralen/strategies', body), 404, 'not_found');

    const strategy = await newStrategy('Digitaliseringsstrategi for Vesterålen 2024–2027');
    expect(strategy).toMatchObject({ networkSlug: 'digivesteralen', periodStart: 2024, periodEnd: 2027, version: 1 });
    expect(strategy.versions).toEqual([expect.objectContaining({ number: 1, status: 'draft', adoptedCount: 0 })]);
    expect((await latestAudit(t.db, 'strategy', strategy.id)).networkId).toBe(await t.networkId('digivesteralen'));

    const list = await member.get<Strategy[]>('/api/networks/digivesteralen/strategies');
    expect(list.body.map((s) => s.id)).toContain(strategy.id);
    expect((await sortland.get(`/api/strategies/${strategy.id}`)).status).toBe(200);
    expectError(await lofoten.get(`/api/strategies/${strategy.id}`), 404, 'not_found');
    expectError(await lofoten.get('/api/networks/digivesteralen/strategies'), 404, 'not_found');

    const renamed = await secretariat.patch(`/api/strategies/${strategy.id}`, { periodEnd: 2028, version: 1 });
    expect(renamed.body).toMatchObject({ periodEnd: 2028, version: 2 });
    expectError(await secretariat.patch(`/api/strategies/${strategy.id}`, { periodEnd: 2029, version: 1 }), 409, 'stale_version');
    expectFieldErrors(await secretariat.patch(`/api/strategies/${strategy.id}`, { periodEnd: 2020, version: 2 }), {
      periodEnd: '«Periode til (år)» kan ikke være før startdatoen.',
    });
  });

  it('saves a draft whole, publishes it, locks it, and copies it with its keys into a revision', async () => {
    const strategy = await newStrategy();
    const draftId = strategy.versions[0]!.id;

    const bad = await secretariat.put(`/api/strategy-versions/${draftId}`, {
      content: { ...CONTENT, focusAreas: [{ title: '' }, { key: 'Ugyldig nøkkel', title: 'X' }] },
      version: 1,
    });
    expectFieldErrors(bad, {
      'content.focusAreas.0.title': '«Tittel på innsatsområde» må fylles ut.',
      'content.focusAreas.1.key': '«Nøkkel til innsatsområde» er ugyldig.',
    });
    const emptyPublish = await secretariat.post(`/api/strategy-versions/${draftId}/publish`, { version: 1 });
    expect(expectError(emptyPublish, 400, 'validation_failed')).toEqual({
      'content.vision': '«Visjon» må fylles ut.',
      'content.focusAreas': '«Innsatsområder» må fylles ut.',
    });

    const content = { ...CONTENT, focusAreas: [...CONTENT.focusAreas, { key: 'egen-nokkel', title: 'Digital kompetanse' }] };
    const saved = await secretariat.put<StrategyVersion>(`/api/strategy-versions/${draftId}`, {
      content,
      changeNote: 'Første utkast',
      version: 1,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.content.focusAreas.map((a) => a.key)).toEqual(['digital-kompetanse', 'felles-infrastruktur', 'egen-nokkel']);
    expect(saved.body.content.principles).toEqual([
      { key: 'brukeren-i-sentrum', title: 'Brukeren i sentrum', text: 'Vi starter med behovet.' },
    ]);
    expect(saved.body).toMatchObject({ status: 'draft', changeNote: 'Første utkast', version: 2 });
    // A save is the whole content: a part left out is refused by name, not emptied.
    const { principles, ...withoutPrinciples } = saved.body.content;
    expectFieldErrors(await secretariat.put(`/api/strategy-versions/${draftId}`, { content: withoutPrinciples, version: 2 }), {
      'content.principles': '«Prinsipper» må fylles ut.',
    });
    const unchanged = await secretariat.get<StrategyVersion>(`/api/strategy-versions/${draftId}`);
    expect(unchanged.body.version).toBe(2);
    expect(unchanged.body.content.principles).toEqual(principles);
    expectError(await secretariat.put(`/api/strategy-versions/${draftId}`, { content, version: 1 }), 409, 'stale_version');
    expectError(await member.put(`/api/strategy-versions/${draftId}`, { content, version: 2 }), 403, 'forbidden');
    expectError(await lofoten.get(`/api/strategy-versions/${draftId}`), 404, 'not_found');

    // Renaming a focus area keeps its key; the keys sent back are kept.
    const renamed = saved.body.content.focusAreas.map((a, i) => (i === 0 ? { ...a, title: 'Kompetanse for alle' } : a));
    const second = await secretariat.put<StrategyVersion>(`/api/strategy-versions/${draftId}`, {
      content: { ...saved.body.content, focusAreas: renamed },
      version: 2,
    });
    expect(second.body.content.focusAreas[0]).toMatchObject({ key: 'digital-kompetanse', title: 'Kompetanse for alle' });

    const published = await secretariat.post<StrategyVersion>(`/api/strategy-versions/${draftId}/publish`, { version: 3 });
    expect(published.body).toMatchObject({ status: 'published', version: 4, publishedAt: expect.any(String) });
    expect((await latestAudit(t.db, 'strategyVersion', draftId)).action).toBe('publish');
    expectError(await secretariat.put(`/api/strategy-versions/${draftId}`, { content, version: 4 }), 423, 'locked');
    expectError(await secretariat.post(`/api/strategy-versions/${draftId}/publish`, { version: 4 }), 423, 'locked');
    expectError(await secretariat.delete(`/api/strategy-versions/${draftId}?version=4`), 423, 'locked');

    const revision = await secretariat.post<StrategyVersion>(`/api/strategies/${strategy.id}/versions`);
    expect(revision.status).toBe(201);
    expect(revision.body).toMatchObject({ number: 2, status: 'draft', publishedAt: null });
    expect(revision.body.content).toEqual(published.body.content);
    expectError(await secretariat.post(`/api/strategies/${strategy.id}/versions`), 409, 'conflict');

    const v2 = await secretariat.put<StrategyVersion>(`/api/strategy-versions/${revision.body.id}`, {
      content: { ...revision.body.content, focusAreas: [...revision.body.content.focusAreas, { title: 'Data og deling' }] },
      changeNote: 'Rullert',
      version: revision.body.version,
    });
    expect(v2.body.content.focusAreas.map((a) => a.key)).toEqual([
      'digital-kompetanse',
      'felles-infrastruktur',
      'egen-nokkel',
      'data-og-deling',
    ]);
    const publishedV2 = await secretariat.post(`/api/strategy-versions/${revision.body.id}/publish`, { version: v2.body.version });
    expect(publishedV2.body).toMatchObject({ number: 2, status: 'published' });
    const after = await member.get<Strategy>(`/api/strategies/${strategy.id}`);
    expect(after.body.versions.map((v) => [v.number, v.status])).toEqual([
      [2, 'published'],
      [1, 'published'],
    ]);

    // A draft may be deleted, but not a strategy's only version.
    const third = await secretariat.post<StrategyVersion>(`/api/strategies/${strategy.id}/versions`);
    expectError(await secretariat.delete(`/api/strategy-versions/${third.body.id}?version=7`), 409, 'stale_version');
    expect((await secretariat.delete(`/api/strategy-versions/${third.body.id}?version=1`)).status).toBe(200);
    expect((await latestAudit(t.db, 'strategyVersion', third.body.id)).action).toBe('delete');
    const lonely = await newStrategy();
    expectError(await secretariat.delete(`/api/strategy-versions/${lonely.versions[0]!.id}?version=1`), 409, 'in_use');
  });

  it("keeps each municipality's version beside the shared text, written by its editors and the secretariat", async () => {
    const { strategy, version } = await published();
    const url = `/api/strategy-versions/${version.id}/municipalities/1870`;
    const empty = await member.get<LocalVersion>(url);
    expect(empty.body).toMatchObject({
      id: null,
      version: null,
      municipalityName: expect.stringMatching(/^Sortland/),
      decision: { status: 'notStarted' },
    });

    const body = {
      localTexts: { vision: 'Sortland legger til sitt.', focusAreas: 'Sortland prioriterer kompetanse.' },
      decision: { status: 'adopted', bodyName: 'Kommunestyret', date: '2025-03-12', caseNumber: 'PS 45/25' },
    };
    expectFieldErrors(await sortland.put(url, { ...body, decision: { status: 'adopted' } }), {
      'decision.date': '«Vedtaksdato» må fylles ut.',
    });
    expectError(await lofoten.put(url, body), 404, 'not_found');
    expectError(await member.put(url, body), 403, 'forbidden');
    const bo = await t.createUser([{ role: 'municipalityEditor', municipalityNumber: '1867' }]);
    expectError(await (await t.as(bo.email)).put(url, body), 403, 'forbidden');

    const saved = await sortland.put<LocalVersion>(url, body);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ localTexts: body.localTexts, decision: body.decision, version: 1 });
    expect((await latestAudit(t.db, 'localStrategyVersion', saved.body.id!)).networkId).toBe(strategy.networkId);
    expectError(await secretariat.put(url, body), 409, 'stale_version');
    expectError(await secretariat.put(url, { ...body, version: 7 }), 409, 'stale_version');
    expect((await secretariat.put(url, { ...body, version: 1 })).body.version).toBe(2);

    // Not for a draft, nor for a municipality outside the network.
    const draft = await secretariat.post<StrategyVersion>(`/api/strategies/${strategy.id}/versions`);
    expectError(await sortland.put(`/api/strategy-versions/${draft.body.id}/municipalities/1870`, body), 404, 'not_found');
    expectError(await secretariat.put(`/api/strategy-versions/${version.id}/municipalities/1865`, body), 404, 'not_found');

    const hadsel = `/api/strategy-versions/${version.id}/municipalities/1866`;
    expectFieldErrors(await secretariat.put(hadsel, { decision: { status: 'underConsideration' } }), {
      localTexts: '«Lokal tekst» må fylles ut.',
    });
    await secretariat.put(hadsel, { localTexts: {}, decision: { status: 'underConsideration', bodyName: 'Formannskapet' } });
    const overview = await member.get<AdoptionOverview>(`/api/strategies/${strategy.id}/adoptions`);
    expect(overview.body.versions).toEqual([{ id: version.id, number: 1, publishedAt: expect.any(String) }]);
    expect(overview.body.municipalities.map((m) => m.number).sort()).toEqual(['1851', '1866', '1867', '1868', '1870', '1871']);
    const names = overview.body.municipalities.map((m) => m.name);
    expect(names).toEqual([...names].sort(compareNorwegian));
    const statuses = Object.fromEntries(overview.body.municipalities.map((m) => [m.number, m.decisions[0]!.status]));
    expect(statuses).toMatchObject({ '1870': 'adopted', '1866': 'underConsideration', '1867': 'notStarted' });
    expect((await member.get<Strategy>(`/api/strategies/${strategy.id}`)).body.versions.at(-1)!.adoptedCount).toBe(1);

    const csv = await member.get(`/api/strategies/${strategy.id}/adoptions?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(String(csv.body)).toContain('Kommunenummer;Kommune;Versjon;Status;Vedtatt av;Vedtaksdato;Saksnummer');
    expect(String(csv.body)).toMatch(/1870;Sortland[^;]*;1;Vedtatt;Kommunestyret;2025-03-12;PS 45\/25/);
    expect((await member.get(`/api/strategies/${strategy.id}/adoptions?format=xlsx`)).status).toBe(200);
    expectError(await lofoten.get(`/api/strategies/${strategy.id}/adoptions`), 404, 'not_found');
  });

  it('exports the network version and each municipality version, in its written standard, as PDF and DOCX', async () => {
    const admin = await t.as(USERS.platformAdmin);
    const hadsel = await admin.get('/api/municipalities/1866');
    expect((await admin.patch('/api/municipalities/1866', { writtenStandard: 'nynorsk', version: hadsel.body.version })).status).toBe(200);
    const { version } = await published();
    await sortland.put(`/api/strategy-versions/${version.id}/municipalities/1870`, {
      localTexts: { mainGoal: 'Sortlands eget hovedmål.' },
      decision: { status: 'adopted', bodyName: 'Kommunestyret', date: '2025-03-12', caseNumber: 'PS 45/25' },
    });
    await secretariat.put(`/api/strategy-versions/${version.id}/municipalities/1866`, {
      localTexts: { focusAreas: 'Hadsel tek del i alt.' },
      decision: { status: 'adopted', bodyName: 'Kommunestyret', date: '2025-04-02', caseNumber: '25/118' },
    });

    const pdfText = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: member.cookie ?? '' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const file = join(dir, `${unique()}.pdf`);
      writeFileSync(file, res.rawPayload);
      return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    };
    const network = squash(await pdfText(`/api/strategy-versions/${version.id}/export?format=pdf`));
    for (const text of [
      'Visjon',
      CONTENT.vision,
      'Hovedmål',
      'Innsatsområder',
      'Digital kompetanse',
      'Gevinstområder',
      'Kortere',
      'Reduserte kostnader',
    ])
      expect(network).toContain(squash(text));

    const sortlandPdf = squash(await pdfText(`/api/strategy-versions/${version.id}/municipalities/1870/export?format=pdf`));
    for (const text of ['Hovedmål', CONTENT.mainGoal, 'Lokal tilpasning for Sortland', 'Sortlands eget hovedmål.', 'Politisk vedtak'])
      expect(sortlandPdf).toContain(squash(text));
    expect(sortlandPdf).toContain(squash('Vedtatt i Kommunestyret 12.03.2025, sak PS 45/25.'));
    expect(sortlandPdf.indexOf(squash(CONTENT.mainGoal))).toBeLessThan(sortlandPdf.indexOf(squash('Sortlands eget hovedmål.')));

    // Hadsel writes nynorsk: the DOCX, read back by LibreOffice, has nynorsk labels.
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/strategy-versions/${version.id}/municipalities/1866/export?format=docx`,
      headers: { cookie: member.cookie ?? '' },
    });
    expect(res.statusCode).toBe(200);
    const docx = join(dir, 'hadsel.docx');
    writeFileSync(docx, res.rawPayload);
    await promisify(execFile)(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, docx],
      { timeout: 110_000 },
    );
    const text = squash(readFileSync(join(dir, 'hadsel.txt'), 'utf8'));
    for (const label of [
      'Hovudmål',
      'Innsatsområde',
      'Gevinstområde',
      'Betre',
      'Kortare',
      'Lokal tilpassing for Hadsel',
      'Hadsel tek del i alt.',
    ])
      expect(text).toContain(squash(label));
    expect(text).toContain(squash('Vedteken i Kommunestyret 02.04.2025, sak 25/118.'));
    expect(text).not.toContain('Hovedmål');

    // The PDFs are tagged PDF/A: the network's in bokmål, Hadsel's in nynorsk.
    const pdfOf = async (url: string) => (await t.app.inject({ method: 'GET', url, headers: { cookie: member.cookie ?? '' } })).rawPayload;
    const strategy = (await member.get<Strategy>(`/api/strategies/${version.strategyId}`)).body;
    expectArchivalPdf(await pdfOf(`/api/strategy-versions/${version.id}/export?format=pdf`), {
      title: strategy.title,
      language: 'nb',
      headings: [
        ['H1', strategy.title],
        ['H2', 'Visjon'],
        ['H2', 'Hovedmål'],
        ['H2', 'Innsatsområder'],
        ['H3', 'Digital kompetanse'],
        ['H2', 'Gevinstområder'],
      ],
      list: true,
    });
    expectArchivalPdf(await pdfOf(`/api/strategy-versions/${version.id}/municipalities/1866/export?format=pdf`), {
      title: strategy.title,
      language: 'nn',
      headings: [
        ['H1', strategy.title],
        ['H2', 'Hovudmål'],
        ['H2', 'Innsatsområde'],
        ['H3', 'Lokal tilpassing for Hadsel'],
        ['H2', 'Gevinstområde'],
        ['H2', 'Politisk vedtak'],
      ],
      list: true,
    });
  }, 120_000);

  it('keeps yearly action plans with measures on focus areas and a report per tertial', async () => {
    const { strategy } = await published();
    const created = await secretariat.post<ActionPlan>(`/api/strategies/${strategy.id}/action-plans`, { year: 2025 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ year: 2025, measures: [], totalBudget: 0 });
    expect(expectError(await secretariat.post(`/api/strategies/${strategy.id}/action-plans`, { year: 2025 }), 409, 'conflict')).toEqual({
      year: '«År» finnes allerede.',
    });
    expectError(await member.post(`/api/strategies/${strategy.id}/action-plans`, { year: 2026 }), 403, 'forbidden');
    // A plan belongs to a year of the strategy's period (2024–2027).
    expectFieldErrors(await secretariat.post(`/api/strategies/${strategy.id}/action-plans`, { year: 2023 }), {
      year: '«År» må være minst 2024.',
    });
    expectFieldErrors(await secretariat.post(`/api/strategies/${strategy.id}/action-plans`, { year: 2028 }), {
      year: '«År» kan være høyst 2027.',
    });
    const planId = created.body.id;

    const measure = {
      title: 'Kompetanseløft',
      focusAreaKey: 'digital-kompetanse',
      owner: 'Sekretariatet',
      budget: 250_000,
      status: 'ongoing',
    };
    expectFieldErrors(await secretariat.post(`/api/action-plans/${planId}/measures`, { ...measure, focusAreaKey: 'finnes-ikke' }), {
      focusAreaKey: '«Innsatsområde» må være ett av valgene.',
    });
    expectFieldErrors(await secretariat.post(`/api/action-plans/${planId}/measures`, { ...measure, title: '', budget: -1, status: 'x' }), {
      title: '«Tittel» må fylles ut.',
      budget: '«Budsjett» må være minst 0.',
      status: '«Status» må være ett av valgene.',
    });
    const withOne = await secretariat.post<ActionPlan>(`/api/action-plans/${planId}/measures`, measure);
    expect(withOne.status).toBe(201);
    const added = await secretariat.post<ActionPlan>(`/api/action-plans/${planId}/measures`, {
      title: 'Felles plattform',
      budget: 100_000,
    });
    expect(added.body.totalBudget).toBe(350_000);
    const [first, second] = added.body.measures;
    expect(first).toMatchObject({ title: 'Kompetanseløft', focusAreaTitle: 'Digital kompetanse', status: 'ongoing', version: 1 });
    expect(second).toMatchObject({ focusAreaKey: null, focusAreaTitle: null, status: 'planned' });

    const patched = await secretariat.patch<ActionPlan>(`/api/action-measures/${second!.id}`, {
      focusAreaKey: 'felles-infrastruktur',
      version: 1,
    });
    expect(patched.body.measures[1]).toMatchObject({ focusAreaTitle: 'Felles infrastruktur', version: 2 });
    // A partial update changes only what it sends: the status stays.
    const renamed = await secretariat.patch<ActionPlan>(`/api/action-measures/${first!.id}`, { title: 'Kompetanseløft 2025', version: 1 });
    expect(renamed.body.measures[0]).toMatchObject({ title: 'Kompetanseløft 2025', status: 'ongoing', budget: 250_000, version: 2 });
    expectError(await secretariat.patch(`/api/action-measures/${second!.id}`, { owner: 'X', version: 1 }), 409, 'stale_version');
    expectError(await member.patch(`/api/action-measures/${second!.id}`, { owner: 'X', version: 2 }), 403, 'forbidden');
    expectError(await lofoten.patch(`/api/action-measures/${second!.id}`, { owner: 'X', version: 2 }), 404, 'not_found');

    const reportUrl = `/api/action-measures/${first!.id}/reports/1`;
    expectFieldErrors(await secretariat.put(reportUrl, { status: 'blue', spent: 'mye' }), {
      status: '«Status» må være ett av valgene.',
      spent: '«Forbrukt» har feil type.',
    });
    expectError(await secretariat.put(`/api/action-measures/${first!.id}/reports/4`, { status: 'green' }), 400, 'validation_failed');
    const reported = await secretariat.put<ActionPlan>(reportUrl, { status: 'yellow', comment: 'Forsinket oppstart.', spent: 40_000 });
    expect(reported.status).toBe(200);
    const report = reported.body.measures[0]!.reports[0]!;
    expect(report).toMatchObject({ tertial: 1, status: 'yellow', spent: 40_000, version: 1, reportedBy: expect.any(String) });
    expect((await latestAudit(t.db, 'measureReport', report.id)).action).toBe('create');
    expectError(await secretariat.put(reportUrl, { status: 'green' }), 409, 'stale_version');
    expect((await secretariat.put<ActionPlan>(reportUrl, { status: 'green', version: 1 })).body.measures[0]!.reports[0]).toMatchObject({
      status: 'green',
      version: 2,
    });

    // A published revision that removes a focus area: the measure keeps the key and shows its last title.
    const revision = await secretariat.post<StrategyVersion>(`/api/strategies/${strategy.id}/versions`);
    const revised = await secretariat.put<StrategyVersion>(`/api/strategy-versions/${revision.body.id}`, {
      content: { ...revision.body.content, focusAreas: revision.body.content.focusAreas.slice(1) },
      version: revision.body.version,
    });
    expect((await secretariat.post(`/api/strategy-versions/${revision.body.id}/publish`, { version: revised.body.version })).status).toBe(
      200,
    );
    const plan = await member.get<ActionPlan>(`/api/action-plans/${planId}`);
    expect(plan.body.measures[0]).toMatchObject({ focusAreaKey: 'digital-kompetanse', focusAreaTitle: 'Digital kompetanse' });
    expectFieldErrors(await secretariat.post(`/api/action-plans/${planId}/measures`, measure), {
      focusAreaKey: '«Innsatsområde» må være ett av valgene.',
    });

    const csv = await member.get(`/api/action-plans/${planId}/export?format=csv`);
    expect(String(csv.body)).toContain('Kompetanseløft 2025;;Digital kompetanse;Sekretariatet;250000;Pågår;Grønn;');
    expect((await member.get<ActionPlan[]>(`/api/strategies/${strategy.id}/action-plans`)).body.map((p) => p.year)).toEqual([2025]);

    // A measure with tertial reports has been reported on: it is cancelled, never deleted with its reports.
    expectError(await secretariat.delete(`/api/action-measures/${first!.id}?version=2`), 409, 'in_use');
    const cancelled = await secretariat.patch<ActionPlan>(`/api/action-measures/${first!.id}`, { status: 'cancelled', version: 2 });
    expect(cancelled.body.measures[0]).toMatchObject({ status: 'cancelled', reports: [expect.objectContaining({ status: 'green' })] });

    expectError(await secretariat.delete(`/api/action-measures/${second!.id}?version=9`), 409, 'stale_version');
    const after = await secretariat.delete<ActionPlan>(`/api/action-measures/${second!.id}?version=2`);
    expect(after.body.measures.map((m) => m.title)).toEqual(['Kompetanseløft 2025']);
    expect((await latestAudit(t.db, 'actionMeasure', second!.id)).action).toBe('delete');
  });

  it('lets measures point only at focus areas of the newest published version, never a draft', async () => {
    const { strategy } = await published();
    const plan = await secretariat.post<ActionPlan>(`/api/strategies/${strategy.id}/action-plans`, { year: 2026 });
    const revision = await secretariat.post<StrategyVersion>(`/api/strategies/${strategy.id}/versions`);
    // The draft drops «Digital kompetanse», renames «Felles infrastruktur» and adds «Data og deling».
    const [kompetanse, infrastruktur] = revision.body.content.focusAreas;
    const draft = await secretariat.put<StrategyVersion>(`/api/strategy-versions/${revision.body.id}`, {
      content: {
        ...revision.body.content,
        focusAreas: [{ ...infrastruktur!, title: 'Utkast: drift' }, { title: 'Data og deling' }],
      },
      version: revision.body.version,
    });
    expect(draft.body.content.focusAreas.map((a) => a.key)).toEqual(['felles-infrastruktur', 'data-og-deling']);

    const url = `/api/action-plans/${plan.body.id}/measures`;
    expectFieldErrors(await secretariat.post(url, { title: 'Datadeling', focusAreaKey: 'data-og-deling' }), {
      focusAreaKey: '«Innsatsområde» må være ett av valgene.',
    });
    const added = await secretariat.post<ActionPlan>(url, { title: 'Kurs', focusAreaKey: kompetanse!.key });
    expect(added.status).toBe(201);
    const drift = await secretariat.post<ActionPlan>(url, { title: 'Drift', focusAreaKey: 'felles-infrastruktur' });
    // Titles are the published ones, not the draft's.
    expect(drift.body.measures.map((m) => [m.title, m.focusAreaTitle])).toEqual([
      ['Kurs', 'Digital kompetanse'],
      ['Drift', 'Felles infrastruktur'],
    ]);
  });

  it('gives a new item a key no version has used, so measures of a removed area do not move to a new one', async () => {
    const { strategy } = await published();
    const revision = await secretariat.post<StrategyVersion>(`/api/strategies/${strategy.id}/versions`);
    const [kompetanse, ...rest] = revision.body.content.focusAreas;
    // «Digital kompetanse» removed, and a new area with the same title added: it is another area, with another key.
    const removed = await secretariat.put<StrategyVersion>(`/api/strategy-versions/${revision.body.id}`, {
      content: { ...revision.body.content, focusAreas: [...rest, { title: 'Digital kompetanse', text: 'Noe annet.' }] },
      version: revision.body.version,
    });
    expect(removed.body.content.focusAreas.map((a) => a.key)).toEqual(['felles-infrastruktur', 'digital-kompetanse-2']);
    // Sent back with its own key, the old area keeps it.
    const restored = await secretariat.put<StrategyVersion>(`/api/strategy-versions/${revision.body.id}`, {
      content: { ...revision.body.content, focusAreas: [kompetanse!, ...rest] },
      version: removed.body.version,
    });
    expect(restored.body.content.focusAreas.map((a) => a.key)).toEqual(['digital-kompetanse', 'felles-infrastruktur']);
  });

  it('counts as having adopted a version only current members, each once', async () => {
    const { strategy, version } = await published();
    await sortland.put(`/api/strategy-versions/${version.id}/municipalities/1870`, {
      localTexts: {},
      decision: { status: 'adopted', bodyName: 'Kommunestyret', date: '2025-03-12' },
    });
    // Vågan was a member once and adopted then; Sortland has two current membership rows.
    const added = await t.db
      .insert(networkMembers)
      .values([
        { networkId: strategy.networkId, municipalityNumber: '1865', joinedOn: '2019-01-01', leftOn: '2021-01-01' },
        { networkId: strategy.networkId, municipalityNumber: '1870', joinedOn: '2010-01-01' },
      ])
      .returning({ id: networkMembers.id });
    try {
      await t.db
        .insert(localStrategyVersions)
        .values({ strategyVersionId: version.id, municipalityNumber: '1865', decisionStatus: 'adopted', decisionDate: '2020-06-01' });
      const read = await member.get<Strategy>(`/api/strategies/${strategy.id}`);
      expect(read.body.versions[0]!.adoptedCount).toBe(1);
      const overview = await member.get<AdoptionOverview>(`/api/strategies/${strategy.id}/adoptions`);
      expect(overview.body.municipalities.filter((m) => m.decisions[0]!.status === 'adopted').map((m) => m.number)).toEqual(['1870']);
    } finally {
      await t.db.delete(networkMembers).where(
        inArray(
          networkMembers.id,
          added.map((a) => a.id),
        ),
      );
    }
  });

  it('dates a document by the day in Norway it was published, not the day in UTC', async () => {
    const { version } = await published();
    // 00:30 on 13 March in Norway.
    await t.db
      .update(strategyVersions)
      .set({ publishedAt: new Date('2025-03-12T23:30:00Z') })
      .where(eq(strategyVersions.id, version.id));
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/strategy-versions/${version.id}/export?format=pdf`,
      headers: { cookie: member.cookie ?? '' },
    });
    expect(res.statusCode).toBe(200);
    const file = join(dir, `${unique()}.pdf`);
    writeFileSync(file, res.rawPayload);
    const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    expect(text).toContain(squash('publisert 13.03.2025'));
    expect(text).not.toContain(squash('12.03.2025'));
  });

  it('changes a draft only while it is a draft: published meanwhile is 423, saved meanwhile 409', async () => {
    const strategy = await newStrategy();
    const draftId = strategy.versions[0]!.id;
    // Published behind the service's back, at the same version: the update itself must refuse it.
    await t.db.update(strategyVersions).set({ status: 'published' }).where(eq(strategyVersions.id, draftId));
    await expect(updateDraft(t.db, draftId, 1, { changeNote: 'x' })).rejects.toMatchObject({ code: 'locked', status: 423 });
    await t.db.update(strategyVersions).set({ status: 'draft' }).where(eq(strategyVersions.id, draftId));
    await expect(updateDraft(t.db, draftId, 7, { changeNote: 'x' })).rejects.toMatchObject({ code: 'stale_version', status: 409 });
    expect((await updateDraft(t.db, draftId, 1, { changeNote: 'x' })).version).toBe(2);
  });

  it('shows only published versions publicly: a marker in a draft appears in no public answer', async () => {
    const marker = `HEMMELIG-${unique()}`;
    const { strategy, version } = await published();
    const revision = await secretariat.post<StrategyVersion>(`/api/strategies/${strategy.id}/versions`);
    await secretariat.put(`/api/strategy-versions/${revision.body.id}`, {
      content: { ...revision.body.content, vision: marker, focusAreas: [...revision.body.content.focusAreas, { title: marker }] },
      changeNote: marker,
      version: revision.body.version,
    });
    const hidden = await newStrategy(`Kladd ${marker}`);
    await sortland.put(`/api/strategy-versions/${version.id}/municipalities/1870`, {
      localTexts: {},
      decision: { status: 'adopted', bodyName: 'Kommunestyret', date: '2025-03-12', caseNumber: 'PS 45/25' },
    });

    const anonymous = t.anonymous();
    const list = await anonymous.get('/api/public/networks/digivesteralen/strategies');
    expect(list.status).toBe(200);
    const mine = (list.body as Array<{ strategy: Strategy; version: StrategyVersion }>).find((s) => s.strategy.id === strategy.id)!;
    expect(mine.version.id).toBe(version.id);
    expect(mine.strategy.versions.map((v) => v.status)).toEqual(['published']);
    expect(mine.strategy.versions[0]!.adoptedCount).toBe(1);
    expect(list.body.some((s: { strategy: Strategy }) => s.strategy.id === hidden.id)).toBe(false);

    const answers = [
      JSON.stringify(list.body),
      JSON.stringify((await anonymous.get(`/api/public/strategy-versions/${version.id}`)).body),
      JSON.stringify((await anonymous.get(`/api/public/strategies/${strategy.id}/adoptions`)).body),
    ];
    const pdf = await t.app.inject({ method: 'GET', url: `/api/public/strategy-versions/${version.id}/export?format=pdf` });
    expect(pdf.statusCode).toBe(200);
    const file = join(dir, 'public.pdf');
    writeFileSync(file, pdf.rawPayload);
    answers.push(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    const docx = await t.app.inject({ method: 'GET', url: `/api/public/strategy-versions/${version.id}/export?format=docx` });
    expect(docx.statusCode).toBe(200);
    for (const answer of answers) expect(answer).not.toContain(marker);
    expect(answers[2]).toContain('PS 45/25');

    expectError(await anonymous.get(`/api/public/strategy-versions/${revision.body.id}`), 404, 'not_found');
    expect((await t.app.inject({ method: 'GET', url: `/api/public/strategy-versions/${revision.body.id}/export` })).statusCode).toBe(404);
    expectError(await anonymous.get(`/api/public/strategies/${hidden.id}/adoptions`), 404, 'not_found');
    expectError(await anonymous.get(`/api/strategy-versions/${version.id}`), 401, 'unauthenticated');
  });
});
