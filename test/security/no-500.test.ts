import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../src/server/db/schema/index.ts';
import { signFormToken } from '../../src/server/modules/portfolio/index.ts';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../harness.ts';
import { expectError } from '../helpers.ts';
import { storedFiles } from './stored-files.ts';

/**
 * Failure 5 of the attack (issue 15): inputs that answered 500. Each is sent as an attacker would send it, and must
 * answer a 4xx in the one error shape that names what was wrong, with nothing written.
 */
describe.each(DATABASE_KINDS)('no 500 from input, on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let networkId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.as(USERS.vesteralenAdmin);
    networkId = await t.networkId('digivesteralen');
  });
  afterAll(() => t.close());

  const auditCount = () => t.db.$count(auditEntries);
  const grant = {
    giverKind: 'statsforvalteren',
    giverName: 'Statsforvalteren i Nordland',
    title: 'Skjønnsmidler',
    amount: 100_000,
    decisionDate: '2026-01-15',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
  };
  const proposal = { kind: 'idea', title: 'Digital postkasse', problem: 'Innbyggerne må ringe.', municipalities: ['1870'] };

  /** Sends the request, expects 400 naming `field` (in Norwegian), and that no audit entry was written. */
  async function refused(send: () => Promise<{ status: number; body: any }>, field: string, status = 400) {
    const before = await auditCount();
    const res = await send();
    const fields = expectError(res as never, status, 'validation_failed');
    expect(Object.keys(fields)).toContain(field);
    expect(fields[field]).toMatch(/«.+»/);
    expect(await auditCount()).toBe(before);
    return fields[field]!;
  }

  it('refuses a NUL byte in any JSON string, naming the field: grants, people, proposals', async () => {
    const message = await refused(
      () => admin.post(`/api/networks/${networkId}/grants`, { ...grant, title: 'Skjønn\u0000midler' }),
      'title',
    );
    expect(message).toBe('«Tittel» inneholder tegn som ikke er tillatt.');
    await refused(() => admin.post('/api/people', { networkId, name: 'Kari\u0000Nordmann', municipalityNumber: '1870' }), 'name');
    await refused(() => admin.post(`/api/networks/${networkId}/proposals`, { ...proposal, problem: 'Ring\u0000oss' }), 'problem');
    // In an array, and in an object's key.
    await refused(
      () => admin.post(`/api/networks/${networkId}/proposals`, { ...proposal, municipalities: ['18\u000070'] }),
      'municipalities.0',
    );
  });

  it('refuses a NUL byte in the public proposal form, without login', async () => {
    const formToken = await signFormToken(t.db, networkId, Date.now() - 10_000);
    await refused(
      () =>
        t.anonymous().post('/api/public/networks/digivesteralen/proposals', {
          ...proposal,
          submitterName: 'Innbygger\u0000',
          formToken,
        }),
      'submitterName',
    );
  });

  it('refuses a lone surrogate, which no database can store as written', async () => {
    await refused(() => admin.post('/api/people', { networkId, name: 'Kari \ud800 Nordmann', municipalityNumber: '1870' }), 'name');
    await refused(() => admin.post('/api/people', { networkId, name: 'Kari \udfff', municipalityNumber: '1870' }), 'name');
    // A pair is a character like any other.
    const ok = await admin.post('/api/people', { networkId, name: 'Kari 😀 Nordmann', municipalityNumber: '1870' });
    expect(ok.status).toBe(201);
    expect(ok.body.name).toBe('Kari 😀 Nordmann');
  });

  it('refuses a NUL byte in the query string and in a path segment', async () => {
    const search = await t.anonymous().get('/api/public/search?q=vedtak%00');
    expect(Object.keys(expectError(search, 400, 'validation_failed'))).toEqual(['q']);
    const path = await admin.get('/api/networks/digi%00vesteralen');
    expect(Object.keys(expectError(path, 400, 'validation_failed'))).toEqual(['networkId']);
    await refused(() => admin.patch('/api/networks/digi%00vesteralen', { description: 'x', version: 1 }), 'networkId');
    // A percent sign that starts no escape, and an escape of bytes that are no UTF-8: the path cannot be read at all.
    expectError(await admin.get('/api/networks/%E0%A4%A'), 400, 'validation_failed');
    expectError(await admin.get('/api/networks/%C0%AF'), 400, 'validation_failed');
  });

  it('refuses dates outside what the database stores: year 0000, 10000', async () => {
    const message = await refused(
      () => admin.post(`/api/networks/${networkId}/grants`, { ...grant, decisionDate: '0000-01-15' }),
      'decisionDate',
    );
    expect(message).toContain('«Vedtaksdato»');
    await refused(() => admin.post(`/api/networks/${networkId}/grants`, { ...grant, periodEnd: '10000-12-31' }), 'periodEnd');
    await refused(() => admin.post(`/api/networks/${networkId}/grants`, { ...grant, periodStart: '+002026-01-01' }), 'periodStart');
  });

  it('refuses numbers beyond safe integers and beyond what a column holds', async () => {
    await refused(() => admin.post(`/api/networks/${networkId}/grants`, { ...grant, amount: 2 ** 60 }), 'amount');
    await refused(() => admin.post(`/api/networks/${networkId}/grants`, { ...grant, amount: 1e308 }), 'amount');
    const search = await t.anonymous().get('/api/public/search?q=vedtak&offset=99999999999999999999999');
    expect(Object.keys(expectError(search, 400, 'validation_failed'))).toEqual(['offset']);
  });

  it('answers 413 to a body over the size limit, in the one error shape', async () => {
    const before = await auditCount();
    const res = await admin.request('POST', '/api/people', JSON.stringify({ networkId, name: 'x'.repeat(2 * 1024 * 1024) }), {
      'content-type': 'application/json',
    });
    expectError(res, 413, 'too_large');
    expect(res.body.error.message).toMatch(/for stor/);
    expect(await auditCount()).toBe(before);
    // An upload too: the largest attachment is 25 MB.
    const { caseId } = await freshCase();
    const upload = await admin.request('POST', `/api/cases/${caseId}/documents?fileName=stor.pdf`, Buffer.alloc(26 * 1024 * 1024, 0x20), {
      'content-type': 'application/pdf',
    });
    expectError(upload, 413, 'too_large');
  });

  it('answers 415 to a body of a type the route does not take', async () => {
    const { caseId } = await freshCase();
    const before = await auditCount();
    const text = await admin.request('POST', '/api/people', 'name=Kari', { 'content-type': 'text/plain' });
    expectError(text, 415, 'unsupported_media_type');
    const form = await admin.request('POST', '/api/people', 'name=Kari', { 'content-type': 'application/x-www-form-urlencoded' });
    expectError(form, 415, 'unsupported_media_type');
    // A file where JSON is expected, and JSON where a file is.
    const pdf = await admin.request('POST', '/api/people', Buffer.from('%PDF-1.4\n%%EOF'), { 'content-type': 'application/pdf' });
    expectError(pdf, 415, 'unsupported_media_type');
    const json = await admin.request('POST', `/api/cases/${caseId}/documents?fileName=a.pdf`, { a: 1 });
    expect([415, 400]).toContain(json.status);
    expect(await auditCount()).toBe(before);
  });

  it('refuses deeply nested JSON without a stack overflow', async () => {
    const depth = 100_000;
    const body = `{"networkId":"${networkId}","name":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    await refused(() => admin.request('POST', '/api/people', body, { 'content-type': 'application/json' }), 'name');
    const deepObject = `{"networkId":"${networkId}","name":"Kari","x":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    const res = await admin.request('POST', '/api/people', deepObject, { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    // And the server still answers.
    expect((await admin.get('/api/auth/me')).status).toBe(200);
  });

  it('refuses a NUL byte in an upload’s file name, and leaves no file behind', async () => {
    const { caseId } = await freshCase();
    const files = storedFiles(t.filesDir);
    await refused(
      () =>
        admin.request('POST', `/api/cases/${caseId}/documents?fileName=${encodeURIComponent('vedlegg\u0000.pdf')}`, pdf(), {
          'content-type': 'application/pdf',
        }),
      'fileName',
    );
    expect(storedFiles(t.filesDir)).toEqual(files);
  });

  async function freshCase(): Promise<{ caseId: string }> {
    const body = await admin.post(`/api/networks/${networkId}/bodies`, { kind: 'workingGroup', name: `Angrepsgruppe ${Date.now()}` });
    const meeting = await admin.post(`/api/bodies/${body.body.id}/meetings`, { date: '2031-05-05', startTime: '09:00' });
    const withCase = await admin.post(`/api/meetings/${meeting.body.id}/cases`, { type: 'decision', title: 'Sak', recommendation: 'Ja.' });
    expect(withCase.status).toBe(201);
    return { caseId: withCase.body.items.at(-1).caseId };
  }
});

const pdf = () => Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
