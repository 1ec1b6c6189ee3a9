import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { auditCount, expectError, expectFieldErrors, latestAudit } from '../../../../test/helpers.ts';
import type { Application, MunicipalityMapping } from '../../../shared/mapping/schema.ts';

const RANA = '1833';
const SORTLAND = '1870';
const BODO = '1804';

describe.each(DATABASE_KINDS)('applications and adoption on %s', (kind) => {
  let t: TestApp;
  let sortland: Client;
  let helgeland: Client;
  beforeAll(async () => {
    t = await startTestApp(kind);
    sortland = await t.as(USERS.sortlandEditor);
    helgeland = await t.as(USERS.helgelandAdmin);
  });
  afterAll(() => t.close());

  it('shows a municipality its applications and every shared solution, to those who may read it', async () => {
    expect((await t.anonymous().get(`/api/municipalities/${SORTLAND}/mapping`)).status).toBe(401);
    expectError(await (await t.as(USERS.lofotenAdmin)).get(`/api/municipalities/${SORTLAND}/mapping`), 404, 'not_found');
    expectError(await sortland.get('/api/municipalities/9999/mapping'), 404, 'not_found');

    const own = await sortland.get<MunicipalityMapping>(`/api/municipalities/${SORTLAND}/mapping`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ municipalityNumber: SORTLAND, canEdit: true });
    expect(own.body.applications.length).toBeGreaterThanOrEqual(25);
    expect(own.body.adoptions).toHaveLength(39);
    const member = await (await t.as(USERS.vesteralenMember)).get<MunicipalityMapping>(`/api/municipalities/${SORTLAND}/mapping`);
    expect(member.body.canEdit).toBe(false);

    const rana = await helgeland.get<MunicipalityMapping>(`/api/municipalities/${RANA}/mapping`);
    expect(rana.body.canEdit).toBe(true);
    const withFits = rana.body.applications.find((a) => a.functionalFit !== null && a.technicalFit !== null)!;
    const good = (n: number) => n >= 3;
    const expected = good(withFits.functionalFit!)
      ? good(withFits.technicalFit!)
        ? 'invest'
        : 'migrate'
      : good(withFits.technicalFit!)
        ? 'tolerate'
        : 'eliminate';
    expect(withFits.timeVerdict).toBe(expected);
  });

  it('adds a use of a product, by id or by name and vendor, once per municipality', async () => {
    expectFieldErrors(await sortland.post(`/api/municipalities/${SORTLAND}/applications`, {}), { productId: '«Produkt» må fylles ut.' });
    expectFieldErrors(
      await sortland.post(`/api/municipalities/${SORTLAND}/applications`, {
        product: { name: 'Kartinnsyn', vendor: 'Norkart', domain: 'plan.gis' },
        integrations: ['svarut', 'facebook'],
        functionalFit: 5,
        contractStart: '2025-01-01',
        contractEnd: '2024-01-01',
      }),
      {
        functionalFit: '«Funksjonell egnethet» kan være høyst 4.',
        contractEnd: '«Avtaleslutt» kan ikke være før startdatoen.',
      },
    );
    expectFieldErrors(
      await sortland.post(`/api/municipalities/${SORTLAND}/applications`, {
        product: { name: 'Kartinnsyn', vendor: 'Norkart', domain: 'plan.gis' },
        integrations: ['svarut', 'facebook'],
      }),
      { integrations: '«Integrasjoner» må være ett av valgene.' },
    );
    // Sortland's editor reads Bodø (both in DigiNordland) but may not change it; Helgeland's secretariat does not see Sortland.
    const body = { product: { name: 'Kartinnsyn', vendor: 'Norkart AS', domain: 'plan.gis' }, integrations: ['matrikkelen'] };
    expectError(await sortland.post(`/api/municipalities/${BODO}/applications`, body), 403, 'forbidden');
    expectError(await helgeland.post(`/api/municipalities/${SORTLAND}/applications`, body), 404, 'not_found');

    const created = await sortland.post<Application>(`/api/municipalities/${SORTLAND}/applications`, {
      ...body,
      functionalFit: 4,
      technicalFit: 2,
      annualCost: 4_500_000,
      contractEnd: '2027-06-30',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      municipalityNumber: SORTLAND,
      product: { name: 'Kartinnsyn', vendor: 'Norkart AS', domain: 'plan.gis' },
      timeVerdict: 'migrate',
      integrations: ['matrikkelen'],
      lifecycle: 'inOperation',
      hosting: null,
      version: 1,
    });
    expect((await latestAudit(t.db, 'applicationUsage', created.body.id)).action).toBe('create');

    // Helgeland's secretariat changes a Helgeland municipality, with the same product found by its name.
    const rana = await helgeland.post<Application>(`/api/municipalities/${RANA}/applications`, {
      product: { name: 'KARTINNSYN', vendor: 'Norkart', domain: 'plan' },
    });
    expect(rana.status).toBe(201);
    expect(rana.body.product.id).toBe(created.body.product.id);
    const again = await helgeland.post(`/api/municipalities/${RANA}/applications`, { productId: created.body.product.id });
    expect(expectError(again, 409, 'conflict')).toEqual({ productId: '«Produkt» finnes allerede.' });
    expectFieldErrors(await helgeland.post(`/api/municipalities/${RANA}/applications`, { productId: crypto.randomUUID() }), {
      productId: '«Produkt» er ugyldig.',
    });
  });

  it('changes a use with its version, and refuses an old version, a bad date order and the wrong municipality', async () => {
    const created = await sortland.post<Application>(`/api/municipalities/${SORTLAND}/applications`, {
      product: { name: 'Skoleskyss', vendor: 'Skyss Data', domain: 'oppvekst' },
      contractStart: '2024-01-01',
      lifecycle: 'phaseOut',
      integrations: ['svarut'],
    });
    const id = created.body.id;
    expect((await t.anonymous().patch(`/api/applications/${id}`, { version: 1 })).status).toBe(401);
    expectFieldErrors(await sortland.patch(`/api/applications/${id}`, { hosting: 'attic', version: 1 }), {
      hosting: '«Drift» må være ett av valgene.',
    });
    expectFieldErrors(await sortland.patch(`/api/applications/${id}`, { contractEnd: '2023-12-31', version: 1 }), {
      contractEnd: '«Avtaleslutt» kan ikke være før startdatoen.',
    });
    expectError(await (await t.as(USERS.vesteralenMember)).patch(`/api/applications/${id}`, { notes: 'x', version: 1 }), 403, 'forbidden');
    expectError(await helgeland.patch(`/api/applications/${id}`, { notes: 'x', version: 1 }), 404, 'not_found');

    const saved = await sortland.patch<Application>(`/api/applications/${id}`, {
      hosting: 'cloud',
      functionalFit: 2,
      technicalFit: 4,
      version: 1,
    });
    expect(saved.status).toBe(200);
    // What the change does not name stays as it was.
    expect(saved.body).toMatchObject({
      hosting: 'cloud',
      timeVerdict: 'tolerate',
      version: 2,
      contractStart: '2024-01-01',
      lifecycle: 'phaseOut',
      integrations: ['svarut'],
    });
    const stale = await sortland.patch(`/api/applications/${id}`, { hosting: 'local', version: 1 });
    expectError(stale, 409, 'stale_version');
    expect(await auditCount(t.db, 'applicationUsage', id)).toBe(2);

    expectError(await sortland.delete(`/api/applications/${id}?version=1`), 409, 'stale_version');
    expect((await sortland.delete(`/api/applications/${id}?version=2`)).status).toBe(200);
    expect((await latestAudit(t.db, 'applicationUsage', id)).action).toBe('delete');
    expectError(await sortland.patch(`/api/applications/${id}`, { notes: 'x', version: 2 }), 404, 'not_found');
  });

  it('sets a shared-solution status: first without a version, then with the one seen', async () => {
    const url = `/api/municipalities/${SORTLAND}/adoptions/esignering`;
    const current = (await sortland.get<MunicipalityMapping>(`/api/municipalities/${SORTLAND}/mapping`)).body.adoptions.find(
      (a) => a.solutionKey === 'esignering',
    )!;
    expectFieldErrors(await sortland.put(url, { status: 'maybe' }), { status: '«Status» må være ett av valgene.' });
    expectError(await sortland.put(`/api/municipalities/${SORTLAND}/adoptions/no-such-solution`, { status: 'inUse' }), 404, 'not_found');
    expectError(await sortland.put(`/api/municipalities/${BODO}/adoptions/esignering`, { status: 'inUse' }), 403, 'forbidden');

    let version = current.version;
    if (version === null) {
      const first = await sortland.put(url, { status: 'planned', since: '2026-09-01' });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ status: 'planned', since: '2026-09-01', version: 1 });
      version = 1;
    }
    expectError(await sortland.put(url, { status: 'inUse' }), 409, 'stale_version');
    const next = await sortland.put(url, { status: 'inUse', deliveredVia: 'own', since: '2026-01-15', version });
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({
      solutionKey: 'esignering',
      municipalityNumber: SORTLAND,
      status: 'inUse',
      deliveredVia: 'own',
      version: version + 1,
    });
    expectError(await sortland.put(url, { status: 'notRelevant', version }), 409, 'stale_version');
    const after = (await sortland.get<MunicipalityMapping>(`/api/municipalities/${SORTLAND}/mapping`)).body.adoptions.find(
      (a) => a.solutionKey === 'esignering',
    );
    expect(after).toMatchObject({ status: 'inUse', version: version + 1 });
  });
});
