import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { JsonLdParser } from 'jsonld-streaming-parser';
import { Parser, Store, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type TestApp } from '../../../../test/harness.ts';
import { municipalities } from '../../db/schema/index.ts';

const SHAPES_FILE = fileURLToPath(new URL('../../../../test/fixtures/dcat-ap-no/dcatapno3-core-shapes.ttl', import.meta.url));
const ORIGIN = 'http://localhost:3999';
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const NLOD = 'http://data.norge.no/nlod/no/2.0';

function shapes(): Store {
  return new Store(new Parser().parse(readFileSync(SHAPES_FILE, 'utf8')));
}

/** JSON-LD to RDF as a harvester reads it; the context is inline, so nothing is fetched. */
async function toRdf(json: unknown): Promise<Store> {
  const store = new Store();
  await new Promise<void>((resolve, reject) => {
    const parser = new JsonLdParser();
    parser.on('data', (quad: Quad) => store.addQuad(quad));
    parser.on('error', reject);
    parser.on('end', resolve);
    parser.write(JSON.stringify(json));
    parser.end();
  });
  return store;
}

async function validate(data: Store) {
  const report = await new SHACLValidator(shapes()).validate(data);
  const problems = report.results.map(
    (r) => `${r.focusNode?.value} ${r.path?.value ?? ''}: ${r.message.map((m) => m.value).join('; ')} (${r.severity?.value})`,
  );
  return { conforms: report.conforms, problems };
}

const objects = (store: Store, subject: string, predicate: string) => store.getObjects(subject, predicate, null);
const values = (store: Store, subject: string, predicate: string) => objects(store, subject, predicate).map((o) => o.value);
const subjectsOfType = (store: Store, type: string) => store.getSubjects(RDF_TYPE, type, null).map((s) => s.value);

/**
 * The open-data catalogue: DCAT-AP-NO 3 as data.norge.no checks it (its SHACL shapes, copied into test/fixtures), every
 * public dataset there with its distributions, and every distribution reachable.
 */
