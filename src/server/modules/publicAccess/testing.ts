import { expect } from 'vitest';
import type { Client, TestApp } from '../../../../test/harness.ts';
import { unique } from '../../../../test/helpers.ts';
import type { Meeting, WrittenProcedure } from '../../../shared/meetings/schema.ts';

interface Ref {
  id: string;
}

/**
 * Test data for the public pages, made the way the secretariat makes it: through the meetings API.
 * Only for the tests of this module.
 */

export interface CaseSpec {
  title: string;
  type?: 'decision' | 'information' | 'discussion' | 'report';
  casePaper?: string;
  recommendation?: string;
  exempt?: string;
  closedBasis?: string;
  deliberation?: string;
  decision?: string;
  outcome?: 'decided' | 'noted' | 'withdrawn';
  vote?: unknown;
  proposals?: { proposedBy: string; text: string; result: 'adopted' | 'rejected' | 'withdrawn' | null }[];
  remarks?: { personId: string; text: string }[];
  documents?: { fileName: string; text: string; exempt?: string }[];
}

export interface MeetingSpec {
  date: string;
  startTime?: string;
  endTime?: string | null;
  place?: string;
  isPublic?: boolean;
  cases?: CaseSpec[];
  /** How far it goes: planned (no summons), summoned, held, approved (minutes approved). */
  stage?: 'planned' | 'summoned' | 'held' | 'approved';
}

export interface MadeMeeting {
  id: string;
  meeting: Meeting;
  /** Agenda item, case and document ids by case title. */
  items: Record<string, { itemId: string; caseId: string; consultationId: string; documentIds: string[] }>;
}

const PDF = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

/** A fresh body of DigiVesterålen with three voting members and their e-mail addresses. */
export async function freshBody(vest: Client, networkId: string, name = `Arbeidsutvalg ${unique()}`) {
  const created = await vest.post<Ref>(`/api/networks/${networkId}/bodies`, { kind: 'workingCommittee', name, shortCode: 'AU' });
  expect(created.status).toBe(201);
  const personIds: string[] = [];
  for (const role of ['chair', 'member', 'member'] as const) {
    const person = await vest.post<Ref>('/api/people', {
      networkId,
      name: `Representant ${unique()}`,
      email: `${unique()}@example.no`,
      phone: '+47 400 00 000',
      title: 'Ordfører',
      municipalityNumber: '1870',
    });
    expect(person.status).toBe(201);
    const res = await vest.post(`/api/bodies/${created.body.id}/memberships`, {
      personId: person.body.id,
      role,
      fromDate: '2020-01-01',
      municipalityNumber: '1870',
    });
    expect(res.status).toBe(201);
    personIds.push(person.body.id);
  }
  return { bodyId: created.body.id, personIds };
}

