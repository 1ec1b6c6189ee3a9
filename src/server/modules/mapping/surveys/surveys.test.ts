import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../../../../../test/harness.ts';
import { expectError, expectFieldErrors, latestAudit } from '../../../../../test/helpers.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../../../test/smtp-server.ts';
import { jobs, surveyRespondents, surveyTemplates } from '../../../db/schema/index.ts';
import { today } from '../../network/dates.ts';
import { addDays } from '../../network/dates.ts';
import { SURVEY_REMINDER_JOB, surveyReminderJob } from './reminders.ts';
import { loadBuiltInTemplates } from './templates.ts';

const FROM = 'Digiregion <noreply@digiregion.test>';
const SORTLAND = '1870';
const ANDOY = '1871';
const HADSEL = '1866';
const BODO = '1804';

/** A small template of our own: two scored sections, and every other kind of question. */
const DEFINITION = {
  scale: { min: 1, max: 5, labels: ['Ikke startet', 'Initiert', 'Etablert i deler', 'Etablert i hele', 'Optimalisert'] },
  sections: [
    {
      key: 'lead',
      title: 'Ledelse og strategi',
      questions: [
        { key: 'lead1', text: 'Kommunen har en vedtatt digitaliseringsstrategi.', answerKind: 'scale', required: true },
        { key: 'lead2', text: 'Ledelsen følger opp digitaliseringen.', answerKind: 'scale' },
      ],
    },
    {
      key: 'data',
      title: 'Informasjonsforvaltning',
      questions: [{ key: 'data1', text: 'Kommunen har oversikt over sine data.', answerKind: 'scale' }],
    },
    {
      key: 'other',
      title: 'Annet',
      questions: [
        { key: 'channel', text: 'Hvilken kanal brukes mest?', answerKind: 'single', options: ['Telefon', 'E-post'] },
        { key: 'tools', text: 'Hvilke digitale metoder ønsker dere?', answerKind: 'multiple', options: ['SMS', 'Chat', 'Nettside'] },
        { key: 'apps', text: 'Hvor mange fagsystemer har kommunen?', answerKind: 'number' },
        { key: 'comment', text: 'Andre innspill om digitalisering', answerKind: 'text', required: true },
      ],
    },
  ],
};

/**
 * A survey round from send to results, through the e-mails a real SMTP server on loopback receives:
 * the links are read out of the delivered messages and answered as the respondents would.
 */
