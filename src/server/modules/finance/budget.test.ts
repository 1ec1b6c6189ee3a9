import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { auditCount, expectError, expectFieldErrors, latestAudit } from '../../../../test/helpers.ts';
import { budgetActuals } from '../../db/schema/index.ts';
import type { Budget, BudgetActual, BudgetSummary } from '../../../shared/finance/budget.ts';

const VESTERALEN = 'digivesteralen';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(DATABASE_KINDS)('the yearly budget on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let member: Client;
  let lofoten: Client;
  let year = 2040;
  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.vesteralenAdmin);
    member = await t.as(USERS.vesteralenMember);
    lofoten = await t.as(USERS.lofotenAdmin);
  });
  afterAll(() => t.close());

  /** A budget for a year of its own, with a grant, a secretariat line and a consultants line. */
  const budgetWithLines = async () => {
    year++;
    const created = await secretariat.post<Budget>(`/api/networks/${VESTERALEN}/budgets`, { year, title: `Budsjett ${year}` });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    let budget = created.body;
    for (const line of [
      { category: 'grant', name: 'Skjønnsmidler', accountCode: '18100', budgeted: 1_000_000 },
      { category: 'secretariat', name: 'Sekretariat', accountCode: '10100', budgeted: 700_000 },
      { category: 'consultants', name: 'Konsulenter', accountCode: '12700', budgeted: 200_000 },
    ]) {
      const res = await secretariat.post<Budget>(`/api/budgets/${budget.id}/lines`, line);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      budget = res.body;
    }
    return budget;
  };
  const lineOf = (budget: Budget, code: string) => budget.lines.find((l) => l.accountCode === code)!;
  const upload = (budgetId: string, body: string | Buffer, contentType = 'text/csv') =>
    secretariat.request('POST', `/api/budgets/${budgetId}/actuals/import?fileName=regnskap.csv`, body, {
      'content-type': contentType,
    });
  const csvRows = (text: string) =>
    text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((r) => r.split(';'));

  it('has the demo budget for DigiVesterålen 2022 within seed 001’s 1.2–1.5 million, with actual figures', async () => {
    const list = await member.get<BudgetSummary[]>(`/api/networks/${VESTERALEN}/budgets`);
    expect(list.status).toBe(200);
    const demo = list.body.find((b) => b.year === 2022)!;
    const budget = (await member.get<Budget>(`/api/budgets/${demo.id}`)).body;
    expect(budget.totals.cost.budgeted).toBe(1_350_000);
    expect(budget.totals.income.budgeted).toBe(1_350_000);
    expect(budget.totals.income.actual).toBe(1_300_000);
    expect(budget.totals.cost.actual).toBe(396_000 + 115_000 + 48_500 + 23_750);
    expect(lineOf(budget, '10100')).toMatchObject({ budgeted: 800_000, actual: 396_000, remaining: 404_000, actualCount: 6 });
    expect(budget.lines.map((l) => l.side)).toEqual(['income', 'income', 'cost', 'cost', 'cost', 'cost']);
  });

  it('refuses the anonymous, then bad input naming the field in Norwegian', async () => {
    expectError(await t.anonymous().get(`/api/networks/${VESTERALEN}/budgets`), 401, 'unauthenticated');
    expectFieldErrors(await secretariat.post(`/api/networks/${VESTERALEN}/budgets`, { year: 1999, title: '' }), {
      year: '«Budsjettår» må være minst 2000.',
      title: '«Tittel» må fylles ut.',
    });
    expectFieldErrors(await secretariat.post(`/api/networks/${VESTERALEN}/budgets`, { year: 2022, title: 'Igjen' }), {
      year: '«Budsjettår» finnes allerede.',
    });
    const budget = await budgetWithLines();
    expectFieldErrors(await secretariat.post(`/api/budgets/${budget.id}/lines`, { category: 'travel', name: 'Reise', budgeted: 10.5 }), {
      category: '«Kategori» må være ett av valgene.',
      budgeted: '«Budsjettert (kr)» har feil type.',
    });
    expectFieldErrors(
      await secretariat.post(`/api/budgets/${budget.id}/lines`, { category: 'other', name: 'Dublett', accountCode: '10100', budgeted: 1 }),
      { accountCode: '«Kontokode» finnes allerede.' },
    );
    expectFieldErrors(
      await secretariat.post(`/api/budgets/${budget.id}/lines`, {
        category: 'consultants',
        name: 'Med prosjekt',
        budgeted: 1,
        projectId: crypto.randomUUID(),
      }),
      { projectId: '«Prosjekt» kan bare velges på en kostnadslinje for prosjekter.' },
    );
    expectFieldErrors(
      await secretariat.post(`/api/budgets/${budget.id}/lines`, {
        category: 'projects',
        name: 'Ukjent prosjekt',
        budgeted: 1,
        projectId: crypto.randomUUID(),
      }),
      { projectId: '«Prosjekt» må være et prosjekt i nettverket.' },
    );
    const line = lineOf(budget, '10100');
    expectFieldErrors(await secretariat.post(`/api/budget-lines/${line.id}/actuals`, { date: `${year + 1}-01-01`, amount: 5 }), {
      date: `«Dato» må være en dag i budsjettåret ${year}.`,
    });
    expectFieldErrors(await secretariat.post(`/api/budget-lines/${line.id}/actuals`, { date: `${year}-02-01`, amount: 5.5 }), {
      amount: '«Beløp (kr)» har feil type.',
    });
  });

  it('keeps lines with what is budgeted, actual and remaining, and totals per side and the result', async () => {
    let budget = await budgetWithLines();
    expect(budget.totals).toEqual({
      income: { budgeted: 1_000_000, actual: 0, remaining: 1_000_000 },
      cost: { budgeted: 900_000, actual: 0, remaining: 900_000 },
      result: { budgeted: 100_000, actual: 0 },
    });
    const secretariatLine = lineOf(budget, '10100');
    for (const [date, amount] of [
      [`${year}-01-31`, 60_000],
      [`${year}-02-28`, 60_000],
      [`${year}-03-01`, -1_500],
    ] as const) {
      const res = await secretariat.post<Budget>(`/api/budget-lines/${secretariatLine.id}/actuals`, { date, amount, text: 'Lønn' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      budget = res.body;
    }
    expect(lineOf(budget, '10100')).toMatchObject({ actual: 118_500, remaining: 581_500, actualCount: 3 });
    expect(budget.totals.cost).toEqual({ budgeted: 900_000, actual: 118_500, remaining: 781_500 });
    expect(budget.totals.result).toEqual({ budgeted: 100_000, actual: -118_500 });

    const actuals = await member.get<BudgetActual[]>(`/api/budget-lines/${secretariatLine.id}/actuals`);
    expect(actuals.body.map((a) => a.amount)).toEqual([-1_500, 60_000, 60_000]);
    expect(actuals.body[0]).toMatchObject({ source: 'manual', importId: null, createdBy: 'Sekretariatet DigiVesterålen' });
    expect((await latestAudit(t.db, 'budgetActual', actuals.body[0]!.id)).action).toBe('create');

    // A line moved to another category follows it to that side.
    const moved = await secretariat.patch<Budget>(`/api/budget-lines/${lineOf(budget, '12700').id}`, {
      category: 'other',
      budgeted: 250_000,
      version: 1,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(lineOf(moved.body, '12700')).toMatchObject({ side: 'income', category: 'other', budgeted: 250_000, version: 2 });
    expect(moved.body.totals.income.budgeted).toBe(1_250_000);

    // A line with actual figures is not deleted until they are.
    const refused = await secretariat.delete(`/api/budget-lines/${secretariatLine.id}?version=${secretariatLine.version}`);
    expect(expectError(refused, 409, 'in_use').line).toBe('«Budsjettlinjen» har 3 regnskapsførte beløp. Slett dem først.');
    expectError(await secretariat.delete(`/api/budgets/${budget.id}?version=${budget.version}`), 409, 'in_use');
    for (const a of actuals.body) expect((await secretariat.delete(`/api/budget-actuals/${a.id}`)).status).toBe(200);
    const deleted = await secretariat.delete<Budget>(`/api/budget-lines/${secretariatLine.id}?version=${secretariatLine.version}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.lines.map((l) => l.accountCode)).toEqual(['18100', '12700']);
    expect((await latestAudit(t.db, 'budgetLine', secretariatLine.id)).action).toBe('delete');
    expect((await secretariat.delete(`/api/budgets/${budget.id}?version=${budget.version}`)).status).toBe(200);
    expectError(await secretariat.get(`/api/budgets/${budget.id}`), 404, 'not_found');
  });

  it('refuses a stale save (409), others than the secretariat (403), and those outside the network (404)', async () => {
    const budget = await budgetWithLines();
    const line = lineOf(budget, '10100');
    const saved = await secretariat.patch<Budget>(`/api/budgets/${budget.id}`, {
      title: 'Nytt navn',
      note: 'Merknad',
      version: budget.version,
    });
    expect(saved.body).toMatchObject({ title: 'Nytt navn', note: 'Merknad', version: budget.version + 1 });
    expectError(await secretariat.patch(`/api/budgets/${budget.id}`, { title: 'Gammel', version: budget.version }), 409, 'stale_version');
    expect((await secretariat.patch(`/api/budget-lines/${line.id}`, { name: 'Lønn', version: line.version })).status).toBe(200);
    expectError(await secretariat.patch(`/api/budget-lines/${line.id}`, { name: 'Igjen', version: line.version }), 409, 'stale_version');
    expectError(await secretariat.delete(`/api/budget-lines/${line.id}?version=${line.version}`), 409, 'stale_version');

    expect((await member.get(`/api/budgets/${budget.id}`)).status).toBe(200);
    expectError(await member.patch(`/api/budgets/${budget.id}`, { title: 'Medlem', version: saved.body.version }), 403, 'forbidden');
    expectError(await member.post(`/api/budget-lines/${line.id}/actuals`, { date: `${year}-05-05`, amount: 1 }), 403, 'forbidden');
    expectError(await member.post(`/api/networks/${VESTERALEN}/budgets`, { year: 2099, title: 'Medlem' }), 403, 'forbidden');

    expectError(await lofoten.get(`/api/budgets/${budget.id}`), 404, 'not_found');
    expectError(await lofoten.get(`/api/networks/${VESTERALEN}/budgets`), 404, 'not_found');
    expectError(await lofoten.get(`/api/budget-lines/${line.id}/actuals`), 404, 'not_found');
    expectError(await lofoten.post(`/api/budgets/${budget.id}/lines`, { category: 'other', name: 'X', budgeted: 1 }), 404, 'not_found');
    expectError(await lofoten.get(`/api/budgets/${budget.id}/export?format=csv`), 404, 'not_found');
    const importRefused = await lofoten.request('POST', `/api/budgets/${budget.id}/actuals/import`, 'Dato;Konto;Beløp\n', {
      'content-type': 'text/csv',
    });
    expectError(importRefused, 404, 'not_found');
  });

  it('imports all or nothing: every bad row is reported with row, column and reason, and nothing is saved', async () => {
    const budget = await budgetWithLines();
    const before = await t.db.$count(budgetActuals);
    const file = [
      'dato;KONTO;Beløp;Tekst;Bilag',
      `15.01.${year};18100;1 000 000,00;Skjønnsmidler;1`,
      `31.01.${year};99999;10 000;Ukjent konto;2`,
      `01.01.${year + 1};10100;10 000;Neste år;3`,
      `31.02.${year};10100;10 000;Ingen dag;4`,
      `28.02.${year};10100;12 345,50;Øre;5`,
      `28.02.${year};10100;mange;Ikke tall;6`,
      `28.02.${year};;-1 200;Uten konto;7`,
      '',
    ].join('\r\n');
    const res = await upload(budget.id, file);
    expectError(res, 422, 'validation_failed');
    expect(res.body.error.problems).toEqual([
      { sheet: '', row: 3, column: 'KONTO', message: 'Kontokoden «99999» finnes ikke på noen linje i budsjettet.' },
      { sheet: '', row: 4, column: 'dato', message: `${year + 1}-01-01 er ikke i budsjettåret ${year}.` },
      { sheet: '', row: 5, column: 'dato', message: `«31.02.${year}» er ikke en dato. Skriv ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.` },
      { sheet: '', row: 6, column: 'Beløp', message: '«12 345,50» har øre. Beløp føres i hele kroner (øre må være 00).' },
      { sheet: '', row: 7, column: 'Beløp', message: '«mange» er ikke et tall.' },
      { sheet: '', row: 8, column: 'KONTO', message: 'Må fylles ut.' },
    ]);
    expect(await t.db.$count(budgetActuals)).toBe(before);
    expect((await secretariat.get<Budget>(`/api/budgets/${budget.id}`)).body.totals.income.actual).toBe(0);

    const missing = await upload(budget.id, 'Dato;Tekst\n01.01.2041;x\n');
    expect(missing.body.error.problems.map((p: { column: string }) => p.column)).toEqual(['Konto', 'Beløp']);
    const unreadable = await upload(budget.id, Buffer.from([0x50, 0x4b, 0, 1, 2]), XLSX);
    expect(unreadable.body.error.problems[0].message).toBe('Filen kunne ikke leses som CSV eller Excel-regneark (XLSX).');
  });

  it('imports good CSV and XLSX under one import id each, and the lines’ sums follow', async () => {
    const budget = await budgetWithLines();
    const csv = [
      'Dato,Konto,Beløp,Tekst',
      `${year}-01-15,18100,"1 000 000,00",Skjønnsmidler`,
      `${year}-01-31,10100,60000,Lønn januar`,
      `${year}-02-28,10100,"-1 200",Korrigering`,
    ].join('\n');
    const res = await upload(budget.id, csv);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ rows: 3, amount: 1_058_800 });
    expect(lineOf(res.body.budget, '18100')).toMatchObject({ actual: 1_000_000, remaining: 0 });
    expect(lineOf(res.body.budget, '10100')).toMatchObject({ actual: 58_800, remaining: 641_200 });
    const imported = await t.db.select().from(budgetActuals).where(eq(budgetActuals.importId, res.body.importId));
    expect(imported).toHaveLength(3);
    expect(imported.every((a) => a.source === 'import')).toBe(true);
    expect((await latestAudit(t.db, 'budgetImport', res.body.importId)).after).toMatchObject({ rows: 3, amount: 1_058_800 });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Regnskap');
    sheet.addRow(['Dato', 'Konto', 'Beløp', 'Tekst']);
    sheet.addRow([new Date(Date.UTC(year, 3, 30)), 12700, 45_000, 'Konsulent']);
    sheet.addRow([`30.04.${year}`, '10100', '60 000,00', null]);
    const xlsx = await upload(budget.id, Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
    expect(xlsx.status, JSON.stringify(xlsx.body)).toBe(200);
    expect(xlsx.body.importId).not.toBe(res.body.importId);
    expect(lineOf(xlsx.body.budget, '12700')).toMatchObject({ actual: 45_000, remaining: 155_000 });
    expect(lineOf(xlsx.body.budget, '10100').actual).toBe(118_800);

    // A fraction in a number cell is refused like one in text.
    const fraction = new ExcelJS.Workbook();
    const s = fraction.addWorksheet('Ark1');
    s.addRow(['Dato', 'Konto', 'Beløp']);
    s.addRow([`01.05.${year}`, '10100', 10.5]);
    const refused = await upload(budget.id, Buffer.from(await fraction.xlsx.writeBuffer()), XLSX);
    expect(refused.body.error.problems).toEqual([
      { sheet: 'Ark1', row: 2, column: 'Beløp', message: '«10.5» har øre. Beløp føres i hele kroner (øre må være 00).' },
    ]);
  });

  it('exports the same numbers the API answers', async () => {
    const budget = await budgetWithLines();
    await upload(budget.id, `Dato;Konto;Beløp\n${year}-03-01;10100;70 000\n${year}-03-02;18100;500 000\n${year}-03-03;12700;250 000\n`);
    const api = (await member.get<Budget>(`/api/budgets/${budget.id}`)).body;
    const csv = await member.get<string>(`/api/budgets/${budget.id}/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain(`budsjett-digivesteralen-${year}`);
    const rows = csvRows(csv.body);
    expect(rows[0]).toEqual(['Side', 'Kategori', 'Linje', 'Kontokode', 'Budsjettert (kr)', 'Regnskap (kr)', 'Gjenstår (kr)']);
    for (const line of api.lines) {
      const row = rows.find((r) => r[3] === line.accountCode)!;
      expect(row.slice(4).map(Number)).toEqual([line.budgeted, line.actual, line.remaining]);
    }
    expect(
      rows
        .find((r) => r[2] === 'Sum inntekter')!
        .slice(4)
        .map(Number),
    ).toEqual([1_000_000, 500_000, 500_000]);
    expect(
      rows
        .find((r) => r[2] === 'Sum kostnader')!
        .slice(4)
        .map(Number),
    ).toEqual([900_000, 320_000, 580_000]);
    expect(
      rows
        .find((r) => r[2] === 'Resultat (inntekter − kostnader)')!
        .slice(4, 6)
        .map(Number),
    ).toEqual([100_000, 180_000]);
    expect(api.totals.cost).toEqual({ budgeted: 900_000, actual: 320_000, remaining: 580_000 });
    expect(lineOf(api, '12700').remaining).toBe(-50_000);
    const xlsx = await member.get(`/api/budgets/${budget.id}/export?format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(await auditCount(t.db, 'budget', budget.id)).toBe(1);
  });
});
