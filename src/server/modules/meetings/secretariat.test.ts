import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectError, expectFieldErrors, latestAudit, unique } from '../../../../test/helpers.ts';
import type { Meeting } from '../../../shared/meetings/schema.ts';

/** How a secretariat runs a body's meetings: truthful errors, numbering that continues, a fixed agenda, roles, timings, outcomes told. */
describe.each(DATABASE_KINDS)('the secretariat’s meetings on %s', (kind) => {
  let t: TestApp;
  let vest: Client;
  let member: Client;
  let vestId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    [vest, member] = await Promise.all([t.as(USERS.vesteralenAdmin), t.as(USERS.vesteralenMember)]);
    vestId = await t.networkId('digivesteralen');
  });
  afterAll(() => t.close());

  async function person(name: string, municipalityNumber = '1870') {
    const res = await vest.post('/api/people', { networkId: vestId, name, email: `${unique()}@example.no`, municipalityNumber });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  async function newBody(fields: Record<string, unknown> = {}) {
    const res = await vest.post(`/api/networks/${vestId}/bodies`, {
      kind: 'regionalCouncil',
      name: `Regionråd ${unique()}`,
      shortCode: 'RR',
      ...fields,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  }
  async function seat(bodyId: string, personId: string, role: string, fields: Record<string, unknown> = {}) {
    const res = await vest.post(`/api/bodies/${bodyId}/memberships`, {
      personId,
      role,
      fromDate: '2020-01-01',
      municipalityNumber: '1870',
      ...fields,
    });
    expect(res.status).toBe(201);
    const body = await vest.get(`/api/bodies/${bodyId}`);
    return (body.body.memberships as { id: string; personId: string }[]).find((m) => m.personId === personId)!.id;
  }
  async function meetingOf(bodyId: string, date: string, fields: Record<string, unknown> = {}) {
    const res = await vest.post(`/api/bodies/${bodyId}/meetings`, { date, startTime: '09:00', place: 'Sortland rådhus', ...fields });
    expect(res.status).toBe(201);
    return res.body as Meeting;
  }
  async function addCase(meetingId: string, title: string, fields: Record<string, unknown> = {}) {
    const res = await vest.post(`/api/meetings/${meetingId}/cases`, {
      type: 'decision',
      title,
      recommendation: `Innstilling i ${title}.`,
      ...fields,
    });
    expect(res.status).toBe(201);
    return res.body as Meeting;
  }

  it('a save without its version is a 400 naming the field, not a conflict', async () => {
    const body = await newBody();
    const meeting = await meetingOf(body.id, '2026-02-02');
    expectFieldErrors(await vest.patch(`/api/meetings/${meeting.id}`, { place: 'Stokmarknes' }), { version: '«Versjon» må fylles ut.' });
    expectFieldErrors(await vest.patch(`/api/agenda-items/${meeting.items[0]!.id}`, { title: 'Ny' }), {
      version: '«Versjon» må fylles ut.',
    });
    expectFieldErrors(await vest.patch(`/api/bodies/${body.id}`, { name: 'Nytt navn' }), { version: '«Versjon» må fylles ut.' });
    expectFieldErrors(await vest.request('DELETE', `/api/meetings/${meeting.id}`), { version: '«Versjon» må fylles ut.' });
  });
  it('numbering continues: the next number is set per body and year, only upwards, audited, and the summons follows it', async () => {
    const body = await newBody();
    expect((await member.get(`/api/bodies/${body.id}/case-numbers/2026`)).body).toEqual({ year: 2026, lastUsed: null, next: 1 });
    expectFieldErrors(await vest.put(`/api/bodies/${body.id}/case-numbers/2026`, { next: 0 }), {
      next: '«Neste saksnummer» må være minst 1.',
    });
    expectFieldErrors(await vest.put(`/api/bodies/${body.id}/case-numbers/2026`, {}), { next: '«Neste saksnummer» må fylles ut.' });
    expectError(await member.put(`/api/bodies/${body.id}/case-numbers/2026`, { next: 112 }), 403, 'forbidden');
    const set = await vest.put(`/api/bodies/${body.id}/case-numbers/2026`, { next: 112 });
    expect(set.body).toEqual({ year: 2026, lastUsed: null, next: 112 });
    const audit = await latestAudit(t.db, 'body', body.id);
    expect(audit).toMatchObject({ action: 'setNextCaseNumber', after: { year: 2026, next: 112 } });

    let meeting = await meetingOf(body.id, '2026-03-02');
    meeting = await addCase(meeting.id, 'Første sak i Digiregion');
    const sent = await vest.post(`/api/meetings/${meeting.id}/summons`, { version: meeting.version });
    expect(sent.body.items.map((i: { number: string }) => i.number)).toEqual(['112/26', '113/26', '114/26']);

    // At or below a number in use is refused and changes nothing; another year is its own series.
    expectFieldErrors(await vest.put(`/api/bodies/${body.id}/case-numbers/2026`, { next: 114 }), {
      next: '«Neste saksnummer» må være minst 115.',
    });
    expect((await vest.get(`/api/bodies/${body.id}/case-numbers/2026`)).body).toEqual({ year: 2026, lastUsed: 114, next: 115 });
    expect((await vest.put(`/api/bodies/${body.id}/case-numbers/2026`, { next: 120 })).body.next).toBe(120);
    expect((await vest.get(`/api/bodies/${body.id}/case-numbers/2027`)).body.next).toBe(1);
  });
});
