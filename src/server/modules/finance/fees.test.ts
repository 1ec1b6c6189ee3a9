import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, expectFieldErrors, latestAudit } from '../../../../test/helpers.ts';
import { feeLines, municipalities, networkMembers, networks } from '../../db/schema/index.ts';
import type { FeeSchedule, FeeScheduleSummary } from '../../../shared/finance/fees.ts';
import type { Meeting } from '../../../shared/meetings/schema.ts';
import { currentMembership } from '../network/index.ts';

const VESTERALEN = 'digivesteralen';
const BANDS = {
  kind: 'populationBands',
  bands: [
    { upTo: 499, amount: 25_000 },
    { upTo: 4_999, amount: 50_000 },
    { upTo: 9_999, amount: 100_000 },
    { upTo: null, amount: 150_000 },
  ],
};
const bandOf = (population: number) =>
  population <= 499 ? 25_000 : population <= 4_999 ? 50_000 : population <= 9_999 ? 100_000 : 150_000;

describe.each(DATABASE_KINDS)('member fees on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let member: Client;
  let lofoten: Client;
  let steeringGroupId: string;
  let day = 0;
  beforeAll(async () => {
    t = await startTestApp(kind);
    secretariat = await t.as(USERS.vesteralenAdmin);
    member = await t.as(USERS.vesteralenMember);
    lofoten = await t.as(USERS.lofotenAdmin);
    const bodies = await secretariat.get<{ id: string; kind: string }[]>(`/api/networks/${VESTERALEN}/bodies`);
    steeringGroupId = bodies.body.find((b) => b.kind === 'steeringGroup')!.id;
  });
  afterAll(() => t.close());

  /** DigiVesterålen's current members with their population in the reference data. */
  const members = async () => {
    const [network] = await t.db.select({ id: networks.id }).from(networks).where(eq(networks.slug, VESTERALEN));
    return t.db
      .selectDistinct({ number: municipalities.number, population: municipalities.population, year: municipalities.populationYear })
      .from(networkMembers)
      .innerJoin(municipalities, eq(municipalities.number, networkMembers.municipalityNumber))
      .where(and(eq(networkMembers.networkId, network!.id), currentMembership()));
  };
  const create = async (fields: Record<string, unknown> = {}) => {
    const res = await secretariat.post<FeeSchedule>(`/api/networks/${VESTERALEN}/fee-schedules`, {
      year: 2026,
      title: 'Kontingent 2026',
      populationYear: 2024,
      model: BANDS,
      ...fields,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  /** A case before the steering group in a held meeting, decided unless told otherwise. */
  const steeringGroupCase = async (decided = true): Promise<string> => {
    day++;
    const date = new Date(Date.UTC(2034, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    let meeting = (await secretariat.post<Meeting>(`/api/bodies/${steeringGroupId}/meetings`, { date, startTime: '09:00' })).body;
    meeting = (
      await secretariat.post<Meeting>(`/api/meetings/${meeting.id}/cases`, {
        type: 'decision',
        title: 'Kontingent for 2026',
        recommendation: 'Styringsgruppen vedtar kontingenten for 2026.',
      })
    ).body;
    meeting = (await secretariat.post<Meeting>(`/api/meetings/${meeting.id}/summons`, { version: meeting.version })).body;
    const item = meeting.items.at(-1)!;
    if (decided)
      expect((await secretariat.patch(`/api/agenda-items/${item.id}`, { outcome: 'decided', version: item.version })).status).toBe(200);
    meeting = (await secretariat.get<Meeting>(`/api/meetings/${meeting.id}`)).body;
    expect((await secretariat.post(`/api/meetings/${meeting.id}/held`, { version: meeting.version })).status).toBe(200);
    return item.id;
  };

  it('refuses the anonymous, then bad input naming the field in Norwegian', async () => {
    expectError(await t.anonymous().get(`/api/networks/${VESTERALEN}/fee-schedules`), 401, 'unauthenticated');
    const bad = await secretariat.post(`/api/networks/${VESTERALEN}/fee-schedules`, {
      year: 2026,
      title: '',
      populationYear: 2024,
      model: {
        kind: 'populationBands',
        bands: [
          { upTo: 5_000, amount: 1 },
          { upTo: 500, amount: 2 },
          { upTo: 9_000, amount: 3 },
        ],
      },
    });
    expectFieldErrors(bad, {
      title: '«Tittel» må fylles ut.',
      'model.bands.1.upTo': '«Øvre grense (innbyggere)» må være høyere enn grensen i intervallet før.',
      'model.bands.2.upTo': '«Øvre grense (innbyggere)» skal stå tom i det siste intervallet, som ikke har noen øvre grense.',
    });
    const money = await secretariat.post(`/api/networks/${VESTERALEN}/fee-schedules`, {
      year: 2026,
      title: 'Øre',
      populationYear: 2024,
      model: { kind: 'equalShare', total: 10.5 },
    });
    expect(expectError(money, 400, 'validation_failed')['model.total']).toBe('«Totalbeløp (kr)» har feil type.');
  });

  it('computes each current member’s fee from the reference population, and the total', async () => {
    const schedule = await create();
    const expected = await members();
    expect(schedule).toMatchObject({ status: 'draft', year: 2026, populationYear: 2024, kind: 'populationBands', decision: null });
    expect(schedule.lines).toHaveLength(expected.length);
    for (const m of expected) {
      expect(schedule.lines.find((l) => l.municipalityNumber === m.number)).toMatchObject({
        population: m.population,
        populationYear: m.year,
        amount: bandOf(m.population),
      });
    }
    expect(schedule.total).toBe(expected.reduce((sum, m) => sum + bandOf(m.population), 0));
    const audit = await latestAudit(t.db, 'feeSchedule', schedule.id);
    expect(audit.action).toBe('create');

    const equal = await create({ title: 'Likt', model: { kind: 'equalShare', total: 1_000_001 } });
    expect(equal.total).toBe(1_000_001);

    const list = await member.get<FeeScheduleSummary[]>(`/api/networks/${VESTERALEN}/fee-schedules`);
    expect(list.status).toBe(200);
    expect(list.body.map((s) => s.id)).toEqual(expect.arrayContaining([schedule.id, equal.id]));
  });

  it('refuses a stale save (409), others than the secretariat (403), and those outside the network (404)', async () => {
    const schedule = await create();
    const saved = await secretariat.patch<FeeSchedule>(`/api/fee-schedules/${schedule.id}`, {
      model: { kind: 'perInhabitant', rateOre: 2_550 },
      version: schedule.version,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.lines.every((l) => l.amount === Math.floor((l.population * 2_550 + 50) / 100))).toBe(true);
    expectError(
      await secretariat.patch(`/api/fee-schedules/${schedule.id}`, { title: 'Gammel', version: schedule.version }),
      409,
      'stale_version',
    );
    expectError(
      await member.patch(`/api/fee-schedules/${schedule.id}`, { title: 'Medlem', version: saved.body.version }),
      403,
      'forbidden',
    );
    expect((await member.get(`/api/fee-schedules/${schedule.id}`)).status).toBe(200);
    expectError(await lofoten.get(`/api/fee-schedules/${schedule.id}`), 404, 'not_found');
    expectError(await lofoten.get(`/api/networks/${VESTERALEN}/fee-schedules`), 404, 'not_found');
    expectError(
      await lofoten.patch(`/api/fee-schedules/${schedule.id}`, { title: 'Lofoten', version: saved.body.version }),
      404,
      'not_found',
    );
    expectError(await secretariat.delete(`/api/fee-schedules/${schedule.id}?version=${schedule.version}`), 409, 'stale_version');
    expect((await secretariat.delete(`/api/fee-schedules/${schedule.id}?version=${saved.body.version}`)).status).toBe(200);
    expectError(await secretariat.get(`/api/fee-schedules/${schedule.id}`), 404, 'not_found');
  });

  it('adopts only by a case decided in a held meeting of the network’s bodies, naming agendaItemId otherwise', async () => {
    const schedule = await create();
    const undecided = await steeringGroupCase(false);
    const message = '«Vedtatt sak» må være en vedtatt sak i et avholdt møte i et av nettverkets organer.';
    expectFieldErrors(
      await secretariat.post(`/api/fee-schedules/${schedule.id}/adopt`, { agendaItemId: undecided, version: schedule.version }),
      {
        agendaItemId: message,
      },
    );
    expectFieldErrors(
      await secretariat.post(`/api/fee-schedules/${schedule.id}/adopt`, { agendaItemId: crypto.randomUUID(), version: schedule.version }),
      { agendaItemId: message },
    );
    expect((await secretariat.get<FeeSchedule>(`/api/fee-schedules/${schedule.id}`)).body.status).toBe('draft');
  });

  it('freezes the fees on adoption: later population changes do not move them, and every change answers 423', async () => {
    const schedule = await create({ year: 2027, title: 'Kontingent 2027' });
    const itemId = await steeringGroupCase();
    expectError(
      await secretariat.post(`/api/fee-schedules/${schedule.id}/adopt`, { agendaItemId: itemId, version: schedule.version + 3 }),
      409,
      'stale_version',
    );
    const adopted = await secretariat.post<FeeSchedule>(`/api/fee-schedules/${schedule.id}/adopt`, {
      agendaItemId: itemId,
      version: schedule.version,
    });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
    expect(adopted.body).toMatchObject({ status: 'adopted', adoptedBy: expect.any(String), total: schedule.total });
    expect(adopted.body.decision).toMatchObject({
      agendaItemId: itemId,
      caseNumber: expect.stringMatching(/^\d{3}\/34$/),
      caseTitle: 'Kontingent for 2026',
    });
    expect(await t.db.$count(feeLines, eq(feeLines.scheduleId, schedule.id))).toBe(schedule.lines.length);
    expect((await latestAudit(t.db, 'feeSchedule', schedule.id)).action).toBe('adopt');

    // Sortland grows past nothing in particular: the adopted fees stay as they were.
    const sortland = schedule.lines.find((l) => l.municipalityNumber === '1870')!;
    await t.db.update(municipalities).set({ population: 400 }).where(eq(municipalities.number, '1870'));
    const again = await secretariat.get<FeeSchedule>(`/api/fee-schedules/${schedule.id}`);
    expect(again.body.lines.find((l) => l.municipalityNumber === '1870')).toEqual(sortland);
    const draft = await create({ title: 'Etter endring' });
    expect(draft.lines.find((l) => l.municipalityNumber === '1870')!.amount).toBe(25_000);

    const v = adopted.body.version;
    expectError(await secretariat.patch(`/api/fee-schedules/${schedule.id}`, { title: 'Endret', version: v }), 423, 'locked');
    expectError(await secretariat.delete(`/api/fee-schedules/${schedule.id}?version=${v}`), 423, 'locked');
    expectError(await secretariat.post(`/api/fee-schedules/${schedule.id}/adopt`, { agendaItemId: itemId, version: v }), 423, 'locked');
    // Only one adopted schedule per year.
    const second = await create({ year: 2027, title: 'En til for 2027' });
    expectError(
      await secretariat.post(`/api/fee-schedules/${second.id}/adopt`, { agendaItemId: itemId, version: second.version }),
      409,
      'conflict',
    );
  });

  it('exports the invoice basis with population and year, amount, network, year and the decision', async () => {
    const schedule = await create({ year: 2028, title: 'Kontingent 2028' });
    const itemId = await steeringGroupCase();
    const adopted = (
      await secretariat.post<FeeSchedule>(`/api/fee-schedules/${schedule.id}/adopt`, { agendaItemId: itemId, version: schedule.version })
    ).body;
    const csv = await member.get<string>(`/api/fee-schedules/${schedule.id}/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toContain('kontingent-digivesteralen-2028');
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('Kommunenummer;Kommune;Innbyggere;Innbyggertall per år;Kontingent (kr);Nettverk;Kontingentår;Vedtak');
    expect(rows).toHaveLength(adopted.lines.length + 1);
    const d = adopted.decision!;
    const line = adopted.lines[0]!;
    expect(rows[1]).toBe(
      [
        line.municipalityNumber,
        line.municipalityName,
        line.population,
        line.populationYear,
        line.amount,
        adopted.networkName,
        2028,
        `${d.bodyName}, sak ${d.caseNumber}, møte ${d.meetingDate}`,
      ].join(';'),
    );
    const xlsx = await member.get(`/api/fee-schedules/${schedule.id}/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expectError(await lofoten.get(`/api/fee-schedules/${schedule.id}/export?format=csv`), 404, 'not_found');
  });
});
