import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type TestApp } from '../../../../test/harness.ts';

describe.each(DATABASE_KINDS)('list exports on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('exports the members of a network as XLSX to anyone, with SSB population', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/networks/digivesteralen/members/export?format=xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="digivesteralen-medlemmer-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toContain('Innbyggere (SSB)');
    const names = sheet.getColumn(2).values.slice(2);
    expect(names).toHaveLength(6);
    expect(names).toContain('Sortland - Suortá');
  });

  it('exports the people search as CSV in the caller language, for members only', async () => {
    expect((await t.anonymous().get('/api/networks/digivesteralen/people/export?format=csv')).status).toBe(401);
    const lofoten = await t.as(USERS.lofotenAdmin);
    expect((await lofoten.get('/api/networks/digivesteralen/people/export?format=csv')).status).toBe(404);
    const secretariat = await t.as(USERS.vesteralenAdmin);
    const res = await secretariat.get('/api/networks/digivesteralen/people/export?format=csv&competence=personvern', {
      'accept-language': 'en',
    });
    expect(res.status).toBe(200);
    const lines = String(res.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Navn;Stilling;Kommunenavn;E-post;Telefon;Kompetanse');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes('personvern'))).toBe(true);
  });

  it('refuses an unknown format, naming the field', async () => {
    const res = await t.anonymous().get('/api/networks/digivesteralen/members/export?format=pdf');
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ format: '«Filformat» må være ett av valgene.' });
  });
});
