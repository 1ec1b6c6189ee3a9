import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type TestApp } from '../../../../test/harness.ts';
import { today } from './dates.ts';

/** A membership ends or begins at midnight without anyone changing anything: the overview must follow the calendar. */
describe.each(DATABASE_KINDS)('network overview across midnight on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows a membership that ended at midnight as former, and the population without it', async () => {
    const secretariat = await t.as(USERS.lofotenAdmin);
    const tomorrow = new Date(Date.now() + 86400_000);
    const tomorrowDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(tomorrow);
    const added = await secretariat.post('/api/networks/lofoten-ikt/members', {
      municipalityNumber: '1860',
      joinedOn: '2024-01-01',
      leftOn: tomorrowDate,
    });
    expect(added.status).toBe(201);
    const before = await t.anonymous().get('/api/networks/lofoten-ikt');
    expect(before.body.members.find((m: { municipalityNumber: string }) => m.municipalityNumber === '1860')).toMatchObject({
      isCurrent: true,
    });

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(tomorrow);
    expect(today()).toBe(tomorrowDate);
    const after = await t.anonymous().get('/api/networks/lofoten-ikt');
    expect(after.body.members.find((m: { municipalityNumber: string }) => m.municipalityNumber === '1860')).toMatchObject({
      isCurrent: false,
    });
    expect(after.body.population).toBe(before.body.population - added.body.population);
  });
});