/** A meeting with its cases, documents and handling, taken as far as `stage`. */
export async function makeMeeting(vest: Client, bodyId: string, spec: MeetingSpec): Promise<MadeMeeting> {
  const created = await vest.post(`/api/bodies/${bodyId}/meetings`, {
    date: spec.date,
    startTime: spec.startTime ?? '10:00',
    endTime: spec.endTime === undefined ? '12:00' : spec.endTime,
    place: spec.place ?? 'Sortland rådhus',
    isPublic: spec.isPublic ?? true,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  let meeting = created.body as Meeting;
  const items: MadeMeeting['items'] = {};
  for (const c of spec.cases ?? []) {
    const res = await vest.post(`/api/meetings/${meeting.id}/cases`, {
      type: c.type ?? 'decision',
      title: c.title,
      casePaper: c.casePaper ?? '',
      recommendation: c.recommendation ?? '',
      exemptFromPublic: c.exempt !== undefined,
      exemptLegalBasis: c.exempt ?? null,
      closedBasis: c.closedBasis ?? null,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    meeting = res.body as Meeting;
    const item = meeting.items.find((i) => i.title === c.title)!;
    const documentIds: string[] = [];
    for (const d of c.documents ?? []) {
      const uploaded = await vest.request<Ref & { version: number }>(
        'POST',
        `/api/cases/${item.caseId}/documents?fileName=${encodeURIComponent(d.fileName)}`,
        PDF(d.text),
        {
          'content-type': 'application/pdf',
        },
      );
      expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
      if (d.exempt) {
        const patched = await vest.patch(`/api/case-documents/${uploaded.body.id}`, {
          exemptFromPublic: true,
          exemptLegalBasis: d.exempt,
          version: uploaded.body.version,
        });
        expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      }
      documentIds.push(uploaded.body.id);
    }
    items[c.title] = { itemId: item.id, caseId: item.caseId, consultationId: item.consultationId, documentIds };
  }
  const stage = spec.stage ?? 'approved';
  if (stage === 'planned') return { id: meeting.id, meeting, items };

  meeting = await ok(vest.post(`/api/meetings/${meeting.id}/summons`, { version: meeting.version }));
  if (stage === 'summoned') return { id: meeting.id, meeting, items };

  for (const item of meeting.items) {
    const c = (spec.cases ?? []).find((x) => x.title === item.title || items[x.title]?.itemId === item.id);
    const res = await vest.patch(`/api/agenda-items/${item.id}`, {
      version: item.version,
      outcome: c?.outcome ?? 'decided',
      ...(c?.deliberation !== undefined ? { deliberation: c.deliberation } : {}),
      ...(c?.decision !== undefined ? { decision: c.decision } : {}),
      ...(c?.vote !== undefined ? { vote: c.vote } : {}),
      ...(c?.proposals ? { proposals: c.proposals.map((p) => ({ id: crypto.randomUUID(), ...p })) } : {}),
      ...(c?.remarks
        ? {
            protocolRemarks: c.remarks.map((r) => ({
              id: crypto.randomUUID(),
              authorKind: 'person',
              personId: r.personId,
              municipalityNumber: null,
              text: r.text,
            })),
          }
        : {}),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  meeting = await ok(vest.get(`/api/meetings/${meeting.id}`));
  for (const attendee of meeting.attendees) {
    const res = await vest.patch(`/api/meeting-attendees/${attendee.id}`, { status: 'present', version: attendee.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    meeting = res.body as Meeting;
  }
  meeting = await ok(vest.post(`/api/meetings/${meeting.id}/held`, { version: meeting.version }));
  if (stage === 'held') return { id: meeting.id, meeting, items };
  meeting = await ok(vest.post(`/api/meetings/${meeting.id}/minutes/approve`, { version: meeting.version }));
  return { id: meeting.id, meeting, items };
}

async function ok(response: Promise<{ status: number; body: unknown }>): Promise<Meeting> {
  const res = await response;
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Meeting;
}

/**
 * A case decided in writing (kommuneloven § 11-8): started from a planned meeting's agenda, every member
 * agrees through the personal link in their e-mail, and the procedure closes as decided.
 */
export async function decideInWriting(t: TestApp, vest: Client, bodyId: string, spec: CaseSpec) {
  const planned = await makeMeeting(vest, bodyId, { date: '2030-06-01', stage: 'planned', cases: [spec] });
  const { consultationId } = planned.items[spec.title]!;
  const started = await vest.post<WrittenProcedure>(`/api/consultations/${consultationId}/written-procedure`, {
    reason: 'Fristen går ut før neste møte.',
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  await t.app.jobs.drain();
  // As each member receives it: the outbox shows the links hidden.
  const mails = (await t.mail()).filter((m) => m.subject === `Skriftlig behandling: sak ${started.body.number} ${spec.title}`);
  expect(mails.length).toBeGreaterThan(0);
  const anonymous = t.anonymous();
  for (const mail of mails) {
    const token = /\/skriftlig\/([\w-]+)/.exec(mail.text)?.[1];
    expect(token).toBeDefined();
    const answered = await anonymous.post(`/api/links/${token}/answer`, { answer: 'agree' });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
  }
  const procedures = await vest.get<WrittenProcedure>(`/api/written-procedures/${started.body.id}`);
  expect(procedures.body.status).toBe('decided');
  return { procedureId: started.body.id, consultationId };
}
