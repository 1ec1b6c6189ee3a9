import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, latestAudit } from '../../../../test/helpers.ts';
import { productAliases } from '../../db/schema/index.ts';
import type { MunicipalityMapping, Product } from '../../../shared/mapping/schema.ts';
import { productMatchKey } from './catalog.ts';

describe('productMatchKey', () => {
  it('takes the same name and vendor however they are typed', () => {
    const key = productMatchKey('Visma Flyt Skole', 'Visma');
    expect(productMatchKey('  visma  flyt  SKOLE ', 'Visma AS')).toBe(key);
    expect(productMatchKey('Visma Flyt Skole.', 'VISMA A/S')).toBe(key);
    expect(productMatchKey('Ｖｉｓｍａ Flyt Skole', 'Visma ASA')).toBe(key);
    expect(productMatchKey('Public 360°', 'Tieto Norway AS')).toBe(productMatchKey('Public 360', 'Tieto Norway'));
  });

  it('keeps another vendor, or a name that ends like a company form, apart', () => {
    expect(productMatchKey('Visma Flyt Skole', 'Visma')).not.toBe(productMatchKey('Visma Flyt Skole', 'IST'));
    expect(productMatchKey('Elements', 'Sikri')).not.toBe(productMatchKey('Elements', 'Sikri Norge'));
    expect(productMatchKey('Kommune AS', 'Sikri')).not.toBe(productMatchKey('Kommune', 'Sikri'));
  });
});

