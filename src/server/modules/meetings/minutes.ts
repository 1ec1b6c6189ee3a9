import type { RequestContext } from '../../context.ts';
import { renderMinutesDocx, renderMinutesPdf, type MinutesDocument } from '../documents/index.ts';
import type { AgendaItem, Attendee, Meeting, Vote } from '../../../shared/meetings/schema.ts';
import { MEETING_TERMS } from '../../../shared/meetings/terms.ts';
import { orderCalled, summonsGroupOf } from '../../../shared/meetings/attendance.ts';
import type { DbOrTx } from '../../db/client.ts';
import { findBody, readableMeeting, type BodyWithNetwork, type MeetingRow } from './records.ts';
import { loadMeeting } from './service.ts';

/** The minutes (møteprotokoll) as one document model, rendered to PDF or DOCX in the layout of seed 000. */
export function minutesDocument(meeting: Meeting, body: BodyWithNetwork): MinutesDocument {
  const names = new Map(meeting.attendees.map((a) => [a.personId, a.name]));
  const person = (a: Attendee) => ({ name: a.name, role: MEETING_TERMS.nb.roles[a.role], municipality: a.municipalityName });
  // As the summons lists them: by group, then chair, vice chair, members, then municipality and name.
  const present = orderCalled(meeting.attendees.filter((a) => a.status === 'present'));
  return {
    language: 'nb',
    networkName: body.networkName,
    bodyName: body.name,
    bodyShortCode: body.shortCode,
    meeting: {
      date: meeting.date,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
      place: meeting.place,
      writtenProcedure: meeting.writtenProcedure,
      adjournedAt: meeting.adjournedAt,
    },
    attendance: {
      // The voting members; a deputy called in is listed apart, as «møtte for …»; then those with speaking rights only.
      present: present.filter((a) => a.role !== 'deputy' && summonsGroupOf(a) === 'voting').map(person),
      absent: orderCalled(meeting.attendees.filter((a) => a.status === 'absent' && a.role !== 'deputy')).map(person),
      deputies: present
        .filter((a) => a.role === 'deputy' && a.votingRight)
        .map((a) => ({ ...person(a), deputyFor: a.deputyForName ?? '' })),
      others: present.filter((a) => summonsGroupOf(a) !== 'voting').map(person),
      notes: partialAttendance(present, meeting.items),
    },
    cases: meeting.items.map((item) => ({
      number: item.number,
      title: item.title,
      recommendation: item.recommendation,
      deliberation: [item.deliberation, ...item.proposals.map(proposalLine)].filter(Boolean).join('\n\n'),
      decision: item.decision,
      outcome: item.outcome === 'pending' ? 'decided' : item.outcome,
      vote: voteLine(item.vote, names),
      disqualifications: item.disqualifications.map((d) => {
        const who = names.get(d.personId) ?? '';
        if (d.ruling === 'notDisqualified') return `${who} tok opp spørsmålet om egen habilitet (${d.reason}) og ble funnet habil.`;
        const deputy = d.deputyPersonId ? ` ${names.get(d.deputyPersonId) ?? ''} tiltrådte.` : '';
        return `${who} ble erklært inhabil (${d.reason}) og fratrådte.${deputy}`;
      }),
      protocolRemarks: item.protocolRemarks.map((r) => ({ author: r.authorName, text: r.text })),
      closedBasis: item.closedBasis,
      jointWith: item.jointHandlingId
        ? meeting.items
            .filter((other) => other.jointHandlingId === item.jointHandlingId && other.id !== item.id)
            .map((other) => other.number)
        : [],
    })),
    writtenDecisions: meeting.writtenDecisions,
    approval: {
      text: meeting.minutesApprovedAt
        ? (meeting.minutesApprovalNote ??
          `Protokollen er godkjent ${meeting.minutesApprovedAt.slice(0, 10).split('-').reverse().join('.')}.`)
        : null,
    },
    draft: !meeting.minutesApprovedAt,
  };
}

