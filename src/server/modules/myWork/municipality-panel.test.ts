import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { DEMO_CHIEF_EXECUTIVE } from '../../demo/projects.ts';
import { and, eq } from 'drizzle-orm';
import { benefitIndicators, benefits, indicatorTargets, projectParticipants, projects } from '../../db/schema/index.ts';
import { PANEL_FOLD, type MunicipalityPanel } from '../../../shared/myWork/schema.ts';

/**
 * The municipality's page: its chief executive and contacts read it without a network role; another municipality's
 * contact is refused (404, as for what does not exist); a network's secretariat reads the parts in its own networks.
 */
describe.each(DATABASE_KINDS)('municipality panel on %s', (kind) => {
  let t: TestApp;
  let chief: Client;
  let contact: Client;
  beforeAll(async () => {
    t = await startTestApp(kind);
    [chief, contact] = await Promise.all([t.as(DEMO_CHIEF_EXECUTIVE.email), t.as(USERS.sortlandEditor)]);
  });
  afterAll(() => t.close());
  const panel = (c: Client, number = '1870', year?: number) =>
    c.get<MunicipalityPanel>(`/api/municipalities/${number}/panel${year ? `?year=${year}` : ''}`);

  it('answers 401 without login, 400 naming a bad number or year, 404 for an unknown municipality', async () => {
    expect((await panel(t.anonymous())).status).toBe(401);
    const bad = await contact.get('/api/municipalities/18x0/panel');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('number');
    const badYear = await contact.get('/api/municipalities/1870/panel?year=abc');
    expect(badYear.status).toBe(400);
    expect(badYear.body.error.fields).toHaveProperty('year');
    expect((await panel(contact, '0000')).status).toBe(404);
    // The platform administrator's page is read in one statement with the municipality: none is none there too.
    expect((await panel(await t.as(USERS.platformAdmin), '0000')).status).toBe(404);
  });

  it("Sortland's chief executive, without a role, reads Sortland's page: memberships, representatives, DigiHelse with its light, strategy, the reservation-free participation", async () => {
    const res = await panel(chief, '1870', 2026);
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p).toMatchObject({ number: '1870', year: 2026 });
    expect(p.memberships.map((m) => m.network.slug).sort()).toEqual(['diginordland', 'digivesteralen']);
    const vest = p.memberships.find((m) => m.network.slug === 'digivesteralen')!;
    expect(vest.isHost).toBe(true);
    expect(vest.representatives.some((r) => r.bodyName === 'Vesterålen kommunedirektørutvalg')).toBe(true);
    const digiHelse = p.projects.find((x) => x.title === 'Felles innføring av DigiHelse i Vesterålen')!;
    expect(digiHelse).toMatchObject({ phase: 'planning', light: expect.stringMatching(/^(green|yellow|red)$/) });
    expect(digiHelse.href).toBe(`/n/digivesteralen/prosjekter/${digiHelse.id}`);
    expect(p.benefits.length).toBeGreaterThan(0);
    expect(p.benefits.every((b) => b.achievement === null || typeof b.achievement === 'number')).toBe(true);
    // What it pays: the sum of the lines shown.
    expect(p.paysInYear).toBe(p.payments.reduce((s, x) => s + x.total, 0));
    for (const pay of p.payments) expect(pay.total).toBe((pay.fee ?? 0) + pay.shares.reduce((s, x) => s + (x.forYear ?? 0), 0));
    // DigiHelse's 453 422 kr for Sortland runs 2026-08-01..2027-12-31: 153 of 518 days in 2026, 453 422 × 153 ÷ 518 =
    // 133 925,8, rounded down; the statement has the same part.
    const share = p.payments.flatMap((x) => x.shares).find((x) => x.title === 'Felles innføring av DigiHelse i Vesterålen')!;
    expect(share).toMatchObject({ wholePeriod: 453_422, forYear: 133_925 });
    expect(p.payments.length).toBeGreaterThan(0);
    // Its mapping is its own; the chief executive does not edit it, and is given counts without the link.
    expect(p.mapping.href).toBeNull();
  });

  it("Sortland's contact reads it with the mapping link; Andøy's contact and Helgeland's secretariat are refused", async () => {
    const res = await panel(contact);
    expect(res.status).toBe(200);
    expect(res.body.mapping.href).toBe('/kommuner/1870/kartlegging');
    // The contact's and the administrator's pages are read with the municipality in one statement, the chief
    // executive's after a look-up of its seats: the same page, but for the mapping link the chief executive lacks.
    const admins = await panel(await t.as(USERS.platformAdmin));
    const chiefs = await panel(chief);
    expect(admins.body).toEqual(res.body);
    expect(chiefs.body).toEqual({ ...res.body, mapping: { ...res.body.mapping, href: null } });
    const andoy = await t.as((await t.createUser([{ role: 'municipalityEditor', municipalityNumber: '1871' }])).email);
    expect((await panel(andoy)).status).toBe(404);
    expect((await panel(await t.as(USERS.helgelandAdmin))).status).toBe(404);
    expect((await panel(chief, '1871')).status).toBe(404);
    // The chief executive of Sortland is not the contact of Andøy, nor the member of a network: no other page.
    expect((await panel(await t.as(USERS.vesteralenMember), '1871')).status).toBe(200);
  });

  it("a network's secretariat sees only its own network's part of a municipality in several", async () => {
    const res = await panel(await t.as(USERS.vesteralenAdmin));
    expect(res.status).toBe(200);
    expect(res.body.memberships.map((m) => m.network.slug)).toEqual(['digivesteralen']);
    expect(res.body.projects.every((p) => p.network.slug === 'digivesteralen')).toBe(true);
  });

  it('folds a long page: the first projects and benefit targets with their counts, all of them on asking', async () => {
    const [project] = await t.db
      .select({ id: projects.id, networkId: projects.networkId })
      .from(projects)
      .where(eq(projects.title, 'Felles innføring av DigiHelse i Vesterålen'));
    // More projects than the fold, older than the demo's, so they come last.
    const older = await t.db
      .insert(projects)
      .values(
        Array.from({ length: PANEL_FOLD + 1 }, (_, i) => ({
          networkId: project!.networkId,
          year: 2019,
          sequence: i + 1,
          title: `Eldre ${i + 1}`,
        })),
      )
      .returning({ id: projects.id });
    await t.db
      .insert(projectParticipants)
      .values(older.map((o) => ({ projectId: o.id, municipalityNumber: '1870', participation: 'in' as const })));
    const [benefit] = await t.db
      .insert(benefits)
      .values({ projectId: project!.id, title: 'Mange mål', type: 'quality' })
      .returning({ id: benefits.id });
    const indicators = await t.db
      .insert(benefitIndicators)
      .values(
        Array.from({ length: PANEL_FOLD + 1 }, (_, i) => ({
          benefitId: benefit!.id,
          name: `Indikator ${String(i).padStart(2, '0')}`,
          unit: 'timer',
          direction: 'increase' as const,
          additive: true,
          frequency: 'yearly' as const,
        })),
      )
      .returning({ id: benefitIndicators.id });
    await t.db.insert(indicatorTargets).values(
      indicators.map((i) => ({
        indicatorId: i.id,
        municipalityNumber: '1870',
        baselineValue: 0,
        baselineDate: '2026-01-01',
        targetValue: 10,
        targetDate: '2028-01-01',
      })),
    );
    const folded = (await panel(chief)).body;
    const whole = await chief.get<MunicipalityPanel>('/api/municipalities/1870/panel?all=true');
    expect(whole.status).toBe(200);
    expect(whole.body.benefits).toHaveLength(whole.body.benefitCount);
    expect(whole.body.benefitCount).toBeGreaterThan(PANEL_FOLD);
    expect(whole.body.projects).toHaveLength(whole.body.projectCount);
    expect(whole.body.projectCount).toBeGreaterThan(PANEL_FOLD);
    expect(folded.projects).toHaveLength(PANEL_FOLD);
    expect(whole.body.projects.at(-1)?.title).toBe('Eldre 1');
    // The folded answer is the whole one's first rows, with the same counts.
    expect(folded.benefitCount).toBe(whole.body.benefitCount);
    expect(folded.benefits).toEqual(whole.body.benefits.slice(0, PANEL_FOLD));
    expect(folded.projectCount).toBe(whole.body.projectCount);
    expect(folded.projects).toEqual(whole.body.projects.slice(0, PANEL_FOLD));
    // A project's targets together, by benefit and then indicator.
    const added = whole.body.benefits.filter((b) => b.benefitTitle === 'Mange mål').map((b) => b.indicatorName);
    expect(added).toEqual(indicators.map((_, i) => `Indikator ${String(i).padStart(2, '0')}`));
    // A deleted indicator's target is neither shown nor counted; renamed, it sorts by its new name.
    await t.db.update(benefitIndicators).set({ deletedAt: new Date() }).where(eq(benefitIndicators.id, indicators[0]!.id));
    await t.db.update(benefitIndicators).set({ name: 'Indikator 99' }).where(eq(benefitIndicators.id, indicators[1]!.id));
    const after = (await chief.get<MunicipalityPanel>('/api/municipalities/1870/panel?all=true')).body;
    expect(after.benefitCount).toBe(whole.body.benefitCount - 1);
    expect(after.benefits.map((b) => b.indicatorId)).not.toContain(indicators[0]!.id);
    expect(after.benefits.filter((b) => b.benefitTitle === 'Mange mål').at(-1)?.indicatorName).toBe('Indikator 99');
    // A reservation is among the remarks whether or not its project is among those shown (this one is not), and on the
    // project where it is listed.
    const last = whole.body.projects.at(-1)!;
    expect(folded.projects.map((p) => p.id)).not.toContain(last.id);
    await t.db
      .update(projectParticipants)
      .set({ reservation: 'Forbehold om budsjett' })
      .where(and(eq(projectParticipants.projectId, last.id), eq(projectParticipants.municipalityNumber, '1870')));
    const reserved = (await panel(chief)).body;
    expect(reserved.remarks).toContainEqual(
      expect.objectContaining({ kind: 'reservation', title: last.title, text: 'Forbehold om budsjett', href: last.href }),
    );
    const listed = (await chief.get<MunicipalityPanel>('/api/municipalities/1870/panel?all=true')).body.projects.at(-1)!;
    expect(listed).toMatchObject({ id: last.id, reservation: 'Forbehold om budsjett' });
    const bad = await chief.get('/api/municipalities/1870/panel?all=yes');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('all');
  });
});
