import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../test/harness.ts';
import type { PublicBodyCalendar, PublicMeeting, PublicNetwork } from '../../../shared/publicAccess/schema.ts';
import type { PublicPortfolio } from '../../../shared/portfolio/public-projects.ts';
import { decideInWriting, freshBody, makeMeeting, type CaseSpec } from './testing.ts';

const ORIGIN = 'http://localhost:3999';

/**
 * Nothing exempt, closed or unpublished leaks: a unique marker is written into everything the public must
 * not see (an exempt case's title, paper, recommendation, handling, decision, remarks and documents; an
 * exempt document of a public case; a closed item's deliberation; non-public, planned, cancelled and
 * unapproved meetings; a written procedure on an exempt case), everything is published as far as it goes,
 * and then every public endpoint is crawled (the JSON API, the calendar feeds, the decision search, the
 * whole OParl API and every file it links to). The marker must appear in no answer.
 */
describe.each(DATABASE_KINDS)('no exempt content on the public pages, on %s', (kind) => {
  const MARKER = `Lekkasje${randomBytes(6).toString('hex')}`;
  let t: TestApp;
  let vest: Client;
  let anon: Client;
  let bodyId: string;
  const seen = new Map<string, string>();
  const exemptIds: { caseId: string; documentIds: string[]; itemId: string }[] = [];

  const secret = (what: string) => `${what} ${MARKER} budsjett`;
  const exemptCase = (title: string): CaseSpec => ({
    title: secret(title),
    exempt: 'offentleglova § 13, jf. forvaltningsloven § 13',
    casePaper: secret('Saksframlegg'),
    recommendation: secret('Innstilling'),
    deliberation: secret('Behandling'),
    decision: secret('Vedtak'),
    proposals: [{ proposedBy: 'Hadsel kommune', text: secret('Forslag'), result: 'rejected' }],
    documents: [{ fileName: `${MARKER}.pdf`, text: secret('Vedlegg') }],
  });

  beforeAll(async () => {
    t = await startTestApp(kind);
    vest = await t.as(USERS.vesteralenAdmin);
    anon = t.anonymous();
    const vestId = await t.networkId('digivesteralen');
    const fresh = await freshBody(vest, vestId, 'Lekkasjeutvalget');
    bodyId = fresh.bodyId;
    const remark = (text: string) => [{ personId: fresh.personIds[1]!, text: secret(text) }];
    const approved = await makeMeeting(vest, bodyId, {
      date: '2025-04-22',
      cases: [
        {
          ...exemptCase('Personalsak'),
          remarks: remark('Merknad'),
          vote: { kind: 'roll', ballots: fresh.personIds.map((personId) => ({ personId, choice: 'yes' })) },
        },
        {
          title: 'Budsjett for 2026',
          casePaper: 'Budsjettet er lagt fram.',
          recommendation: 'Budsjettet vedtas.',
          decision: 'Budsjettet vedtas.',
          documents: [
            { fileName: 'budsjett.pdf', text: 'Budsjett' },
            { fileName: `vedlegg-${MARKER}.pdf`, text: secret('Unntatt vedlegg'), exempt: 'offentleglova § 23' },
          ],
        },
        {
          title: 'Forhandlinger om budsjett',
          closedBasis: 'kommuneloven § 11-5 (2) b',
          deliberation: secret('Lukket behandling'),
          proposals: [{ proposedBy: 'Bø kommune', text: secret('Lukket forslag'), result: 'rejected' }],
          remarks: remark('Lukket merknad'),
          decision: 'Forhandlingene fortsetter om budsjett.',
        },
      ],
    });
    const item = approved.items[secret('Personalsak')]!;
    exemptIds.push({ ...item, documentIds: [...item.documentIds, approved.items['Budsjett for 2026']!.documentIds[1]!] });
    await makeMeeting(vest, bodyId, {
      date: '2025-05-05',
      isPublic: false,
      cases: [{ title: secret('Internt møte'), decision: secret('Internt vedtak') }],
    });
    await makeMeeting(vest, bodyId, {
      date: '2025-10-10',
      stage: 'planned',
      cases: [{ title: secret('Planlagt'), documents: [{ fileName: 'plan.pdf', text: secret('Plan') }] }],
    });
    await makeMeeting(vest, bodyId, {
      date: '2025-08-08',
      stage: 'held',
      cases: [{ title: 'Budsjettjustering', decision: secret('Ikke godkjent protokoll') }],
    });
    const summonedThenCancelled = await makeMeeting(vest, bodyId, {
      date: '2025-06-06',
      stage: 'summoned',
      cases: [{ title: secret('Avlyst') }],
    });
    const current = await vest.get(`/api/meetings/${summonedThenCancelled.id}`);
    expect((await vest.delete(`/api/meetings/${summonedThenCancelled.id}?version=${current.body.version}`)).status).toBe(200);
    const written = await decideInWriting(t, vest, bodyId, exemptCase('Hastesak'));
    expect(written.procedureId).toBeTruthy();
    // A lesson learned not marked shareable, on DigiHelse (a project the public portfolio shows): it stays internal.
    const portfolio = await vest.get<{ id: string; title: string }[]>(`/api/networks/${vestId}/projects`);
    const digiHelse = portfolio.body.find((p) => p.title.includes('DigiHelse'))!;
    const lesson = await vest.post(`/api/projects/${digiHelse.id}/lessons`, {
      title: secret('Erfaring'),
      happened: secret('Hendelse'),
      learned: secret('Lærdom'),
      nextTime: secret('Neste gang'),
      shareable: false,
    });
    expect(lesson.status).toBe(201);
  });
  afterAll(() => t.close());

  /** Fetches a URL once, records its answer as text, and returns it. */
  async function fetchText(url: string): Promise<{ status: number; text: string; json: unknown }> {
    const res = await anon.get(url.startsWith(ORIGIN) ? url.slice(ORIGIN.length) : url);
    const text =
      typeof res.body === 'string' ? res.body : Buffer.isBuffer(res.body) ? res.body.toString('latin1') : JSON.stringify(res.body);
    seen.set(url, text);
    return { status: res.status, text, json: typeof res.body === 'object' && !Buffer.isBuffer(res.body) ? res.body : null };
  }

  async function minutesText(meetingId: string): Promise<string> {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/meetings/${meetingId}/minutes?format=pdf` });
    expect(res.statusCode).toBe(200);
    const file = join(mkdtempSync(join(tmpdir(), 'public-minutes-')), 'protokoll.pdf');
    writeFileSync(file, res.rawPayload);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  }

  it('is in no answer of the public JSON API, the calendar feeds, the documents or the search', async () => {
    const networks = (await fetchText('/api/public/networks')).json as PublicNetwork[];
    for (const network of networks) {
      for (const body of network.bodies) {
        const calendar = (await fetchText(`/api/public/bodies/${body.id}`)).json as PublicBodyCalendar;
        await fetchText(`/api/public/bodies/${body.id}/calendar.ics`);
        for (const year of calendar.years) {
          const plan = (await fetchText(`/api/public/bodies/${body.id}?year=${year}`)).json as PublicBodyCalendar;
          for (const m of plan.meetings) {
            const meeting = (await fetchText(`/api/public/meetings/${m.id}`)).json as PublicMeeting;
            // The minutes PDF, read as text (DOCX is rendered from the same public document model).
            if (meeting.minutesApprovedAt) seen.set(`minutes ${m.id}`, await minutesText(m.id));
            for (const document of meeting.items.flatMap((i) => i.documents)) {
              expect((await fetchText(document.url)).status).toBe(200);
            }
          }
        }
      }
    }
    for (const q of [
      MARKER,
      MARKER.toLowerCase(),
      'budsjett',
      'vedtak',
      'personalsak',
      'lukket behandling',
      'forslag',
      'merknad',
      'hastesak',
      'innstilling',
    ]) {
      await fetchText(`/api/public/search?q=${encodeURIComponent(q)}&limit=100`);
    }
    expect(JSON.parse(seen.get(`/api/public/search?q=${MARKER}&limit=100`)!)).toMatchObject({ total: 0 });
    for (const id of exemptIds.flatMap((e) => e.documentIds)) {
      expect((await fetchText(`/api/public/documents/${id}`)).status).toBe(404);
    }
    // The crawl reached the meeting with the exempt case: its neutral title is there, in the minutes PDF too.
    expect([...seen.values()].some((text) => text.includes('Unntatt offentlighet, jf. offentleglova § 13'))).toBe(true);
    const minutes = [...seen].filter(([key]) => key.startsWith('minutes '));
    expect(minutes.some(([, text]) => text.replace(/\s+/g, ' ').includes('Unntatt offentlighet, jf. offentleglova § 13'))).toBe(true);
    expectNoMarker();
  });

  it('is in no object of the OParl API nor any file it links to', async () => {
    const queue = [`${ORIGIN}/api/oparl/v1/system`];
    const visited = new Set<string>();
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (visited.has(url)) continue;
      visited.add(url);
      const { status, json } = await fetchText(url);
      expect(status, url).toBe(200);
      for (const link of urlsIn(json)) {
        if (!visited.has(link) && (link.startsWith(`${ORIGIN}/api/oparl/`) || link.startsWith(`${ORIGIN}/api/public/`))) queue.push(link);
      }
    }
    expect(visited.size).toBeGreaterThan(50);
    for (const e of exemptIds) {
      const paper = await fetchText(`${ORIGIN}/api/oparl/v1/papers/${e.caseId}`);
      expect(paper.json).toMatchObject({ name: 'Unntatt offentlighet, jf. offentleglova § 13, jf. forvaltningsloven § 13' });
      for (const id of e.documentIds) expect((await fetchText(`${ORIGIN}/api/oparl/v1/files/${id}`)).status).toBe(404);
    }
    expect([...visited].some((url) => url.includes('/api/public/documents/'))).toBe(true);
    expectNoMarker();
  });

  it('is in no eInnsyn form (per meeting and for a period) nor any document such a form points to', async () => {
    const networks = (await fetchText('/api/public/networks')).json as PublicNetwork[];
    const linked = new Set<string>();
    let meetingsSeen = 0;
    for (const network of networks) {
      const years = new Set<number>();
      for (const body of network.bodies) {
        const calendar = (await fetchText(`/api/public/bodies/${body.id}`)).json as PublicBodyCalendar;
        for (const year of calendar.years) {
          years.add(year);
          const plan = (await fetchText(`/api/public/bodies/${body.id}?year=${year}`)).json as PublicBodyCalendar;
          for (const m of plan.meetings.filter((x) => !x.cancelled)) {
            const form = await fetchText(`/api/public/meetings/${m.id}/einnsyn`);
            expect(form.status, m.id).toBe(200);
            meetingsSeen++;
            for (const url of form.text.match(/https?:\/\/[^<\s"]+/g) ?? [])
              if (url.startsWith(ORIGIN)) linked.add(url.replace(/&amp;/g, '&'));
          }
        }
      }
      for (const year of years) {
        const period = await fetchText(`/api/public/networks/${network.slug}/einnsyn?from=${year}-01-01&to=${year}-12-31`);
        expect(period.status).toBe(200);
      }
    }
    expect(meetingsSeen).toBeGreaterThan(3);
    // Every summons, case paper, attachment and minutes the forms point to, read as text.
    for (const url of linked) {
      const res = await t.app.inject({ method: 'GET', url: url.slice(ORIGIN.length) });
      expect(res.statusCode, url).toBe(200);
      if (String(res.headers['content-type']).startsWith('application/pdf')) {
        const file = join(mkdtempSync(join(tmpdir(), 'einnsyn-crawl-')), 'fil.pdf');
        writeFileSync(file, res.rawPayload);
        // The rendered PDFs read as text; the tests' uploaded stand-ins are not real PDFs, but plain text inside.
        const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
        seen.set(url, `${text}\n${res.rawPayload.toString('latin1')}`);
      } else seen.set(url, res.body);
    }
    expect([...linked].some((url) => url.includes('/summons'))).toBe(true);
    expect([...linked].some((url) => url.includes('/case-paper'))).toBe(true);
    // The exempt case is there by its public title, as everywhere on the public pages.
    expect([...seen.values()].some((text) => text.includes('<offentligTittel>Unntatt offentlighet, jf. offentleglova § 13'))).toBe(true);
    for (const e of exemptIds) {
      const item = await t.app.inject({ method: 'GET', url: `/api/public/agenda-items/${e.itemId}/case-paper` });
      expect(item.statusCode).toBe(404);
    }
    expectNoMarker();
  });

  it('is in no answer of the public portfolio: no lesson learned that is not shareable', async () => {
    const networks = (await fetchText('/api/public/networks')).json as PublicNetwork[];
    let projectsSeen = 0;
    for (const network of networks) {
      const portfolio = await fetchText(`/api/public/networks/${network.slug}/projects`);
      expect(portfolio.status).toBe(200);
      for (const project of (portfolio.json as PublicPortfolio).projects) {
        expect((await fetchText(`/api/public/networks/${network.slug}/projects/${project.reference}`)).status).toBe(200);
        projectsSeen++;
      }
    }
    expect(projectsSeen).toBeGreaterThan(0);
    expect([...seen.values()].some((text) => text.includes('DigiHelse'))).toBe(true);
    await fetchText(`/api/public/search?q=${MARKER}&limit=100`);
    expectNoMarker();
  });

  function expectNoMarker() {
    const leaks = [...seen].filter(([, text]) => text.toLowerCase().includes(MARKER.toLowerCase())).map(([url]) => url);
    expect(leaks).toEqual([]);
    expect(seen.size).toBeGreaterThan(10);
  }
});

/** Every absolute http(s) URL in a JSON answer (ids, lists, links, downloads). */
function urlsIn(value: unknown): string[] {
  if (typeof value === 'string') return /^https?:\/\//.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urlsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(urlsIn);
  return [];
}
