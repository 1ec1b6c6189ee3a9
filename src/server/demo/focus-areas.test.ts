import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../test/harness.ts';

interface Area {
  key: string | null;
  title: string | null;
}

/**
 * Every focus area the demo's projects and proposals point at is one its network has published, so the portfolio,
 * Nytte and the public project page show its name: a key no published strategy has (the demo once gave a project a
 * principle's key, `enkel-selvbetjening`) had nothing to show but the key itself.
 */
describe.each(DATABASE_KINDS)('the demo names its focus areas on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let slugs: string[];

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.as(USERS.platformAdmin);
    slugs = (await admin.get<{ slug: string }[]>('/api/networks')).body.map((n) => n.slug);
  });
  afterAll(() => t.close());

  /** The titles each network's published strategies give its focus areas, by key. */
  async function published(slug: string): Promise<Map<string, string>> {
    const strategies = await admin.get<{ version: { content: { focusAreas: { key: string; title: string }[] } } }[]>(
      `/api/public/networks/${slug}/strategies`,
    );
    expect(strategies.status).toBe(200);
    return new Map(strategies.body.flatMap((s) => s.version.content.focusAreas.map((a) => [a.key, a.title] as const)));
  }

  /** Each area shown is one the network published, under that strategy's title and never its key. */
  function expectNamed(areas: Area[], titles: Map<string, string>, where: string) {
    for (const area of areas) {
      if (area.key === null) continue;
      expect(titles.has(area.key), `${where}: ${area.key} is a published focus area`).toBe(true);
      expect(area.title, `${where}: the name of ${area.key}`).toBe(titles.get(area.key));
    }
  }

  it('in the portfolio, on Nytte and on the public project pages', async () => {
    let seen = 0;
    for (const slug of slugs) {
      const titles = await published(slug);
      const rows = await admin.get<{ reference: string; focusAreas: Area[] }[]>(`/api/networks/${slug}/projects`);
      expect(rows.status).toBe(200);
      for (const row of rows.body) expectNamed(row.focusAreas, titles, `${slug} portfolio ${row.reference}`);
      seen += rows.body.reduce((sum, row) => sum + row.focusAreas.length, 0);

      const rollup = await admin.get<{ focusAreas: Area[] }>(`/api/networks/${slug}/benefits`);
      expect(rollup.status).toBe(200);
      expectNamed(rollup.body.focusAreas, titles, `${slug} Nytte`);

      const open = await t
        .anonymous()
        .get<{ projects: { reference: string; focusAreas: Area[] }[] }>(`/api/public/networks/${slug}/projects`);
      expect(open.status).toBe(200);
      for (const project of open.body.projects) {
        expectNamed(project.focusAreas, titles, `${slug} innsyn ${project.reference}`);
        const page = await t.anonymous().get<{ focusAreas: Area[] }>(`/api/public/networks/${slug}/projects/${project.reference}`);
        expect(page.status).toBe(200);
        expectNamed(page.body.focusAreas, titles, `${slug} innsyn ${project.reference} page`);
      }

      const proposals = await admin.get<{ title: string; focusAreaKey: string | null; focusAreaTitle: string | null }[]>(
        `/api/networks/${slug}/proposals`,
      );
      expect(proposals.status).toBe(200);
      for (const p of proposals.body) {
        expectNamed([{ key: p.focusAreaKey, title: p.focusAreaTitle }], titles, `${slug} proposal ${p.title}`);
      }
    }
    // The demo's projects do point at focus areas: the loops above checked something.
    expect(seen).toBeGreaterThan(1);
  });
});
