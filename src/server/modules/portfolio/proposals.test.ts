import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DATABASE_KINDS, startTestApp, USERS, type TestApp } from '../../../../test/harness.ts';
import { auditEntriesFor, expectError, expectFieldErrors, latestAudit } from '../../../../test/helpers.ts';
import { proposals, proposalWeights } from '../../db/schema/index.ts';
import type { Proposal, PublicProposalForm, WeightsAnswer } from '../../../shared/portfolio/proposals.ts';
import { FORM_MAX_AGE_MS, signFormToken } from './form-token.ts';

const HELGELAND = 'digitale-helgeland';
const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(new Date()));
const ref = (n: number) => `F-${year}-${String(n).padStart(3, '0')}`;

/**
 * Digitale Helgeland (16 members, its published strategy's focus areas `rpa`, `altinn-studio` …) has no demo
 * proposals, so its numbering starts at 001 and its ranked list holds only what these tests make.
 */
describe.each(DATABASE_KINDS)('proposals on %s', (kind) => {
  let t: TestApp;
  let secretariat: Client;
  let member: Client;
  let outsider: Client;
  let networkId: string;
  let form: PublicProposalForm;
  const numbers = (n: number) => form.municipalities.slice(0, n).map((m) => m.number);

  beforeAll(async () => {
    t = await startTestApp(kind);
    networkId = await t.networkId(HELGELAND);
    secretariat = await t.as(USERS.helgelandAdmin);
    const user = await t.createUser([{ role: 'networkMember', networkId }], { name: 'Hanne Helgeland' });
    member = await t.as(user.email);
    outsider = await t.as(USERS.lofotenAdmin);
    form = (await t.anonymous().get<PublicProposalForm>(`/api/public/networks/${HELGELAND}/proposal-form`)).body;
  });
  afterAll(() => t.close());

  const body = (fields: Record<string, unknown> = {}) => ({
    kind: 'need',
    title: 'Felles chatbot for innbyggerdialog',
    problem: 'Servicetorgene svarer på de samme spørsmålene hver dag.',
    affected: 'Innbyggere og ansatte i førstelinjen',
    expectedBenefit: 'Kortere svartid og færre telefoner',
    focusAreaKey: 'rpa',
    municipalities: numbers(2),
    ...fields,
  });
  const propose = async (fields: Record<string, unknown> = {}, client = member): Promise<Proposal> => {
    const res = await client.post<Proposal>(`/api/networks/${HELGELAND}/proposals`, body(fields));
    expect(res.status).toBe(201);
    return res.body;
  };

  it('lets a member propose, numbered per network and year; checks municipalities and focus area; hides it from others', async () => {
    expect((await t.anonymous().post(`/api/networks/${HELGELAND}/proposals`, body())).status).toBe(401);
    expectFieldErrors(await member.post(`/api/networks/${HELGELAND}/proposals`, body({ municipalities: ['0301', '1870'] })), {
      municipalities: '«Kommuner som ønsker det»: 0301 Oslo er ikke deltakerkommune i nettverket.',
    });
    expectFieldErrors(await member.post(`/api/networks/${HELGELAND}/proposals`, body({ focusAreaKey: 'strategi-og-retning' })), {
      focusAreaKey: '«Innsatsområde» må være ett av valgene.',
    });
    expectError(await outsider.post(`/api/networks/${HELGELAND}/proposals`, body()), 404, 'not_found');

    const first = await propose();
    expect(first).toMatchObject({
      reference: ref(1),
      kind: 'need',
      status: 'new',
      channel: 'internal',
      focusAreaKey: 'rpa',
      focusAreaTitle: 'Automatisering ved hjelp av RPA',
      submitter: { name: 'Hanne Helgeland', email: null },
      assessment: null,
      rank: null,
      version: 1,
    });
    expect(first.municipalities.map((m) => m.number).sort()).toEqual(numbers(2).sort());
    const second = await propose({ kind: 'idea', title: 'Digital postkasse for alle' });
    expect(second.reference).toBe(ref(2));
    expect((await latestAudit(t.db, 'proposal', first.id)).networkId).toBe(networkId);

    // The submitter's e-mail is for those who triage only.
    expect((await member.get<Proposal>(`/api/proposals/${first.id}`)).body.submitter.email).toBeNull();
    expect((await secretariat.get<Proposal>(`/api/proposals/${first.id}`)).body.submitter.email).toMatch(/@example\.no$/);
    expectError(await outsider.get(`/api/proposals/${first.id}`), 404, 'not_found');
    expectError(await outsider.get(`/api/networks/${HELGELAND}/proposals`), 404, 'not_found');
  });

  it('is triaged and corrected by the secretariat only; a rejection needs its reason', async () => {
    const proposal = await propose({ title: 'Triagering' });
    const url = `/api/proposals/${proposal.id}/triage`;
    expectError(await member.post(url, { status: 'underAssessment', version: 1 }), 403, 'forbidden');
    expectError(await outsider.post(url, { status: 'underAssessment', version: 1 }), 404, 'not_found');
    expectFieldErrors(await secretariat.post(url, { status: 'rejected', version: 1 }), { reason: '«Begrunnelse» må fylles ut.' });
    expectFieldErrors(await secretariat.post(url, { status: 'becameProject', version: 1 }), { status: '«Status» må være ett av valgene.' });

    const rejected = await secretariat.post<Proposal>(url, { status: 'rejected', reason: 'Dekkes av nasjonal løsning.', version: 1 });
    expect(rejected.body).toMatchObject({ status: 'rejected', statusReason: 'Dekkes av nasjonal løsning.', version: 2 });
    expect((await latestAudit(t.db, 'proposal', proposal.id)).action).toBe('triage');
    expectError(await secretariat.post(url, { status: 'new', version: 1 }), 409, 'stale_version');

    // A correction of the title alone keeps the municipalities.
    const corrected = await secretariat.patch<Proposal>(`/api/proposals/${proposal.id}`, { title: 'Triagering (rettet)', version: 2 });
    expect(corrected.body).toMatchObject({ title: 'Triagering (rettet)', version: 3 });
    expect(corrected.body.municipalities).toHaveLength(2);
    expectError(await member.patch(`/api/proposals/${proposal.id}`, { title: 'Nei', version: 3 }), 403, 'forbidden');
  });

  it('ranks assessed proposals by their total with the network weights, and exports the list', async () => {
    const weightsUrl = `/api/networks/${HELGELAND}/proposal-weights`;
    expect((await member.get<WeightsAnswer>(weightsUrl)).body).toEqual({
      strategicFit: 25,
      benefit: 25,
      cost: 15,
      risk: 10,
      feasibility: 10,
      municipalities: 15,
      version: null,
    });
    const a = await propose({ title: 'Forslag A', municipalities: numbers(4) });
    const b = await propose({ title: 'Forslag B', municipalities: numbers(8), focusAreaKey: null });
    const unassessed = await propose({ title: 'Forslag C' });

    const assess = (p: Proposal, input: Record<string, unknown>) =>
      secretariat.put<Proposal>(`/api/proposals/${p.id}/assessment`, { ...input, version: p.version });
    expectFieldErrors(
      await assess(a, { scores: { benefit: 5, cost: 3, risk: 4, feasibility: 2 }, focusAreaFit: { 'ukjent-omrade': 3 }, note: null }),
      { 'focusAreaFit.ukjent-omrade': '«Strategisk treff per innsatsområde» må være ett av valgene.' },
    );
    // An assessment is saved whole: leaving out the fit or the note would reset the one and wipe the other.
    expectFieldErrors(await assess(a, { scores: { benefit: 5, cost: 3, risk: 4, feasibility: 2 } }), {
      focusAreaFit: '«Strategisk treff per innsatsområde» må fylles ut.',
      note: '«Merknad» må fylles ut.',
    });
    expectError(
      await member.put(`/api/proposals/${a.id}/assessment`, {
        scores: { benefit: 1, cost: 1, risk: 1, feasibility: 1 },
        focusAreaFit: {},
        note: null,
        version: 1,
      }),
      403,
      'forbidden',
    );
    const assessedA = await assess(a, {
      scores: { benefit: 5, cost: 3, risk: 4, feasibility: 2 },
      focusAreaFit: { rpa: 4, 'altinn-studio': 2 },
      note: 'Godt treff på RPA.',
    });
    expect(assessedA.status).toBe(200);
    // 4 of 16 members: 1 + 4 × 4/16 = 2. Default weights: (25·4 + 25·5 + 15·3 + 10·4 + 10·2 + 15·2) / 100 = 3.6.
    expect(assessedA.body.assessment).toMatchObject({
      values: { strategicFit: 4, benefit: 5, cost: 3, risk: 4, feasibility: 2, municipalities: 2 },
      total: 3.6,
      note: 'Godt treff på RPA.',
      assessedBy: expect.any(String),
    });
    expect(assessedA.body.version).toBe(2);
    expectError(
      await assess(a, { scores: { benefit: 1, cost: 1, risk: 1, feasibility: 1 }, focusAreaFit: {}, note: null }),
      409,
      'stale_version',
    );
    // 8 of 16: 3; no focus area fit: 1. (25·1 + 25·4 + 15·5 + 10·5 + 10·5 + 15·3) / 100 = 3.45.
    const assessedB = await assess(b, { scores: { benefit: 4, cost: 5, risk: 5, feasibility: 5 }, focusAreaFit: {}, note: '' });
    expect(assessedB.body.assessment).toMatchObject({ focusAreaFit: {}, note: null });
    expect(assessedB.body.assessment!.total).toBe(3.45);

    const list = async () => (await member.get<Proposal[]>(`/api/networks/${HELGELAND}/proposals`)).body;
    let ranked = await list();
    expect(ranked.slice(0, 2).map((p) => [p.title, p.rank, p.assessment!.total])).toEqual([
      ['Forslag A', 1, 3.6],
      ['Forslag B', 2, 3.45],
    ]);
    expect(ranked.find((p) => p.id === unassessed.id)!.rank).toBeNull();
    expect(ranked.slice(2).every((p) => p.rank === null)).toBe(true);

    // Cheap, safe and doable weigh most: (10·4 + 10·5 + 30·3 + 20·4 + 20·2 + 10·2) / 100 = 3.2 for A,
    // (10·1 + 10·4 + 30·5 + 20·5 + 20·5 + 10·3) / 100 = 4.3 for B.
    const custom = { strategicFit: 10, benefit: 10, cost: 30, risk: 20, feasibility: 20, municipalities: 10 };
    expectError(await member.put(weightsUrl, custom), 403, 'forbidden');
    expectError(await outsider.put(weightsUrl, custom), 404, 'not_found');
    expectFieldErrors(
      await secretariat.put(weightsUrl, { ...custom, strategicFit: 0, benefit: 0, cost: 0, risk: 0, feasibility: 0, municipalities: 0 }),
      { strategicFit: 'Minst én vekt må være større enn 0.' },
    );
    // The weight is named as the criterion, not as the proposal's field «Kommuner som ønsker det».
    expectFieldErrors(await secretariat.put(weightsUrl, { ...custom, municipalities: 101 }), {
      municipalities: '«Antall kommuner» kan være høyst 100.',
    });
    const saved = await secretariat.put<WeightsAnswer>(weightsUrl, custom);
    expect(saved.body).toEqual({ ...custom, version: 1 });
    expect(
      (
        await latestAudit(
          t.db,
          'proposalWeights',
          (await t.db.select().from(proposalWeights).where(eq(proposalWeights.networkId, networkId)))[0]!.id,
        )
      ).networkId,
    ).toBe(networkId);
    ranked = await list();
    expect(ranked.slice(0, 2).map((p) => [p.title, p.rank, p.assessment!.total])).toEqual([
      ['Forslag B', 1, 4.3],
      ['Forslag A', 2, 3.2],
    ]);
    expect(
      (await member.get<Proposal[]>(`/api/networks/${HELGELAND}/proposals?status=new&focusArea=rpa`)).body.map((p) => p.title),
    ).toEqual(expect.arrayContaining(['Forslag A', 'Forslag C']));
    expect((await member.get<Proposal[]>(`/api/networks/${HELGELAND}/proposals?focusArea=rpa`)).body.map((p) => p.title)).not.toContain(
      'Forslag B',
    );

    // Once saved, a save must carry the version it saw.
    expectError(await secretariat.put(weightsUrl, custom), 409, 'stale_version');
    expectError(await secretariat.put(weightsUrl, { ...custom, benefit: 20, version: 7 }), 409, 'stale_version');
    expect((await secretariat.put<WeightsAnswer>(weightsUrl, { ...custom, version: 1 })).body.version).toBe(2);

    const csv = await member.get(`/api/networks/${HELGELAND}/proposals?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Referanse;Tittel;Type;Status;Innsatsområde;Antall kommuner;Totalpoeng;Rangering;Innsendt');
    expect(lines[1]!.split(';')).toEqual([
      b.reference,
      'Forslag B',
      'Behov',
      'Ny',
      '',
      '8',
      '4.3',
      '1',
      expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
    ]);
    expect(lines[2]!.split(';').slice(0, 8)).toEqual([
      a.reference,
      'Forslag A',
      'Behov',
      'Ny',
      'Automatisering ved hjelp av RPA',
      '4',
      '3.2',
      '2',
    ]);
    const nynorsk = await t.as((await t.createUser([{ role: 'networkMember', networkId }], { language: 'nn' })).email);
    const nnCsv = String((await nynorsk.get(`/api/networks/${HELGELAND}/proposals?format=csv`)).body).replace(/^\uFEFF/, '');
    expect(nnCsv.split('\r\n')[0]).toBe('Referanse;Tittel;Type;Status;Innsatsområde;Tal på kommunar;Totalpoeng;Rangering;Innsendt');
    const xlsx = await member.get(`/api/networks/${HELGELAND}/proposals?format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');

    // A proposal that became a project keeps its assessment but leaves the running, like a rejected one, and is
    // not triaged again. The project module sets the status; here the database stands in for it.
    await t.db.update(proposals).set({ status: 'becameProject' }).where(eq(proposals.id, b.id));
    ranked = await list();
    expect(ranked.find((p) => p.id === b.id)).toMatchObject({ status: 'becameProject', rank: null, assessment: { total: 4.3 } });
    expect(ranked.find((p) => p.id === a.id)!.rank).toBe(1);
    expect((await member.get<Proposal[]>(`/api/networks/${HELGELAND}/proposals?status=becameProject`)).body).toEqual([
      expect.objectContaining({ id: b.id, rank: null }),
    ]);
    expectError(
      await secretariat.post(`/api/proposals/${b.id}/triage`, { status: 'prioritized', version: assessedB.body.version }),
      409,
      'invalid_state',
    );
    expect((await secretariat.get<Proposal>(`/api/proposals/${b.id}`)).body.status).toBe('becameProject');
  });

  it('has the demo proposals of DigiVesterålen, two of them assessed and ranked', async () => {
    const vesteralen = await t.as(USERS.vesteralenMember);
    const list = (await vesteralen.get<Proposal[]>('/api/networks/digivesteralen/proposals')).body;
    expect(list.map((p) => p.reference)).toEqual(expect.arrayContaining(['F-2025-001', 'F-2026-001']));
    expect(list.slice(0, 2).map((p) => [p.title, p.rank])).toEqual([
      ['Felles modell for innføring av nasjonale fellesløsninger', 1],
      ['Felles IT-drift for å redusere sårbarheten i små fagmiljøer', 2],
    ]);
    expect(list.find((p) => p.status === 'rejected')).toMatchObject({ rank: null, statusReason: expect.stringContaining('2027') });
    const fromPublic = list.find((p) => p.channel === 'public');
    expect(fromPublic).toMatchObject({
      submitter: { name: 'Kari Nordmann', email: null, municipalityName: expect.stringContaining('Sortland') },
    });
    // Sent through the public form, so nobody made it, as for a real one. (The demo then made a project of it.)
    expect(fromPublic!.status).toBe('becameProject');
    const entries = await auditEntriesFor(t.db, 'proposal', fromPublic!.id);
    expect(entries.find((e) => e.action === 'create')).toMatchObject({ actorId: null });
  });

  describe('the public form', () => {
    const url = `/api/public/networks/${HELGELAND}/proposals`;
    const citizen = (formToken: string, fields: Record<string, unknown> = {}) => ({
      ...body({ title: 'Bedre skjema for søknad om parkeringstillatelse', municipalities: [] }),
      submitterName: 'Ola Innbygger',
      submitterEmail: 'ola@example.no',
      submitterMunicipality: form.municipalities[0]!.number,
      formToken,
      ...fields,
    });
    // A token sends one proposal, so each call gives another: issued a millisecond later than the one before, even within
    // one millisecond. (Counting down instead gave two calls a millisecond apart the same token, and the second was
    // refused as already used: CI failed on it once.)
    let issued = 0;
    const old = (ms = 10_000) => signFormToken(t.db, networkId, Date.now() - ms + issued++);

    it('gives the focus areas, the members and a token, without login', () => {
      expect(form.networkName).toBe('Digitale Helgeland');
      expect(form.focusAreas.map((a) => a.key)).toContain('rpa');
      expect(form.municipalities).toHaveLength(16);
      expect(form.formToken).toMatch(new RegExp(`^${networkId}\\.\\d+\\.`));
    });

    it('refuses a token sent too soon, too late, forged or for another network', async () => {
      const expired = { formToken: 'Skjemaet er utløpt. Last siden på nytt og send igjen.' };
      const fresh = (await t.anonymous().get<PublicProposalForm>(`/api/public/networks/${HELGELAND}/proposal-form`)).body.formToken;
      expectFieldErrors(await t.anonymous().post(url, citizen(fresh)), expired);
      expectFieldErrors(await t.anonymous().post(url, citizen(await old(FORM_MAX_AGE_MS + 60_000))), expired);
      const good = await old();
      const forged = good.replace(/\.(\d+)\./, (_, ms: string) => `.${Number(ms) - 1000}.`);
      expectFieldErrors(await t.anonymous().post(url, citizen(forged)), expired);
      const lofoten = await signFormToken(t.db, await t.networkId('lofoten-ikt'), Date.now() - 10_000);
      expectFieldErrors(await t.anonymous().post(url, citizen(lofoten)), expired);
      expectFieldErrors(await t.anonymous().post(url, citizen('x'.repeat(20))), expired);
    });

    it('takes a token once: the same token again is refused, also when the first was sent at the same time', async () => {
      const token = await old();
      expect((await t.anonymous().post(url, citizen(token, { title: 'Første sending' }))).status).toBe(201);
      expectFieldErrors(await t.anonymous().post(url, citizen(token, { title: 'Andre sending' })), {
        formToken: 'Skjemaet er utløpt. Last siden på nytt og send igjen.',
      });
      const racing = await old();
      const answers = await Promise.all([1, 2].map((i) => t.anonymous().post(url, citizen(racing, { title: `Samtidig ${i}` }))));
      expect(answers.map((r) => r.status).sort()).toEqual([201, 400]);
      // A refused sending does not spend the token: it can be sent again once corrected.
      const corrected = await old();
      expect((await t.anonymous().post(url, citizen(corrected, { municipalities: ['1870'] }))).status).toBe(400);
      expect((await t.anonymous().post(url, citizen(corrected))).status).toBe(201);
    });

    it('stores a good one as from nobody through the public channel, and shows the e-mail to the secretariat only', async () => {
      const res = await t.anonymous().post(url, citizen(await old()));
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        reference: expect.stringMatching(new RegExp(`^F-${year}-\\d{3}$`)),
        title: 'Bedre skjema for søknad om parkeringstillatelse',
      });
      const all = (await secretariat.get<Proposal[]>(`/api/networks/${HELGELAND}/proposals`)).body;
      const stored = all.find((p) => p.reference === res.body.reference)!;
      expect(stored).toMatchObject({
        channel: 'public',
        submitter: { name: 'Ola Innbygger', email: 'ola@example.no', municipalityName: form.municipalities[0]!.name },
      });
      expect((await member.get<Proposal>(`/api/proposals/${stored.id}`)).body.submitter.email).toBeNull();
      const audit = await latestAudit(t.db, 'proposal', stored.id);
      expect(audit).toMatchObject({ actorId: null, networkId, action: 'create' });

      expectFieldErrors(await t.anonymous().post(url, citizen(await old(), { municipalities: ['1870'] })), {
        municipalities: '«Kommuner som ønsker det»: 1870 Sortland - Suortá er ikke deltakerkommune i nettverket.',
      });
    });

    it('answers a filled-in hidden field like a real proposal, and keeps nothing', async () => {
      const count = () => t.db.$count(proposals, eq(proposals.networkId, networkId));
      const before = await count();
      const spam = { website: 'https://spam.example' };
      // Checked like a real one first, so the answer does not tell the trap from a real sending.
      expectFieldErrors(await t.anonymous().post(url, citizen(await old(), { ...spam, municipalities: ['1870'] })), {
        municipalities: '«Kommuner som ønsker det»: 1870 Sortland - Suortá er ikke deltakerkommune i nettverket.',
      });
      expectFieldErrors(await t.anonymous().post(url, citizen(await old(), { ...spam, submitterMunicipality: '9998' })), {
        submitterMunicipality: '«Kommunen du bor i» må være ett av valgene.',
      });
      const token = await old();
      const res = await t.anonymous().post(url, citizen(token, spam));
      expect(res.status).toBe(201);
      // Number 000 is never given to a real proposal, so the receipt points at nobody else's.
      expect(res.body).toEqual({ reference: ref(0), title: 'Bedre skjema for søknad om parkeringstillatelse' });
      expect(await count()).toBe(before);
      // It spends the token, as a real one does.
      expectFieldErrors(await t.anonymous().post(url, citizen(token, spam)), {
        formToken: 'Skjemaet er utløpt. Last siden på nytt og send igjen.',
      });
    });

    it('lets one address send five an hour', async () => {
      const bot = new Client(t.app, '10.250.250.250');
      for (let i = 0; i < 5; i++) expect((await bot.post(url, citizen(await old(), { title: `Forslag ${i}` }))).status).toBe(201);
      expectError(await bot.post(url, citizen(await old())), 429, 'rate_limited');
      expect((await t.anonymous().post(url, citizen(await old()))).status).toBe(201);
    });
  });
});