describe.each(DATABASE_KINDS)('surveys on %s', (kind) => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let vest: Client;
  let member: Client;
  let lofoten: Client;
  let anonymous: Client;
  let vestId: string;
  let templateId: string;
  let firstRoundId: string;
  let roundId: string;
  const deadline = addDays(today(), 30);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp(kind, { smtp: { url: smtp.url, from: FROM } });
    [vest, member, lofoten] = await Promise.all([t.as(USERS.vesteralenAdmin), t.as(USERS.vesteralenMember), t.as(USERS.lofotenAdmin)]);
    anonymous = t.anonymous();
    vestId = await t.networkId('digivesteralen');
    // The demo data leaves e-mails queued; send them first, so each step below counts only its own.
    const queued = await t.app.jobs.drain();
    await smtp.waitFor(queued);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** Runs the queued jobs and returns the personal link in the newest delivered e-mail to each address. */
  async function deliver(expected: number): Promise<void> {
    const before = smtp.messages.length;
    await t.app.jobs.drain();
    await smtp.waitFor(before + expected);
    expect(smtp.messages.length).toBe(before + expected);
  }
  function linkTo(email: string): string {
    const message = smtp.messages.filter((m) => m.envelope.to.includes(email)).at(-1);
    expect(message, `an e-mail to ${email}`).toBeDefined();
    const match = /http:\/\/localhost:3999\/svar\/([\w-]+)/.exec(message!.mail.text ?? '');
    expect(match, `a /svar/ link in the e-mail to ${email}`).toBeTruthy();
    return `/api/survey-answers/${match![1]}`;
  }
  const emailOf = (number: string, name: string) => `${name.toLowerCase().replace(/ø/g, 'o')}@${number}.example.no`;
  const respondent = (number: string, name: string) => ({ municipalityNumber: number, name, email: emailOf(number, name) });

  it('ships the three built-in templates, and loading them again changes nothing', async () => {
    const list = await vest.get(`/api/networks/digivesteralen/survey-templates`);
    expect(list.status).toBe(200);
    const builtIn = list.body.filter((x: { builtIn: string | null }) => x.builtIn);
    expect(builtIn.map((x: { builtIn: string }) => x.builtIn).sort()).toEqual(['applicationInventory', 'dialogueChannels', 'maturity']);
    const maturity = builtIn.find((x: { builtIn: string }) => x.builtIn === 'maturity');
    expect(maturity.definition.scale.labels).toEqual([
      'Ikke startet',
      'Initiert',
      'Etablert i deler av kommunen',
      'Etablert og styrt i hele kommunen',
      'Optimalisert og samhandlende i regionen',
    ]);
    expect(maturity.definition.sections).toHaveLength(10);
    for (const section of maturity.definition.sections) {
      expect(section.questions.length).toBeGreaterThanOrEqual(3);
      expect(section.questions.length).toBeLessThanOrEqual(5);
      expect(section.questions.every((q: { answerKind: string }) => q.answerKind === 'scale')).toBe(true);
    }
    const dialogue = builtIn.find((x: { builtIn: string }) => x.builtIn === 'dialogueChannels');
    expect(dialogue.definition.sections[0].questions[0]).toMatchObject({ answerKind: 'multiple', required: true });
    expect(dialogue.definition.sections[0].questions[0].options).toEqual(
      expect.arrayContaining(['Telefon', 'E-post', 'SMS', 'Chat', 'Innbyggermøter']),
    );

    const versions = async () =>
      (await t.db.select({ v: surveyTemplates.version, id: surveyTemplates.id }).from(surveyTemplates)).map((r) => `${r.id}:${r.v}`).sort();
    const before = await versions();
    await loadBuiltInTemplates(t.db);
    expect(await versions()).toEqual(before);
  });

  it('lets the secretariat build, copy and edit its own templates, and no one else', async () => {
    expect((await anonymous.get(`/api/networks/${vestId}/survey-templates`)).status).toBe(401);
    expectError(await lofoten.get(`/api/networks/${vestId}/survey-templates`), 404, 'not_found');
    expectError(
      await member.post(`/api/networks/${vestId}/survey-templates`, { name: 'Min mal', definition: DEFINITION }),
      403,
      'forbidden',
    );
    expectFieldErrors(
      await vest.post(`/api/networks/${vestId}/survey-templates`, {
        name: 'Feil',
        definition: {
          scale: null,
          sections: [{ key: 'a', title: 'A', questions: [{ key: 'q', text: 'Velg', answerKind: 'single', options: ['Bare én'] }] }],
        },
      }),
      { 'definition.sections.0.questions.0.options': '«Svaralternativer» må fylles ut.' },
    );

    const created = await vest.post(`/api/networks/${vestId}/survey-templates`, { name: 'Kort modenhetsmåling', definition: DEFINITION });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ networkId: vestId, builtIn: null, version: 1 });
    templateId = created.body.id;
    expect((await latestAudit(t.db, 'surveyTemplate', templateId)).action).toBe('create');

    const builtIn = (await vest.get(`/api/networks/${vestId}/survey-templates`)).body.find(
      (x: { builtIn: string }) => x.builtIn === 'dialogueChannels',
    );
    expectError(await vest.patch(`/api/survey-templates/${builtIn.id}`, { name: 'Endret', version: builtIn.version }), 403, 'forbidden');
    const copy = await vest.post(`/api/networks/${vestId}/survey-templates/${builtIn.id}/copy`, {});
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ name: 'Dialogkanaler (kopi)', networkId: vestId, builtIn: null });
    expect(copy.body.definition).toEqual(builtIn.definition);
    const renamed = await vest.patch(`/api/survey-templates/${copy.body.id}`, { name: 'Dialogkanaler 2026', version: 1 });
    expect(renamed.body).toMatchObject({ name: 'Dialogkanaler 2026', version: 2 });
    expectError(await vest.patch(`/api/survey-templates/${copy.body.id}`, { name: 'Gammel', version: 1 }), 409, 'stale_version');
    expectError(await lofoten.get(`/api/survey-templates/${copy.body.id}`), 404, 'not_found');
  });

  /** One respondent's answers handed in through their link. */
  async function submit(link: string, answers: Record<string, unknown>) {
    const res = await anonymous.put(link, { answers: { comment: 'Ingen', ...answers }, submit: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.submittedAt).toEqual(expect.any(String));
  }

  it('runs a first round, whose results the next round is compared with', async () => {
    const created = await vest.post(`/api/networks/${vestId}/survey-rounds`, {
      templateId,
      name: 'Modenhet 2025',
      deadline,
      respondents: [respondent(SORTLAND, 'Siri'), respondent(ANDOY, 'Arne')],
    });
    expect(created.status).toBe(201);
    firstRoundId = created.body.id;
    const sent = await vest.post(`/api/survey-rounds/${firstRoundId}/send`, { version: created.body.version });
    expect(sent.body.status).toBe('open');
    await deliver(2);
    await submit(linkTo(`siri@${SORTLAND}.example.no`), { lead1: 2, lead2: 2, data1: 3 });
    await submit(linkTo(`arne@${ANDOY}.example.no`), { lead1: 3, lead2: 3, data1: 2 });
    const closed = await vest.post(`/api/survey-rounds/${firstRoundId}/close`, { version: sent.body.version });
    expect(closed.body).toMatchObject({ status: 'closed', respondentCount: 2, submittedCount: 2 });
  });

  it('creates a round only for current members, and only the secretariat sends it', async () => {
    const bad = await vest.post(`/api/networks/${vestId}/survey-rounds`, {
      templateId,
      name: 'Modenhet 2026',
      deadline,
      respondents: [respondent(SORTLAND, 'Anne'), respondent(BODO, 'Bodil')],
    });
    expectFieldErrors(bad, { 'respondents.1.municipalityNumber': '«Kommune» er ugyldig.' });
    expectFieldErrors(
      await vest.post(`/api/networks/${vestId}/survey-rounds`, { templateId, name: 'For sent', deadline: addDays(today(), -1) }),
      { deadline: `«Frist» må være minst ${today()}.` },
    );

    const created = await vest.post(`/api/networks/${vestId}/survey-rounds`, {
      templateId,
      name: 'Modenhet 2026',
      deadline,
      reminderDaysBefore: 7,
      respondents: [respondent(SORTLAND, 'Anne'), respondent(SORTLAND, 'Bjørn'), respondent(ANDOY, 'Cecilie')],
    });
    expect(created.status).toBe(201);
    roundId = created.body.id;
    expect(created.body).toMatchObject({ status: 'draft', respondentCount: 3, submittedCount: 0 });
    const added = await vest.post(`/api/survey-rounds/${roundId}/respondents`, respondent(HADSEL, 'Dag'));
    expect(added.status).toBe(201);
    expect(added.body.respondents.map((r: { name: string }) => r.name)).toEqual(['Cecilie', 'Dag', 'Anne', 'Bjørn']);
    expectFieldErrors(await vest.post(`/api/survey-rounds/${roundId}/respondents`, respondent(HADSEL, 'Dag')), {
      email: '«E-post» finnes allerede.',
    });

    expectError(await member.post(`/api/survey-rounds/${roundId}/send`, { version: added.body.version }), 403, 'forbidden');
    expectError(await lofoten.post(`/api/survey-rounds/${roundId}/send`, { version: added.body.version }), 404, 'not_found');
    expectError(await lofoten.get(`/api/survey-rounds/${roundId}`), 404, 'not_found');
    expect((await member.get(`/api/survey-rounds/${roundId}`)).status).toBe(200);
    expectError(await vest.post(`/api/survey-rounds/${roundId}/send`, { version: added.body.version + 5 }), 409, 'stale_version');
  });

  it('sends each respondent a personal link, which saves, resumes and hands in the answers', async () => {
    const round = (await vest.get(`/api/survey-rounds/${roundId}`)).body;
    const sent = await vest.post(`/api/survey-rounds/${roundId}/send`, { version: round.version });
    expect(sent.status).toBe(200);
    expect(sent.body.respondents.every((r: { invitedAt: string | null }) => r.invitedAt)).toBe(true);
    expect((await latestAudit(t.db, 'surveyRound', roundId)).action).toBe('send');
    await deliver(4);
    const invitation = smtp.messages.find((m) => m.envelope.to.includes(`anne@${SORTLAND}.example.no`))!;
    expect(invitation.mail.subject).toBe('Spørreundersøkelse: Modenhet 2026');
    expect(invitation.mail.text).toContain('DigiVesterålen ber deg svare på undersøkelsen «Modenhet 2026» for Sortland - Suortá kommune.');

    const anne = linkTo(`anne@${SORTLAND}.example.no`);
    const form = await anonymous.get(anne);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({
      roundName: 'Modenhet 2026',
      municipalityName: 'Sortland - Suortá',
      respondentName: 'Anne',
      status: 'open',
      open: true,
      answers: {},
    });
    expect(form.body.definition.sections).toHaveLength(3);

    // Saved half-way, and found again through the same link.
    expect((await anonymous.put(anne, { answers: { lead1: 4, comment: '  Mer samarbeid  ' } })).status).toBe(200);
    const resumed = await anonymous.get(anne);
    expect(resumed.body).toMatchObject({ answers: { lead1: 4, comment: 'Mer samarbeid' }, submittedAt: null, open: true });
    expect(
      (await vest.get(`/api/survey-rounds/${roundId}`)).body.respondents.find((r: { name: string }) => r.name === 'Anne').startedAt,
    ).toEqual(expect.any(String));
    // Her saved answers keep her on the round: the secretariat cannot remove her now.
    expectError(await vest.delete(`/api/survey-rounds/${roundId}/respondents/${await respondentId('Anne')}`), 409, 'in_use');
    expect((await anonymous.get(anne)).body.answers).toEqual({ lead1: 4, comment: 'Mer samarbeid' });

    // Bad answers change nothing and name the question.
    expectFieldErrors(await anonymous.put(anne, { answers: { lead1: 7, channel: 'Faks', tools: ['SMS', 'Brevdue'], apps: -2 } }), {
      'answers.lead1': '«Kommunen har en vedtatt digitaliseringsstrategi.» kan være høyst 5.',
      'answers.channel': '«Hvilken kanal brukes mest?» må være ett av valgene.',
      'answers.tools': '«Hvilke digitale metoder ønsker dere?» må være ett av valgene.',
      'answers.apps': '«Hvor mange fagsystemer har kommunen?» må være minst 0.',
    });
    expectFieldErrors(await anonymous.put(anne, { answers: { lead2: 3 }, submit: true }), {
      'answers.lead1': '«Kommunen har en vedtatt digitaliseringsstrategi.» må fylles ut.',
      'answers.comment': '«Andre innspill om digitalisering» må fylles ut.',
    });
    expect((await anonymous.get(anne)).body.answers).toEqual({ lead1: 4, comment: 'Mer samarbeid' });

    const handedIn = await anonymous.put(anne, {
      answers: { lead1: 4, lead2: 3, data1: 5, channel: 'E-post', tools: ['Nettside', 'SMS'], apps: 120, comment: 'Mer samarbeid' },
      submit: true,
    });
    expect(handedIn.body).toMatchObject({ open: false, answers: { tools: ['SMS', 'Nettside'] } });
    expect((await latestAudit(t.db, 'surveyResponse', await respondentId('Anne'))).action).toBe('submit');
    // Handed in is final.
    expectError(await anonymous.put(anne, { answers: { lead1: 1 } }), 409, 'invalid_state');

    await submit(linkTo(emailOf(SORTLAND, 'Bjørn')), {
      lead1: 2,
      data1: 4,
      channel: 'Telefon',
      tools: ['SMS'],
      apps: 80,
      comment: 'Bedre opplæring',
    });
    await submit(linkTo(`cecilie@${ANDOY}.example.no`), { lead1: 3, lead2: 4, channel: 'E-post', tools: ['Chat', 'SMS'] });
    const progress = (await vest.get(`/api/survey-rounds/${roundId}`)).body;
    expect(progress).toMatchObject({ respondentCount: 4, submittedCount: 3 });
    expect(progress.respondents.filter((r: { submittedAt: string | null }) => !r.submittedAt).map((r: { name: string }) => r.name)).toEqual(
      ['Dag'],
    );
  });

  async function respondentId(name: string): Promise<string> {
    const [row] = await t.db.select({ id: surveyRespondents.id }).from(surveyRespondents).where(eq(surveyRespondents.name, name));
    return row!.id;
  }

  it('reminds only those who have not answered, once, with a new link', async () => {
    const dagBefore = linkTo(`dag@${HADSEL}.example.no`);
    const [job] = await t.db.select().from(jobs).where(eq(jobs.kind, SURVEY_REMINDER_JOB));
    expect(job).toBeDefined();
    expect(job!.runAt.getTime()).toBeGreaterThan(Date.now());
    // The reminder moment arrives.
    await t.db.update(jobs).set({ runAt: new Date() }).where(eq(jobs.id, job!.id));
    const before = smtp.messages.length;
    await deliver(1);
    const reminder = smtp.messages[before]!;
    expect(reminder.envelope.to).toEqual([`dag@${HADSEL}.example.no`]);
    expect(reminder.mail.subject).toBe('Påminnelse: Modenhet 2026');
    expect(
      (await vest.get(`/api/survey-rounds/${roundId}`)).body.respondents.find((r: { name: string }) => r.name === 'Dag').lastRemindedAt,
    ).toEqual(expect.any(String));

    // Run again: no one is reminded twice.
    await surveyReminderJob(job!.payload, t.db);
    expect(await t.app.jobs.drain()).toBe(0);
    expect(smtp.messages.length).toBe(before + 1);

    // The reminder's link replaces the first one.
    expectError(await anonymous.get(dagBefore), 404, 'not_found');
    const dag = linkTo(`dag@${HADSEL}.example.no`);
    expect((await anonymous.get(dag)).body).toMatchObject({ respondentName: 'Dag', open: true });

    // Reminding now is for the secretariat.
    expectError(await member.post(`/api/survey-rounds/${roundId}/remind`), 403, 'forbidden');
    const reminded = await vest.post(`/api/survey-rounds/${roundId}/remind`);
    expect(reminded.status).toBe(200);
    await deliver(1);
    expect(smtp.messages.at(-1)!.envelope.to).toEqual([`dag@${HADSEL}.example.no`]);
  });

  it('closes the round: links stop taking answers', async () => {
    const dag = linkTo(`dag@${HADSEL}.example.no`);
    const round = (await vest.get(`/api/survey-rounds/${roundId}`)).body;
    expectError(await member.post(`/api/survey-rounds/${roundId}/close`, { version: round.version }), 403, 'forbidden');
    const closed = await vest.post(`/api/survey-rounds/${roundId}/close`, { version: round.version });
    expect(closed.body).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect((await latestAudit(t.db, 'surveyRound', roundId)).action).toBe('close');
    expect((await anonymous.get(dag)).body).toMatchObject({ status: 'closed', open: false });
    expectError(await anonymous.put(dag, { answers: { lead1: 3 } }), 409, 'invalid_state');
    expectError(await vest.post(`/api/survey-rounds/${roundId}/remind`), 409, 'invalid_state');
    expectError(await vest.post(`/api/survey-rounds/${roundId}/respondents`, respondent(HADSEL, 'Eva')), 409, 'invalid_state');

    // An expired link is refused as expired.
    await t.db
      .update(surveyRespondents)
      .set({ tokenExpiresAt: sql`now() - interval '1 day'` })
      .where(eq(surveyRespondents.id, await respondentId('Dag')));
    expectError(await anonymous.get(dag), 409, 'invalid_state');
    expectError(await anonymous.put(dag, { answers: {} }), 409, 'invalid_state');
    expectError(await anonymous.get('/api/survey-answers/ukjent-lenke-som-ikke-finnes-000'), 404, 'not_found');
  });

  it('computes the scorecard: means per municipality, the network average, and the change since the previous round', async () => {
    expectError(await lofoten.get(`/api/survey-rounds/${roundId}/scorecard`), 404, 'not_found');
    const res = await member.get(`/api/survey-rounds/${roundId}/scorecard`);
    expect(res.status).toBe(200);
    const card = res.body;
    expect(card.previousRound).toEqual({ id: firstRoundId, name: 'Modenhet 2025' });
    expect(card.sections).toEqual([
      { key: 'lead', title: 'Ledelse og strategi' },
      { key: 'data', title: 'Informasjonsforvaltning' },
    ]);
    // Sortland: Anne (4+3)/2 = 3.5 and 5, Bjørn 2 and 4 → (3.5+2)/2 = 2.75 and 4.5. Andøy: Cecilie (3+4)/2 = 3.5, no data answer.
    expect(card.municipalities).toEqual([
      { number: ANDOY, name: 'Andøy', respondents: 1, scores: { lead: 3.5, data: null }, change: { lead: 0.5, data: null } },
      { number: HADSEL, name: 'Hadsel', respondents: 0, scores: { lead: null, data: null }, change: { lead: null, data: null } },
      { number: SORTLAND, name: 'Sortland - Suortá', respondents: 2, scores: { lead: 2.75, data: 4.5 }, change: { lead: 0.75, data: 1.5 } },
    ]);
    expect(card.networkAverage).toEqual({ lead: 3.13, data: 4.5 });
    expect(card.previousNetworkAverage).toEqual({ lead: 2.5, data: 2.5 });
    const question = (key: string) => card.questions.find((q: { key: string }) => q.key === key);
    expect(question('lead1')).toMatchObject({ answered: 3, counts: { 1: 0, 2: 1, 3: 1, 4: 1, 5: 0 }, mean: 3, texts: null });
    expect(question('data1')).toMatchObject({ answered: 2, mean: 4.5 });
    expect(question('channel')).toMatchObject({ answered: 3, counts: { Telefon: 1, 'E-post': 2 } });
    expect(question('tools')).toMatchObject({ answered: 3, counts: { SMS: 3, Chat: 1, Nettside: 1 } });
    expect(question('apps')).toMatchObject({ answered: 2, mean: 100, counts: null });
    expect(question('comment')).toMatchObject({ answered: 3 });
    expect(question('comment').texts).toEqual([
      { municipalityNumber: ANDOY, text: 'Ingen' },
      { municipalityNumber: SORTLAND, text: 'Mer samarbeid' },
      { municipalityNumber: SORTLAND, text: 'Bedre opplæring' },
    ]);
  });

  it('exports the scorecard and shows maturity over the rounds', async () => {
    const csv = await member.get(`/api/survey-rounds/${roundId}/scorecard/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toEqual([
      'Kommunenummer;Kommune;Svar;Ledelse og strategi;Ledelse og strategi, endring;Informasjonsforvaltning;Informasjonsforvaltning, endring',
      '1871;Andøy;1;3.5;0.5;;',
      '1866;Hadsel;0;;;;',
      '1870;Sortland - Suortá;2;2.75;0.75;4.5;1.5',
      ';Snitt i nettverket;;3.13;0.63;4.5;2',
    ]);
    const xlsx = await t.app.inject({
      url: `/api/survey-rounds/${roundId}/scorecard/export?format=xlsx`,
      headers: { cookie: member.cookie! },
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(4).values).toEqual([undefined, '1870', 'Sortland - Suortá', 2, 2.75, 0.75, 4.5, 1.5]);

    const trend = await member.get(`/api/networks/digivesteralen/survey-templates/${templateId}/trend`);
    expect(trend.status).toBe(200);
    expect(trend.body.rounds.map((r: { name: string; networkAverage: unknown }) => [r.name, r.networkAverage])).toEqual([
      ['Modenhet 2025', { lead: 2.5, data: 2.5 }],
      ['Modenhet 2026', { lead: 3.13, data: 4.5 }],
    ]);
    expect(trend.body.municipalities.find((m: { number: string }) => m.number === SORTLAND).byRound).toEqual([
      { lead: 2, data: 3 },
      { lead: 2.75, data: 4.5 },
    ]);
    const trendCsv = await member.get(`/api/networks/${vestId}/survey-templates/${templateId}/trend/export?format=csv`);
    expect(String(trendCsv.body)).toContain('1870;Sortland - Suortá;Modenhet 2026;');
    expectError(await lofoten.get(`/api/networks/${vestId}/survey-templates/${templateId}/trend`), 404, 'not_found');
  });

  it('filters the exports by municipality and dimension, keeping the whole network average', async () => {
    const lines = (body: unknown) =>
      String(body)
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
    const scorecardExport = `/api/survey-rounds/${roundId}/scorecard/export?format=csv`;
    const trendExport = `/api/networks/${vestId}/survey-templates/${templateId}/trend/export?format=csv`;

    expectError(await anonymous.get(`${scorecardExport}&dimension=lead`), 401, 'unauthenticated');
    expectFieldErrors(await member.get(`${scorecardExport}&dimension=lead&dimension=budget`), {
      dimension: '«Del» må være ett av valgene.',
    });
    expectFieldErrors(await member.get(`${trendExport}&dimension=budget`), { dimension: '«Del» må være ett av valgene.' });
    expectFieldErrors(await member.get(`${scorecardExport}&municipality=187`), {
      'municipality.0': '«Kommune» må være et kommunenummer med fire sifre.',
    });
    expectError(await lofoten.get(`${scorecardExport}&dimension=lead`), 404, 'not_found');

    const card = await member.get(`${scorecardExport}&municipality=${SORTLAND}&municipality=${ANDOY}&dimension=lead`);
    expect(card.status).toBe(200);
    expect(lines(card.body)).toEqual([
      'Kommunenummer;Kommune;Svar;Ledelse og strategi;Ledelse og strategi, endring',
      '1871;Andøy;1;3.5;0.5',
      '1870;Sortland - Suortá;2;2.75;0.75',
      ';Snitt i nettverket;;3.13;0.63',
    ]);
    // A comma-separated list is the same filter.
    const commas = await member.get(`${scorecardExport}&municipality=${HADSEL},${SORTLAND}&dimension=data`);
    expect(lines(commas.body)).toEqual([
      'Kommunenummer;Kommune;Svar;Informasjonsforvaltning;Informasjonsforvaltning, endring',
      '1866;Hadsel;0;;',
      '1870;Sortland - Suortá;2;4.5;1.5',
      ';Snitt i nettverket;;4.5;2',
    ]);

    const trend = await member.get(`${trendExport}&municipality=${SORTLAND}&dimension=data`);
    expect(trend.status).toBe(200);
    expect(lines(trend.body)).toEqual([
      'Kommunenummer;Kommune;Runde;Frist;Informasjonsforvaltning',
      expect.stringMatching(/^1870;Sortland - Suortá;Modenhet 2025;[\d-]+;3$/),
      expect.stringMatching(/^;Snitt i nettverket;Modenhet 2025;[\d-]+;2.5$/),
      expect.stringMatching(/^1870;Sortland - Suortá;Modenhet 2026;[\d-]+;4.5$/),
      expect.stringMatching(/^;Snitt i nettverket;Modenhet 2026;[\d-]+;4.5$/),
    ]);
  });

  it('deletes a draft round, and only a draft', async () => {
    const draft = await vest.post(`/api/networks/${vestId}/survey-rounds`, { templateId, name: 'Utkast', deadline });
    expectError(await vest.delete(`/api/survey-rounds/${roundId}?version=1`), 409, 'invalid_state');
    expect((await vest.delete(`/api/survey-rounds/${draft.body.id}?version=${draft.body.version}`)).status).toBe(200);
    expectError(await vest.get(`/api/survey-rounds/${draft.body.id}`), 404, 'not_found');
  });
});