describe.each(DATABASE_KINDS)('the DCAT-AP-NO catalogue on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  async function catalogue(slug: string) {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/networks/${slug}/catalogue` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const json = JSON.parse(res.body) as Record<string, unknown>;
    return { json, store: await toRdf(json) };
  }

  it("describes DigiVesterålen's open data and passes DCAT-AP-NO's SHACL shapes, warnings included", async () => {
    const { store } = await catalogue('digivesteralen');
    const result = await validate(store);
    expect(result.problems).toEqual([]);
    expect(result.conforms).toBe(true);

    const [catalogueIri, ...more] = subjectsOfType(store, `${DCAT}Catalog`);
    expect(more).toEqual([]);
    expect(catalogueIri).toBe(`${ORIGIN}/api/public/networks/digivesteralen/catalogue`);
    const titles = objects(store, catalogueIri!, `${DCT}title`).map((o) => [(o as { language: string }).language, o.value]);
    expect(titles).toEqual(
      expect.arrayContaining([
        ['nb', 'Åpne data fra DigiVesterålen'],
        ['en', 'Open data from DigiVesterålen'],
      ]),
    );
    expect(values(store, catalogueIri!, `${DCT}license`)).toEqual([NLOD]);

    // The host municipality (Sortland) publishes, by the organisation number the reference data has for it.
    const [sortland] = await t.db.select().from(municipalities).where(eq(municipalities.number, '1870'));
    const [publisher] = values(store, catalogueIri!, `${DCT}publisher`);
    expect(publisher).toBe(`https://organization-catalog.fellesdatakatalog.digdir.no/organizations/${sortland!.organizationNumber}`);
    expect(values(store, publisher!, `${DCT}identifier`)).toEqual([sortland!.organizationNumber]);
    expect(values(store, publisher!, `${FOAF}name`)).toEqual([sortland!.name]);

    // Meetings, strategies and the portfolio; the mapping is not published in the demo, so it is not listed.
    const datasets = values(store, catalogueIri!, `${DCAT}dataset`).map((iri) => iri.split('#')[1]);
    expect(datasets).toEqual(['moter', 'strategier', 'portefolje']);
    for (const dataset of subjectsOfType(store, `${DCAT}Dataset`)) {
      const languages = objects(store, dataset, `${DCT}title`).map((o) => (o as { language: string }).language);
      expect(languages.sort(), dataset).toEqual(['en', 'nb']);
      expect(objects(store, dataset, `${DCT}description`)).toHaveLength(2);
      expect(values(store, dataset, `${DCT}accrualPeriodicity`), dataset).toHaveLength(1);
      expect(values(store, dataset, `${DCAT}contactPoint`), dataset).toHaveLength(1);
    }
    const distributions = subjectsOfType(store, `${DCAT}Distribution`);
    expect(distributions.length).toBeGreaterThan(5);
    for (const distribution of distributions) {
      expect(values(store, distribution, `${DCT}license`), distribution).toEqual([NLOD]);
      expect(values(store, distribution, `${DCAT}mediaType`)[0], distribution).toMatch(
        /^https:\/\/www\.iana\.org\/assignments\/media-types\//,
      );
    }
  });

  it('reaches every distribution, the search service and its description: each answers 200 with its media type', async () => {
    const { store } = await catalogue('digivesteralen');
    const distributions = subjectsOfType(store, `${DCAT}Distribution`);
    for (const distribution of distributions) {
      const [url] = values(store, distribution, `${DCAT}accessURL`);
      expect(values(store, distribution, `${DCAT}downloadURL`)).toEqual([url]);
      expect(url!.startsWith(`${ORIGIN}/api/`), url).toBe(true);
      const res = await t.app.inject({ method: 'GET', url: url!.slice(ORIGIN.length) });
      expect(res.statusCode, url).toBe(200);
      const mediaType = values(store, distribution, `${DCAT}mediaType`)[0]!.split('/media-types/')[1]!;
      expect(String(res.headers['content-type']).split(';')[0], url).toBe(mediaType);
    }
    const [service] = subjectsOfType(store, `${DCAT}DataService`);
    const [endpoint] = values(store, service!, `${DCAT}endpointURL`);
    const search = await t.app.inject({ method: 'GET', url: `${endpoint!.slice(ORIGIN.length)}?q=strategi&network=digivesteralen` });
    expect(search.statusCode).toBe(200);
    expect(JSON.parse(search.body).items.length).toBeGreaterThan(0);
    const [description] = values(store, service!, `${DCAT}endpointDescription`);
    const openApi = await t.app.inject({ method: 'GET', url: description!.slice(ORIGIN.length) });
    expect(openApi.statusCode).toBe(200);
    expect(Object.keys(JSON.parse(openApi.body).paths)).toContain('/api/public/search');
  });

  it('lists the mapping datasets, in JSON and CSV, once the network publishes them, and still passes SHACL', async () => {
    const admin = await t.as(USERS.vesteralenAdmin);
    const url = '/api/networks/digivesteralen/mapping/publication';
    const current = await admin.get(url);
    const saved = await admin.put(url, {
      publishAdoption: true,
      publishLandscape: true,
      ...(current.body.version ? { version: current.body.version } : {}),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const { store } = await catalogue('digivesteralen');
    expect((await validate(store)).problems).toEqual([]);
    const [catalogueIri] = subjectsOfType(store, `${DCAT}Catalog`);
    expect(values(store, catalogueIri!, `${DCAT}dataset`).map((iri) => iri.split('#')[1])).toEqual([
      'moter',
      'strategier',
      'portefolje',
      'tjenestematrise',
      'applikasjonslandskap',
    ]);
    const matrix = `${catalogueIri}#tjenestematrise`;
    const urls = values(store, matrix, `${DCAT}distribution`).flatMap((d) => values(store, d, `${DCAT}accessURL`));
    expect(urls).toEqual([
      `${ORIGIN}/api/public/networks/digivesteralen/mapping/adoption?format=json`,
      `${ORIGIN}/api/public/networks/digivesteralen/mapping/adoption?format=csv`,
    ]);
    for (const u of urls) expect((await t.app.inject({ method: 'GET', url: u.slice(ORIGIN.length) })).statusCode, u).toBe(200);
  });

  it('has the network itself publish when it has no host municipality, and answers an unknown network with 404', async () => {
    const { store } = await catalogue('diginordland');
    expect((await validate(store)).problems).toEqual([]);
    const [catalogueIri] = subjectsOfType(store, `${DCAT}Catalog`);
    const [publisher] = values(store, catalogueIri!, `${DCT}publisher`);
    expect(publisher).toBe(`${ORIGIN}/innsyn/n/diginordland`);
    expect(values(store, publisher!, `${DCT}identifier`)).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/networks/finnes-ikke/catalogue' })).statusCode).toBe(404);
  });

  it('is checked for real: a catalogue without its publisher or with a title lacking a language fails the shapes', async () => {
    const { json } = await catalogue('digivesteralen');
    const graph = json['@graph'] as Record<string, unknown>[];
    const broken = structuredClone(graph);
    delete broken[0]!['dct:publisher'];
    (broken.find((node) => node['@type'] === 'dcat:Dataset')!['dct:title'] as unknown[]) = ['Uten språk'];
    const result = await validate(await toRdf({ ...json, '@graph': broken }));
    expect(result.conforms).toBe(false);
    expect(result.problems.some((p) => p.includes(`${DCT}publisher`) && p.includes('MUST'))).toBe(true);
    expect(result.problems.some((p) => p.includes(`${DCT}title`) && p.includes('rdf:langString'))).toBe(true);
  });
});
