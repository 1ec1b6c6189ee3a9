import type { Meeting } from '../../src/shared/meetings/schema.ts';
import type { Client, SentMail, TestApp } from '../harness.ts';
import { unique } from '../helpers.ts';

/** The setups of the personal-link tests: every kind of link, made as a secretariat makes them, through the API. */

export async function ok<T = any>(res: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await res;
  if (status >= 300) throw new Error(`setup failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

export interface LinkBody {
  bodyId: string;
  /** Chair, member, member: each with an e-mail address of their own. */
  people: { id: string; name: string; email: string }[];
}

/** A working committee of the network with three voting members, each with e-mail. */
export async function bodyWithMembers(admin: Client, networkSlug: string): Promise<LinkBody> {
  const network = await ok<{ id: string }>(admin.get(`/api/networks/${networkSlug}`));
  const body = await ok<{ id: string }>(
    admin.post(`/api/networks/${network.id}/bodies`, { kind: 'workingCommittee', name: `Lenkeutvalg ${unique()}`, shortCode: 'LU' }),
  );
  const people: LinkBody['people'] = [];
  for (const role of ['chair', 'member', 'member'] as const) {
    const name = `Lenkemedlem ${unique()}`;
    const email = `${unique('lenke')}@example.no`;
    const person = await ok<{ id: string }>(admin.post('/api/people', { networkId: network.id, name, email }));
    await ok(admin.post(`/api/bodies/${body.id}/memberships`, { personId: person.id, role, fromDate: '2020-01-01' }));
    people.push({ id: person.id, name, email });
  }
  return { bodyId: body.id, people };
}

let dayCounter = 0;
/** A date of its own for each meeting, years ahead, so no two meetings of a body share one. */
function nextDay(): string {
  dayCounter++;
  return new Date(Date.UTC(2033, 0, 1) + (dayCounter * 2 + (process.pid % 100) * 400) * 86_400_000).toISOString().slice(0, 10);
}

export async function meetingWithCase(admin: Client, bodyId: string): Promise<{ meeting: Meeting; consultationId: string }> {
  const planned = await ok<Meeting>(
    admin.post(`/api/bodies/${bodyId}/meetings`, { date: nextDay(), startTime: '09:00', endTime: '12:00', place: 'Mo i Rana' }),
  );
  const meeting = await ok<Meeting>(
    admin.post(`/api/meetings/${planned.id}/cases`, { type: 'decision', title: `Lenkesak ${unique()}`, recommendation: 'Vedtas.' }),
  );
  return { meeting, consultationId: meeting.items.at(-1)!.consultationId };
}

/** A summoned meeting: each member has an absence link (/forfall/). */
export async function summonedMeeting(admin: Client, bodyId: string): Promise<Meeting> {
  const { meeting } = await meetingWithCase(admin, bodyId);
  return ok<Meeting>(admin.post(`/api/meetings/${meeting.id}/summons`, { version: meeting.version }));
}

/** A held meeting whose minutes the given people are asked to sign (/signer/). */
export async function minutesToSign(admin: Client, bodyId: string, signatoryIds: string[]): Promise<Meeting> {
  const sent = await summonedMeeting(admin, bodyId);
  for (const item of sent.items) await ok(admin.patch(`/api/agenda-items/${item.id}`, { outcome: 'decided', version: item.version }));
  let meeting = await ok<Meeting>(admin.get(`/api/meetings/${sent.id}`));
  meeting = await ok<Meeting>(admin.post(`/api/meetings/${sent.id}/held`, { version: meeting.version }));
  meeting = await ok<Meeting>(admin.patch(`/api/meetings/${meeting.id}`, { minutesSignatoryIds: signatoryIds, version: meeting.version }));
  return ok<Meeting>(admin.post(`/api/meetings/${meeting.id}/minutes/signatures`, { version: meeting.version }));
}

/** A case sent for written procedure: each voting member has an answer link (/skriftlig/). */
export async function writtenProcedure(admin: Client, bodyId: string): Promise<{ id: string; number: string }> {
  const { consultationId } = await meetingWithCase(admin, bodyId);
  return ok(
    admin.post(`/api/consultations/${consultationId}/written-procedure`, {
      reason: 'Fristen går ut før neste møte.',
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    }),
  );
}

/** An open survey round of the network with one respondent (/svar/). */
export async function openSurveyRound(
  admin: Client,
  networkSlug: string,
  respondent: { municipalityNumber: string; name: string; email: string },
) {
  const template = await ok<{ id: string }>(
    admin.post(`/api/networks/${networkSlug}/survey-templates`, {
      name: `Lenkemal ${unique()}`,
      definition: {
        scale: { min: 1, max: 4, labels: ['Ikke startet', 'Påbegynt', 'Etablert', 'Optimalisert'] },
        sections: [
          { key: 's', title: 'Ledelse', questions: [{ key: 'q1', text: 'Strategi vedtatt.', answerKind: 'scale', required: true }] },
        ],
      },
    }),
  );
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const draft = await ok<{ id: string; version: number }>(
    admin.post(`/api/networks/${networkSlug}/survey-rounds`, {
      templateId: template.id,
      name: `Lenkerunde ${unique()}`,
      deadline,
      respondents: [respondent],
    }),
  );
  return ok<{ id: string }>(admin.post(`/api/survey-rounds/${draft.id}/send`, { version: draft.version }));
}

/** The token of the newest link of this kind in the mail to `to`, as its recipient got it. */
export async function tokenFor(t: TestApp, to: string, path: string, subjectStart = ''): Promise<string> {
  await t.app.jobs.drain();
  const mail = (await t.mail()).filter((m) => m.to === to && m.subject.startsWith(subjectStart) && m.text.includes(`/${path}/`)).at(-1);
  const token = mail ? new RegExp(`/${path}/([\\w-]+)`).exec(mail.text)?.[1] : undefined;
  if (!token) throw new Error(`no /${path}/ link in a mail to ${to}`);
  return token;
}

/** Every personal-link token in the mail that has gone out. */
export function tokensIn(mails: SentMail[]): string[] {
  return mails.flatMap((m) =>
    [...m.text.matchAll(/\/(?:forfall|skriftlig|signer|svar|invitasjon|nytt-passord)\/([\w-]+)/g)].map((x) => x[1]!),
  );
}

/** Every string in a JSON answer that could be a token: runs of URL-safe characters long enough to be one. */
export function tokenCandidates(body: unknown): string[] {
  return [...new Set(JSON.stringify(body).match(/[A-Za-z0-9_-]{20,}/g) ?? [])];
}

/**
 * Tries a string as the token of every kind of personal link, by every route that reads one, and answers the
 * statuses that did not say «no such link» (404) or «that is not a token» (400).
 */
export async function tryAsToken(anonymous: Client, candidate: string): Promise<string[]> {
  const probes = [
    anonymous.get(`/api/links/${candidate}`),
    anonymous.get(`/api/survey-answers/${candidate}`),
    anonymous.get(`/api/invitations/${candidate}`),
    anonymous.get(`/api/password-resets/${candidate}`),
  ];
  const routes = ['links', 'survey-answers', 'invitations', 'password-resets'];
  const answers = await Promise.all(probes);
  return answers.flatMap((a, i) => (a.status === 404 || a.status === 400 ? [] : [`${routes[i]}: ${a.status}`]));
}