describe.each(DATABASE_KINDS)('product catalog on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let sortland: Client;
  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.vesteralenAdmin);
    sortland = await t.as(USERS.sortlandEditor);
  });
  afterAll(() => t.close());

  it('lists the catalog to signed-in people, with how many municipalities use each product', async () => {
    expect((await t.anonymous().get('/api/mapping/products')).status).toBe(401);
    const res = await sortland.get<Product[]>('/api/mapping/products?q=gerica');
    expect(res.status).toBe(200);
    expect(res.body.map((p) => [p.name, p.vendor, p.domain])).toEqual([['Gerica', 'Tieto', 'helse.epj']]);
    expect(res.body[0]!.municipalityCount).toBeGreaterThan(0);
    const epj = await sortland.get<Product[]>('/api/mapping/products?domain=helse');
    expect(epj.body.every((p) => p.domain === 'helse' || p.domain.startsWith('helse.'))).toBe(true);
    expect(epj.body.some((p) => p.domain === 'helse.epj')).toBe(true);
    const solutions = await sortland.get('/api/mapping/shared-solutions');
    expect(solutions.body).toHaveLength(39);
    expect(solutions.body[0]).toMatchObject({ key: 'id-porten', name: 'ID-porten', owner: 'Digdir' });
    expect((await t.anonymous().get('/api/mapping/shared-solutions')).status).toBe(401);
  });

  it('adds a product once: the same name and vendor typed again is a conflict naming the name', async () => {
    const bad = await sortland.post('/api/mapping/products', { name: ' ', vendor: 'X', domain: 'helse.tannlege' });
    expect(expectError(bad, 400, 'validation_failed')).toEqual({
      name: '«Navn» må fylles ut.',
      domain: '«Domene» må være ett av valgene.',
    });
    const member = await t.as(USERS.vesteralenMember);
    expectError(await member.post('/api/mapping/products', { name: 'Tannhelse Pro', vendor: 'Opus', domain: 'helse' }), 403, 'forbidden');

    const created = await sortland.post('/api/mapping/products', { name: 'Tannhelse Pro', vendor: 'Opus Systemer AS', domain: 'helse' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Tannhelse Pro', vendor: 'Opus Systemer AS', municipalityCount: 0, version: 1 });
    expect((await latestAudit(t.db, 'product', created.body.id)).action).toBe('create');
    const again = await secretariat.post('/api/mapping/products', { name: 'tannhelse  pro', vendor: 'Opus Systemer', domain: 'helse' });
    expect(expectError(again, 409, 'conflict')).toEqual({ name: '«Navn» finnes allerede.' });
    const otherVendor = await sortland.post('/api/mapping/products', { name: 'Tannhelse Pro', vendor: 'Tieto', domain: 'helse' });
    expect(otherVendor.status).toBe(201);
  });

  it('lets the secretariat rename a product, refuses an editor and an old version', async () => {
    const created = await sortland.post('/api/mapping/products', { name: 'Bookingsystem', vendor: 'Book AS', domain: 'kultur.booking' });
    const id = created.body.id as string;
    expectError(await sortland.patch(`/api/mapping/products/${id}`, { name: 'Booking', version: 1 }), 403, 'forbidden');
    const renamed = await secretariat.patch(`/api/mapping/products/${id}`, { name: 'Bookingsystemet', version: 1 });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Bookingsystemet', version: 2 });
    expectError(await secretariat.patch(`/api/mapping/products/${id}`, { name: 'Booking', version: 1 }), 409, 'stale_version');
    expectError(await secretariat.patch(`/api/mapping/products/${crypto.randomUUID()}`, { name: 'X', version: 1 }), 404, 'not_found');
    // The old spelling still finds the product.
    const use = await sortland.post('/api/municipalities/1870/applications', {
      product: { name: 'Bookingsystem', vendor: 'Book', domain: 'kultur' },
    });
    expect(use.status).toBe(201);
    expect(use.body.product.id).toBe(id);
  });

  it('merges a duplicate into the survivor: usages move, a municipality with both keeps one, the old spelling finds the survivor', async () => {
    const survivor = (
      await secretariat.post('/api/mapping/products', { name: 'Visma Flyt Helsestasjon', vendor: 'Visma', domain: 'helse.helsestasjon' })
    ).body as Product;
    const duplicate = (
      await sortland.post('/api/mapping/products', { name: 'Visma Flyt Helsestasjonen', vendor: 'Visma', domain: 'helse' })
    ).body as Product;
    const onBoth = await secretariat.post('/api/municipalities/1870/applications', {
      productId: duplicate.id,
      notes: 'Fra duplikatet',
      userCount: 12,
    });
    const onSurvivor = await secretariat.post('/api/municipalities/1870/applications', { productId: survivor.id, userCount: 40 });
    const onlyDuplicate = await secretariat.post('/api/municipalities/1866/applications', { productId: duplicate.id, hosting: 'cloud' });
    expect([onBoth.status, onSurvivor.status, onlyDuplicate.status]).toEqual([201, 201, 201]);

    expectError(
      await sortland.post(`/api/mapping/products/${duplicate.id}/merge`, { intoId: survivor.id, version: duplicate.version }),
      403,
      'forbidden',
    );
    expect(
      expectError(
        await secretariat.post(`/api/mapping/products/${duplicate.id}/merge`, { intoId: duplicate.id, version: duplicate.version }),
        400,
        'validation_failed',
      ),
    ).toEqual({
      intoId: '«Slå sammen med» er ugyldig.',
    });
    // A merge cannot be undone: one based on an old view of the duplicate is refused and moves nothing.
    expectError(
      await secretariat.post(`/api/mapping/products/${duplicate.id}/merge`, { intoId: survivor.id, version: duplicate.version + 1 }),
      409,
      'stale_version',
    );
    expect((await sortland.get<MunicipalityMapping>('/api/municipalities/1866/mapping')).body.applications).toContainEqual(
      expect.objectContaining({ id: onlyDuplicate.body.id, product: expect.objectContaining({ id: duplicate.id }) }),
    );
    const merged = await secretariat.post(`/api/mapping/products/${duplicate.id}/merge`, {
      intoId: survivor.id,
      version: duplicate.version,
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ id: survivor.id, municipalityCount: 2 });
    expectError(await sortland.get(`/api/mapping/products/${duplicate.id}`), 404, 'not_found');

    const sortlandApps = (await sortland.get<MunicipalityMapping>('/api/municipalities/1870/mapping')).body.applications;
    const kept = sortlandApps.filter((a) => a.product.id === survivor.id);
    expect(kept).toEqual([expect.objectContaining({ id: onSurvivor.body.id, userCount: 40, notes: 'Fra duplikatet', version: 2 })]);
    const hadsel = (await secretariat.get<MunicipalityMapping>('/api/municipalities/1866/mapping')).body.applications;
    expect(hadsel.find((a) => a.id === onlyDuplicate.body.id)).toMatchObject({ product: { id: survivor.id }, hosting: 'cloud' });

    const [alias] = await t.db.select().from(productAliases).where(eq(productAliases.productId, survivor.id));
    expect(alias).toEqual({ matchKey: productMatchKey(duplicate.name, duplicate.vendor), productId: survivor.id });
    const audit = await latestAudit(t.db, 'product', duplicate.id);
    expect(audit).toMatchObject({
      action: 'merge',
      // The duplicate's own row in Sortland is gone, but kept whole in the audit.
      before: { droppedUsages: [expect.objectContaining({ municipality_number: '1870', notes: 'Fra duplikatet', user_count: 12 })] },
      after: { intoId: survivor.id, movedUsages: 1, mergedUsages: 1 },
    });

    // The old spelling, typed by another municipality, lands on the survivor; typed again by Hadsel it is a second use.
    const bo = await secretariat.post('/api/municipalities/1867/applications', {
      product: { name: 'Visma Flyt  Helsestasjonen', vendor: 'Visma AS', domain: 'helse' },
    });
    expect(bo.status).toBe(201);
    expect(bo.body.product.id).toBe(survivor.id);
    const twice = await secretariat.post('/api/municipalities/1866/applications', {
      product: { name: 'Visma Flyt Helsestasjonen', vendor: 'Visma', domain: 'helse' },
    });
    expect(expectError(twice, 409, 'conflict')).toEqual({ productId: '«Produkt» finnes allerede.' });
  });

  it('exports the catalog as CSV and XLSX', async () => {
    const csv = await sortland.get('/api/mapping/products/export?format=csv&domain=sakarkiv.sak');
    expect(csv.status).toBe(200);
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Fagsystem;Leverandør;Fagområde;Antall kommuner;Beskrivelse');
    expect(lines).toHaveLength(7);
    expect(lines.some((l) => /^Elements;Sikri;Sak\/arkiv → Sak- og arkivsystem;\d+;$/.test(l))).toBe(true);
    const xlsx = await sortland.get('/api/mapping/products/export?format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/fagsystemkatalog-\d{4}-\d{2}-\d{2}\.xlsx/);
  });
});
