import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { auditCount, expectError, expectFieldErrors, latestAudit } from '../../../../test/helpers.ts';
import { ownEffortEntries, ownEffortRates, people } from '../../db/schema/index.ts';
import {
  effortValue,
  type Entry,
  type EntryList,
  type ImportResult,
  type ProjectOwnEffort,
  type Rate,
  type Summary,
} from '../../../shared/finance/own-effort.ts';
import type { Project } from '../../../shared/portfolio/projects.ts';
import { ownEffortFor } from './own-effort.ts';

const VESTERALEN = 'digivesteralen';
const SORTLAND = '1870';
const HADSEL = '1866';
const BASE = `/api/networks/${VESTERALEN}/own-effort`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A CSV as a spreadsheet with Norwegian settings saves it. */
const csv = (...rows: string[]) =>
  Buffer.from(`\uFEFFMåned;Kommunenummer;Prosjekt;Person;Timer;Merknad\r\n${rows.join('\r\n')}\r\n`, 'utf8');

/** Semicolon CSV → rows of cells, the header row dropped. */
const csvRows = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/)
    .slice(1)
    .map((line) => line.split(';'));

describe.each(DATABASE_KINDS)('own effort on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let member: Client;
  let sortland: Client;
  let lofoten: Client;
  let vesteralenId: string;
  let project: Project;
  let lofotenProject: Project;
  let sortlandPerson: string;
  let hadselPerson: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.vesteralenAdmin);
    member = await t.as(USERS.vesteralenMember);
    sortland = await t.as(USERS.sortlandEditor);
    lofoten = await t.as(USERS.lofotenAdmin);
    vesteralenId = await t.networkId(VESTERALEN);
    project = (await secretariat.post<Project>(`/api/networks/${VESTERALEN}/projects`, { title: 'Egeninnsatsprosjekt', focusAreaKeys: [] }))
      .body;
    lofotenProject = (await lofoten.post<Project>('/api/networks/lofoten-ikt/projects', { title: 'Lofotprosjekt', focusAreaKeys: [] }))
      .body;
    const personOf = async (number: string) =>
      (
        await t.db
          .select({ id: people.id })
          .from(people)
          .where(and(eq(people.municipalityNumber, number), isNotNull(people.email)))
      )[0]!.id;
    sortlandPerson = await personOf(SORTLAND);
    hadselPerson = await personOf(HADSEL);
  });
  afterAll(() => t.close());

  const register = async (client: Client, fields: Record<string, unknown> = {}) =>
    client.post<Entry>(`${BASE}/entries`, { month: '2030-03', municipalityNumber: SORTLAND, hoursHundredths: 750, ...fields });

  it('shows the demo: 1 250 hours in 2022 at 800 kr, 1 000 000 kr, every member valued', async () => {
    const summary = (await member.get<Summary>(`${BASE}/summary?year=2022`)).body;
    expect(summary.rate).toBe(800);
    expect(summary.total).toEqual({ hundredths: 125_000, value: 1_000_000 });
    expect(summary.byMunicipality).toHaveLength(6);
    expect(summary.byProject).toEqual([{ projectId: null, reference: null, title: null, hundredths: 125_000, value: 1_000_000 }]);
    const statement = await ownEffortFor(t.db, vesteralenId, 2022, SORTLAND);
    expect(statement).toMatchObject({ year: 2022, rate: 800, hundredths: 30_000, value: 240_000 });
    expect(statement.byProject).toEqual([{ projectId: null, reference: null, title: null, hundredths: 30_000, value: 240_000 }]);
  });

  it('refuses the anonymous and hides the network from another network’s secretariat', async () => {
    expectError(await t.anonymous().get(`${BASE}/entries?year=2022`), 401, 'unauthenticated');
    expectError(await lofoten.get(`${BASE}/entries?year=2022`), 404, 'not_found');
    expectError(await register(lofoten), 404, 'not_found');
  });

  it('lets the secretariat set the year’s rate, with versions, and nobody else', async () => {
    const none = (await member.get<Rate>(`${BASE}/rates/2031`)).body;
    expect(none).toMatchObject({ year: 2031, rate: null, version: null, editable: false });
    expectError(await member.put(`${BASE}/rates/2031`, { rate: 900 }), 403, 'forbidden');
    expectError(await sortland.put(`${BASE}/rates/2031`, { rate: 900 }), 403, 'forbidden');
    expectError(await lofoten.put(`${BASE}/rates/2031`, { rate: 900 }), 404, 'not_found');
    expectFieldErrors(await secretariat.put(`${BASE}/rates/2031`, { rate: 12.5 }), { rate: '«Timesats (kr)» har feil type.' });
    const first = await secretariat.put<Rate>(`${BASE}/rates/2031`, { rate: 900 });
    expect(first.body).toMatchObject({ rate: 900, version: 1, editable: true });
    const [stored] = await t.db
      .select()
      .from(ownEffortRates)
      .where(and(eq(ownEffortRates.networkId, vesteralenId), eq(ownEffortRates.year, 2031)));
    expect((await latestAudit(t.db, 'ownEffortRate', stored!.id)).action).toBe('create');
    expectError(await secretariat.put(`${BASE}/rates/2031`, { rate: 950 }), 409, 'stale_version');
    const second = await secretariat.put<Rate>(`${BASE}/rates/2031`, { rate: 950, version: 1 });
    expect(second.body).toMatchObject({ rate: 950, version: 2 });
    expectError(await secretariat.put(`${BASE}/rates/2031`, { rate: 1_000, version: 1 }), 409, 'stale_version');
    expect((await member.get<Rate>(`${BASE}/rates/2031`)).body.rate).toBe(950);
  });

  it('names the wrong fields: month, membership that month, the project’s network, the person, the hours', async () => {
    expectFieldErrors(await register(secretariat, { month: '2030-13', hoursHundredths: 0 }), {
      month: '«Måned» må være en måned (ÅÅÅÅ-MM).',
      hoursHundredths: '«Timer» må være minst 1.',
    });
    expectFieldErrors(await register(secretariat, { hoursHundredths: 7.5 }), {
      hoursHundredths: '«Timer» må være et antall timer over 0 med høyst to desimaler, for eksempel 7,5.',
    });
    expectFieldErrors(await register(secretariat, { hoursHundredths: 74_401 }), { hoursHundredths: '«Timer» kan være høyst 74400.' });
    // Joined 2021-01-01.
    expectFieldErrors(await register(secretariat, { month: '2020-12' }), {
      municipalityNumber: '«Kommune»: 1870 var ikke deltakerkommune i nettverket i 2020-12.',
    });
    // Bodø is no member of DigiVesterålen.
    expectFieldErrors(await register(secretariat, { municipalityNumber: '1804' }), {
      municipalityNumber: '«Kommune»: 1804 var ikke deltakerkommune i nettverket i 2030-03.',
    });
    expectFieldErrors(await register(secretariat, { projectId: lofotenProject.id }), {
      projectId: '«Prosjekt» må være et prosjekt i nettverket.',
    });
    expectFieldErrors(await register(secretariat, { personId: hadselPerson }), {
      personId: '«Person» må være en person i nettverket som hører til eller representerer kommunen timene føres for.',
    });
    expect(await t.db.select().from(ownEffortEntries).where(eq(ownEffortEntries.month, '2030-03'))).toHaveLength(0);
  });

  it('values an entry at its year’s rate, and at 0 without a rate', async () => {
    await secretariat.put(`${BASE}/rates/2030`, { rate: 733 });
    const res = await register(secretariat, { projectId: project.id, personId: sortlandPerson, note: 'Kravspesifikasjon' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      month: '2030-03',
      municipalityNumber: SORTLAND,
      municipalityName: 'Sortland - Suortá',
      projectReference: project.reference,
      personId: sortlandPerson,
      hundredths: 750,
      value: effortValue(750, 733),
      editable: true,
    });
    expect(res.body.value).toBe(5_498); // 7,5 × 733 = 5 497,50 → 5 498
    expect((await latestAudit(t.db, 'ownEffortEntry', res.body.id))?.action).toBe('create');
    const unrated = await register(secretariat, { month: '2032-01', hoursHundredths: 400 });
    expect(unrated.body).toMatchObject({ hundredths: 400, value: 0 });
    const list = (await member.get<EntryList>(`${BASE}/entries?year=2032`)).body;
    expect(list).toMatchObject({ rate: null, total: { hundredths: 400, value: 0 }, writableMunicipalities: [] });
  });

  it('lets Sortland’s editor write Sortland’s hours only, and a member read only', async () => {
    const own = await register(sortland, { month: '2030-04', hoursHundredths: 325 });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body.editable).toBe(true);
    expectError(await register(sortland, { month: '2030-04', municipalityNumber: HADSEL }), 403, 'forbidden');
    expectError(await register(member, { month: '2030-04' }), 403, 'forbidden');
    const hadsel = (await register(secretariat, { month: '2030-04', municipalityNumber: HADSEL, hoursHundredths: 100 })).body;
    expectError(
      await sortland.patch(`/api/own-effort-entries/${hadsel.id}`, { hoursHundredths: 200, version: hadsel.version }),
      403,
      'forbidden',
    );
    expectError(await sortland.delete(`/api/own-effort-entries/${hadsel.id}?version=${hadsel.version}`), 403, 'forbidden');
    // Moving Sortland's hours to Hadsel needs the right to Hadsel too.
    expectError(
      await sortland.patch(`/api/own-effort-entries/${own.body.id}`, { municipalityNumber: HADSEL, version: 1 }),
      403,
      'forbidden',
    );
    expectError(await lofoten.patch(`/api/own-effort-entries/${own.body.id}`, { hoursHundredths: 200, version: 1 }), 404, 'not_found');
    expectError(await member.patch(`/api/own-effort-entries/${own.body.id}`, { hoursHundredths: 200, version: 1 }), 403, 'forbidden');
    const list = (await sortland.get<EntryList>(`${BASE}/entries?year=2030&municipality=${HADSEL}`)).body;
    expect(list.writableMunicipalities).toEqual([SORTLAND]);
    expect(list.entries.every((e) => e.municipalityNumber === HADSEL && !e.editable)).toBe(true);
  });

  it('changes and deletes at the version read: a stale one is refused with 409', async () => {
    const entry = (await register(sortland, { month: '2030-05', hoursHundredths: 100 })).body;
    const changed = await sortland.patch<Entry>(`/api/own-effort-entries/${entry.id}`, {
      hoursHundredths: 225,
      note: 'Opplæring',
      version: entry.version,
    });
    expect(changed.body).toMatchObject({ hundredths: 225, note: 'Opplæring', version: 2, value: effortValue(225, 733) });
    expectError(await sortland.patch(`/api/own-effort-entries/${entry.id}`, { hoursHundredths: 300, version: 1 }), 409, 'stale_version');
    expectError(await sortland.delete(`/api/own-effort-entries/${entry.id}?version=1`), 409, 'stale_version');
    expectFieldErrors(await sortland.patch(`/api/own-effort-entries/${entry.id}`, { month: '2019-05', version: 2 }), {
      municipalityNumber: '«Kommune»: 1870 var ikke deltakerkommune i nettverket i 2019-05.',
    });
    expect((await sortland.delete(`/api/own-effort-entries/${entry.id}?version=2`)).status).toBe(200);
    expect((await latestAudit(t.db, 'ownEffortEntry', entry.id)).action).toBe('delete');
    expect(await t.db.select().from(ownEffortEntries).where(eq(ownEffortEntries.id, entry.id))).toHaveLength(0);
  });

  it('imports all or nothing: a file with a bad row is refused with every problem and changes nothing', async () => {
    const before = (await member.get<Summary>(`${BASE}/summary?year=2033`)).body.total;
    const bad = await secretariat.request(
      'POST',
      `${BASE}/import?fileName=timer.csv`,
      csv(
        `2033-01;${SORTLAND};;;7,5;God rad`,
        `2033-13;${SORTLAND};;;2;Feil måned`,
        `2033-02;1804;;;2;Ikke medlem`,
        `2033-02;${HADSEL};P-1999-001;;2;Ukjent prosjekt`,
        `2033-02;${HADSEL};;ingen@example.no;2;Ukjent person`,
        `2033-02;${HADSEL};;;0;Null timer`,
        `2033-02;${HADSEL};;;7,125;Tre desimaler`,
      ),
      { 'content-type': 'text/csv' },
    );
    expect(bad.status, JSON.stringify(bad.body)).toBe(422);
    expect(bad.body.error.problems).toEqual([
      { sheet: '', row: 3, column: 'Måned', message: '«Måned» må være en måned (ÅÅÅÅ-MM).' },
      { sheet: '', row: 4, column: 'Kommunenummer', message: '«Kommunenummer»: 1804 var ikke deltakerkommune i nettverket i 2033-02.' },
      { sheet: '', row: 5, column: 'Prosjekt', message: '«Prosjekt» må være et prosjekt i nettverket.' },
      {
        sheet: '',
        row: 6,
        column: 'Person',
        message: '«Person» må være en person i nettverket som hører til eller representerer kommunen timene føres for.',
      },
      { sheet: '', row: 7, column: 'Timer', message: '«Timer» må være et antall timer over 0 med høyst to desimaler, for eksempel 7,5.' },
      { sheet: '', row: 8, column: 'Timer', message: '«Timer» må være et antall timer over 0 med høyst to desimaler, for eksempel 7,5.' },
    ]);
    expect((await member.get<Summary>(`${BASE}/summary?year=2033`)).body.total).toEqual(before);

    // Sortland's editor: another municipality's row is a problem of its own.
    const foreign = await sortland.request('POST', `${BASE}/import`, csv(`2033-01;${HADSEL};;;1;Hadsel`), { 'content-type': 'text/csv' });
    expect(foreign.body.error.problems).toEqual([
      { sheet: '', row: 2, column: 'Kommunenummer', message: '«Kommunenummer»: du kan ikke føre timer for Hadsel.' },
    ]);
    expectError(
      await member.request('POST', `${BASE}/import`, csv(`2033-01;${SORTLAND};;;1;x`), { 'content-type': 'text/csv' }),
      403,
      'forbidden',
    );
    expectError(
      await lofoten.request('POST', `${BASE}/import`, csv(`2033-01;${SORTLAND};;;1;x`), { 'content-type': 'text/csv' }),
      404,
      'not_found',
    );

    await secretariat.put(`${BASE}/rates/2033`, { rate: 777 });
    const personEmail = (await t.db.select({ email: people.email }).from(people).where(eq(people.id, sortlandPerson)))[0]!.email!;
    const good = await secretariat.request(
      'POST',
      `${BASE}/import`,
      csv(
        `2033-01;${SORTLAND};${project.reference};${personEmail.toUpperCase()};7,5;Med prosjekt og person`,
        `2033-02;${HADSEL};;;0,25;Et kvarter`,
        `2033-02;${HADSEL};;;"1,5";Sitert`,
        ';;;;;',
      ),
      { 'content-type': 'text/csv' },
    );
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    const expected = [750, 25, 150].reduce((a, h) => a + effortValue(h, 777), 0);
    expect(good.body).toEqual({ created: 3, hundredths: 925, value: expected } satisfies ImportResult);
    expect((await latestAudit(t.db, 'ownEffortImport', vesteralenId)).action).toBe('import');
    const list = (await member.get<EntryList>(`${BASE}/entries?year=2033`)).body;
    expect(list.entries.find((e) => e.projectId === project.id)).toMatchObject({ personId: sortlandPerson, hundredths: 750 });
  });

  it('reads an XLSX file as well as a CSV', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Timer');
    sheet.addRow(['Måned', 'Kommunenummer', 'Prosjekt', 'Person', 'Timer', 'Merknad']);
    sheet.addRow(['2034-06', SORTLAND, '', '', 2.5, 'Tall']);
    sheet.addRow([new Date(Date.UTC(2034, 6, 1)), SORTLAND, '', '', '3,25', 'Dato som måned']);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await sortland.request('POST', `${BASE}/import`, body, { 'content-type': XLSX });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ created: 2, hundredths: 575 });
    const months = (await member.get<EntryList>(`${BASE}/entries?year=2034`)).body.entries.map((e) => e.month);
    expect(months).toEqual(['2034-06', '2034-07']);
  });

  it('sums the summary from the entries, every grouping to the same total, and exports what the API says', async () => {
    for (const year of [2022, 2030, 2033]) {
      const list = (await member.get<EntryList>(`${BASE}/entries?year=${year}`)).body;
      const summary = (await member.get<Summary>(`${BASE}/summary?year=${year}`)).body;
      const total = {
        hundredths: list.entries.reduce((a, e) => a + e.hundredths, 0),
        value: list.entries.reduce((a, e) => a + e.value, 0),
      };
      expect(summary.total).toEqual(total);
      for (const rows of [summary.byMunicipality, summary.byProject, summary.byMonth]) {
        expect({ hundredths: rows.reduce((a, r) => a + r.hundredths, 0), value: rows.reduce((a, r) => a + r.value, 0) }).toEqual(total);
      }
      for (const e of list.entries) expect(e.value).toBe(effortValue(e.hundredths, summary.rate));

      const entriesCsv = await member.get<string>(`${BASE}/entries/export?year=${year}&format=csv`);
      expect(entriesCsv.status).toBe(200);
      const rows = csvRows(entriesCsv.body);
      expect(rows).toHaveLength(list.entries.length);
      rows.forEach((cells, i) => {
        const e = list.entries[i]!;
        expect([cells[0], cells[1], cells[3], Math.round(Number(cells[7]) * 100), Number(cells[9])]).toEqual([
          e.month,
          e.municipalityNumber,
          e.projectReference ?? '',
          e.hundredths,
          e.value,
        ]);
      });
      const summaryCsv = csvRows((await member.get<string>(`${BASE}/summary/export?year=${year}&format=csv`)).body);
      const totalRow = summaryCsv.at(-1)!;
      expect([Math.round(Number(totalRow[3]) * 100), Number(totalRow[5])]).toEqual([total.hundredths, total.value]);
      const municipalityRows = summaryCsv.slice(0, summary.byMunicipality.length);
      expect(municipalityRows.map((r) => [r[1], Number(r[5])])).toEqual(summary.byMunicipality.map((m) => [m.municipalityNumber, m.value]));
    }
    const xlsx = await member.get(`${BASE}/entries/export?year=2022&format=xlsx`);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    const filtered = (await member.get<EntryList>(`${BASE}/entries?year=2033&municipality=${HADSEL}`)).body;
    expect(filtered.entries.length).toBeGreaterThan(0);
    expect(filtered.entries.every((e) => e.municipalityNumber === HADSEL)).toBe(true);
    const common = (await member.get<EntryList>(`${BASE}/entries?year=2033&project=common`)).body;
    expect(common.entries.every((e) => e.projectId === null)).toBe(true);
    const ofProject = (await member.get<EntryList>(`${BASE}/entries?year=2033&project=${project.id}`)).body;
    expect(ofProject.entries.map((e) => e.projectId)).toEqual([project.id]);
  });

  it('shows a project’s own effort by municipality, over all years and per year', async () => {
    const res = await member.get<ProjectOwnEffort>(`/api/projects/${project.id}/own-effort`);
    expect(res.status).toBe(200);
    const all = (await t.db.select().from(ownEffortEntries).where(eq(ownEffortEntries.projectId, project.id))).map(
      (e) => e.hoursHundredths,
    );
    expect(res.body.total.hundredths).toBe(all.reduce((a, h) => a + h, 0));
    expect(res.body.years.map((y) => [y.year, y.rate])).toEqual([
      [2030, 733],
      [2033, 777],
    ]);
    expect(res.body.total.value).toBe(res.body.years.reduce((a, y) => a + y.total.value, 0));
    expect(res.body.byMunicipality).toEqual([{ municipalityNumber: SORTLAND, municipalityName: 'Sortland - Suortá', ...res.body.total }]);
    expectError(await lofoten.get(`/api/projects/${project.id}/own-effort`), 404, 'not_found');
  });

  it('audits every change in the same transaction', async () => {
    const entry = (await register(secretariat, { month: '2030-06', hoursHundredths: 100 })).body;
    await secretariat.patch(`/api/own-effort-entries/${entry.id}`, { hoursHundredths: 200, version: 1 });
    expect(await auditCount(t.db, 'ownEffortEntry', entry.id)).toBe(2);
  });
});
