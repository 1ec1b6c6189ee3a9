import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import { expectFieldErrors } from '../../../../test/helpers.ts';
import type { PublicSearchPage } from '../../../shared/publicAccess/schema.ts';
import { decideInWriting, freshBody, makeMeeting } from './testing.ts';

/**
 * The public decision search: Norwegian full text (stemming, web-search syntax), ranked with the title
 * weighted, highlighted snippets, paging and filters, and only published decisions, never exempt cases or
 * closed deliberations, on both databases.
 */
describe.each(DATABASE_KINDS)('public decision search on %s', (kind) => {
  let t: TestApp;
  let vest: Client;
  let anon: Client;
  let vestId: string;
  let bodyId: string;
  let otherBodyId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    vest = await t.as(USERS.vesteralenAdmin);
    anon = t.anonymous();
    vestId = await t.networkId('digivesteralen');
    ({ bodyId } = await freshBody(vest, vestId, 'Søkeutvalget'));
    ({ bodyId: otherBodyId } = await freshBody(vest, vestId, 'Andre utvalg'));
    await makeMeeting(vest, bodyId, {
      date: '2025-03-10',
      cases: [
        {
          title: 'Felles anskaffelse av fagsystem for barnehage',
          recommendation: 'Kommunene gjennomfører en felles anskaffelse.',
          decision: 'Kommunene gjennomfører en felles anskaffelse av fagsystem for barnehage, med <b>oppstart</b> i 2026.',
        },
        {
          title: 'Orientering om økonomi',
          type: 'information',
          outcome: 'noted',
          deliberation: 'Det ble nevnt at en anskaffelse kan bli aktuell senere.',
          decision: 'Orienteringen tas til etterretning.',
        },
        {
          title: 'Driftsavtale for nettverket',
          closedBasis: 'kommuneloven § 11-5',
          deliberation: 'Forhandlingene om Zebrafinke og anskaffelse ble drøftet.',
          decision: 'Avtalen inngås.',
        },
        { title: 'Personalsak Kolibri', exempt: 'offentleglova § 25', decision: 'Kolibri tilsettes som anskaffelsesleder.' },
        { title: 'Utsatt sak om Spurvehauk', outcome: 'withdrawn', decision: 'Spurvehauk' },
      ],
    });
    // Handled, but the minutes are not approved yet.
    await makeMeeting(vest, bodyId, {
      date: '2025-09-15',
      stage: 'held',
      cases: [{ title: 'Pelikan-prosjektet', decision: 'Pelikan-prosjektet startes.' }],
    });
    await makeMeeting(vest, otherBodyId, {
      date: '2024-11-05',
      cases: [{ title: 'Anskaffelse av skytjenester', decision: 'Skytjenester anskaffes i fellesskap.' }],
    });
    await decideInWriting(t, vest, bodyId, {
      title: 'Høringssvar om regelverket for offentlige anskaffelser',
      recommendation: 'Høringssvaret om anskaffelser sendes.',
    });
  });
  afterAll(() => t.close());

  const search = async (params: Record<string, string | number>) => {
    const res = await anon.get(
      `/api/public/search?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as PublicSearchPage;
  };
  const titles = (page: PublicSearchPage) => page.items.map((i) => i.title);

  it('finds inflected forms (Norwegian stemming), best matches first: the title counts most', async () => {
    const page = await search({ q: 'anskaffelser', body: bodyId });
    expect(titles(page)).toEqual([
      'Høringssvar om regelverket for offentlige anskaffelser',
      'Felles anskaffelse av fagsystem for barnehage',
      'Orientering om økonomi',
    ]);
    expect(page.items[0]!.rank).toBeGreaterThanOrEqual(page.items[1]!.rank);
    expect(page.items[1]!.rank).toBeGreaterThan(page.items[2]!.rank);
    expect(page.total).toBe(3);
    expect(page.items[1]).toMatchObject({
      number: '003/25',
      bodyName: 'Søkeutvalget',
      networkName: 'DigiVesterålen',
      meetingDate: '2025-03-10',
      outcome: 'decided',
      type: 'decision',
    });
  });

  it('gives a snippet with the matched words marked, as data and never as HTML', async () => {
    const [hit] = (await search({ q: 'oppstart', body: bodyId })).items;
    expect(hit!.title).toBe('Felles anskaffelse av fagsystem for barnehage');
    expect(hit!.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['oppstart']);
    // Markup in the text is dropped by ts_headline; the marks are data, for the page to render as <mark>.
    expect(hit!.snippet.map((p) => p.text).join('')).not.toMatch(/<\/?b>/);
    expect(JSON.stringify(hit!.snippet)).not.toMatch(/[\uE000\uE001]/);
  });

  it('understands web-search syntax: phrases and exclusions', async () => {
    expect(titles(await search({ q: '"felles anskaffelse"', body: bodyId }))).toEqual(['Felles anskaffelse av fagsystem for barnehage']);
    expect(titles(await search({ q: 'anskaffelse -barnehage', body: bodyId }))).not.toContain(
      'Felles anskaffelse av fagsystem for barnehage',
    );
  });

  it('never finds an exempt case, a closed deliberation, a withdrawn item or minutes not yet approved', async () => {
    for (const q of ['Kolibri', 'Zebrafinke', 'Spurvehauk', 'Pelikan']) {
      expect(await search({ q }), q).toMatchObject({ total: 0, items: [] });
    }
    // The closed item is found by its public decision, with a snippet from the public part only.
    const closed = await search({ q: 'avtalen inngås', body: bodyId });
    expect(titles(closed)).toEqual(['Driftsavtale for nettverket']);
    expect(JSON.stringify(closed)).not.toContain('Forhandlingene');
    expect(titles(await search({ q: 'forhandlingene', body: bodyId }))).toEqual([]);
  });

  it('filters by network, body and year', async () => {
    expect(titles(await search({ q: 'skytjenester' }))).toEqual(['Anskaffelse av skytjenester']);
    expect(titles(await search({ q: 'skytjenester', network: 'digivesteralen' }))).toEqual(['Anskaffelse av skytjenester']);
    expect(titles(await search({ q: 'skytjenester', network: vestId }))).toEqual(['Anskaffelse av skytjenester']);
    expect(titles(await search({ q: 'skytjenester', network: 'lofoten-ikt' }))).toEqual([]);
    expect(titles(await search({ q: 'skytjenester', body: bodyId }))).toEqual([]);
    expect(titles(await search({ q: 'skytjenester', year: 2024 }))).toEqual(['Anskaffelse av skytjenester']);
    expect(titles(await search({ q: 'skytjenester', year: 2025 }))).toEqual([]);
  });

  it('pages through the hits with limit and offset, the total staying the same', async () => {
    const all = await search({ q: 'anskaffelser', body: bodyId });
    const first = await search({ q: 'anskaffelser', body: bodyId, limit: 2, offset: 0 });
    const second = await search({ q: 'anskaffelser', body: bodyId, limit: 2, offset: 2 });
    expect([...titles(first), ...titles(second)]).toEqual(titles(all));
    expect([first.total, second.total]).toEqual([3, 3]);
    expect(await search({ q: 'anskaffelser', body: bodyId, limit: 2, offset: 10 })).toEqual({
      total: 3,
      totalCapped: false,
      limit: 2,
      offset: 10,
      items: [],
    });
  });

  it('answers a query of stop words with nothing, and a missing query or a bad filter with 400', async () => {
    expect((await search({ q: 'og i på' })).total).toBe(0);
    expectFieldErrors(await anon.get('/api/public/search'), { q: expect.any(String) });
    expectFieldErrors(await anon.get('/api/public/search?q=x&limit=1000&body=abc'), {
      limit: expect.any(String),
      body: expect.any(String),
    });
  });
});