/** «Kari Nordmann deltok bare under behandling av sak 060/17», from the items each person was out for. */
function partialAttendance(present: Attendee[], items: AgendaItem[]): string[] {
  return present.flatMap((a) => {
    const absentFrom = items.filter((i) => i.absentPersonIds.includes(a.personId));
    if (absentFrom.length === 0) return [];
    const attended = items.filter((i) => !absentFrom.includes(i));
    return attended.length <= absentFrom.length
      ? [`${a.name} deltok bare under behandling av sak ${attended.map((i) => i.number).join(', ')}.`]
      : [`${a.name} deltok ikke under behandling av sak ${absentFrom.map((i) => i.number).join(', ')}.`];
  });
}

export function voteLine(vote: Vote | null, names: Map<string, string>): string | null {
  if (!vote) return null;
  if (vote.kind === 'unanimous') return 'Enstemmig vedtatt.';
  const tally =
    vote.kind === 'counts'
      ? { yes: vote.for, no: vote.against, blank: vote.blank }
      : {
          yes: vote.ballots.filter((b) => b.choice === 'yes').length,
          no: vote.ballots.filter((b) => b.choice === 'no').length,
          blank: vote.ballots.filter((b) => b.choice === 'blank').length,
        };
  const result = tally.yes > tally.no ? 'Vedtatt' : 'Falt';
  const blank = tally.blank > 0 ? `, ${tally.blank} blank${tally.blank === 1 ? '' : 'e'}` : '';
  const line = `${result} med ${tally.yes} mot ${tally.no} stemmer${blank}.`;
  if (vote.kind !== 'roll') return line;
  const list = (choice: string) =>
    vote.ballots
      .filter((b) => b.choice === choice)
      .map((b) => names.get(b.personId) ?? '')
      .join(', ');
  return `${line} For: ${list('yes') || '–'}. Mot: ${list('no') || '–'}.${tally.blank ? ` Blankt: ${list('blank')}.` : ''}`;
}

/** «**Forslag fra Øksnes kommune:** … (falt)», as proposals are written into a deliberation. */
function proposalLine(p: AgendaItem['proposals'][number]): string {
  return `**Forslag fra ${p.proposedBy}:** ${p.text}${p.result ? ` (${MEETING_TERMS.nb.proposalResults[p.result].toLowerCase()})` : ''}`;
}

/**
 * The minutes as anyone may read them: an exempt case shows only its number and legal basis, and a closed
 * item keeps back its deliberation, disqualifications and protocol remarks.
 */
export function publicMinutesDocument(meeting: Meeting, body: BodyWithNetwork): MinutesDocument {
  const document = minutesDocument(meeting, body);
  document.cases = document.cases.map((c, index) => {
    const item = meeting.items[index]!;
    if (item.exemptFromPublic) {
      const withheld = `Unntatt offentlighet, jf. ${item.exemptLegalBasis ?? ''}`;
      return {
        ...c,
        title: withheld,
        recommendation: '',
        deliberation: '',
        decision: withheld,
        vote: null,
        disqualifications: [],
        protocolRemarks: [],
      };
    }
    return item.closedBasis ? { ...c, deliberation: '', disqualifications: [], protocolRemarks: [] } : c;
  });
  return document;
}

const FORMATS = {
  pdf: { render: renderMinutesPdf, contentType: 'application/pdf' },
  docx: { render: renderMinutesDocx, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
};

async function minutesFile(meeting: MeetingRow, body: BodyWithNetwork, document: MinutesDocument, format: 'pdf' | 'docx') {
  return {
    body: await FORMATS[format].render(document),
    fileName: `protokoll-${body.shortCode ?? 'møte'}-${meeting.date}.${format}`,
    contentType: FORMATS[format].contentType,
  };
}

export async function renderMinutes(ctx: RequestContext, meetingId: string, format: 'pdf' | 'docx') {
  const { meeting, body } = await readableMeeting(ctx, meetingId);
  return minutesFile(meeting, body, minutesDocument(await loadMeeting(ctx.db, meeting, body), body), format);
}

/** For the public pages, which decide first whether the minutes are published (publicAccess/visibility.ts). */
export async function renderPublicMinutes(db: DbOrTx, meeting: MeetingRow, format: 'pdf' | 'docx') {
  const body = (await findBody(db, meeting.bodyId))!;
  return minutesFile(meeting, body, publicMinutesDocument(await loadMeeting(db, meeting, body), body), format);
}
