import { caseNumberOf } from '../../../shared/meetings/schema.ts';
import type { bodies, caseDocuments, meetings, networks } from '../../db/schema/index.ts';
import {
  exemptTitle,
  type PublicAgendaItem,
  type PublicBodyRef,
  type PublicDocument,
  type PublicItemMinutes,
  type PublicMeetingSummary,
  type PublicVote,
  type SnippetPart,
} from '../../../shared/publicAccess/schema.ts';
import type { ItemRow } from './repo.ts';
import { hasDecision, itemMinutesPublished, minutesPublished } from './visibility.ts';

type MeetingRow = typeof meetings.$inferSelect;
type BodyRow = typeof bodies.$inferSelect;
type NetworkRow = typeof networks.$inferSelect;
type DocumentRow = typeof caseDocuments.$inferSelect;

export const documentPath = (id: string) => `/api/public/documents/${id}`;

export function presentBodyRef(body: BodyRow, network: NetworkRow): PublicBodyRef {
  return {
    id: body.id,
    name: body.name,
    shortCode: body.shortCode,
    kind: body.kind,
    networkId: network.id,
    networkSlug: network.slug,
    networkName: network.name,
  };
}

export function presentMeetingSummary(meeting: MeetingRow, itemCount: number): PublicMeetingSummary {
  const cancelled = meeting.deletedAt !== null;
  return {
    id: meeting.id,
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    place: meeting.place,
    writtenProcedure: meeting.writtenProcedure,
    status: meeting.status,
    cancelled,
    minutesPublished: minutesPublished(meeting),
    itemCount: cancelled ? 0 : itemCount,
  };
}

export function presentDocument(d: DocumentRow): PublicDocument {
  return { id: d.id, fileName: d.fileName, contentType: d.contentType, size: d.size, url: documentPath(d.id) };
}

function presentVote(vote: ItemRow['item']['vote'], names: Map<string, string>): PublicVote | null {
  if (!vote) return null;
  switch (vote.kind) {
    case 'unanimous':
      return { kind: 'unanimous', for: null, against: null, blank: null, ballots: [] };
    case 'counts':
      return { kind: 'counts', for: vote.for, against: vote.against, blank: vote.blank, ballots: [] };
    case 'roll': {
      const tally = (choice: string) => vote.ballots.filter((b) => b.choice === choice).length;
      return {
        kind: 'roll',
        for: tally('yes'),
        against: tally('no'),
        blank: tally('blank'),
        ballots: vote.ballots.map((b) => ({ name: names.get(b.personId) ?? '', choice: b.choice })),
      };
    }
  }
}

/**
 * One agenda item as the public sees it. An exempt case gives its number and legal basis and nothing
 * else of its own; a closed item keeps back its deliberation, proposals and remarks.
 */
export function presentItem(row: ItemRow, meeting: MeetingRow, documents: DocumentRow[], names: Map<string, string>): PublicAgendaItem {
  const { item, consultation, case: c } = row;
  const exempt = c.exemptFromPublic;
  const closed = item.closedBasis !== null;
  const open = !exempt && !closed;
  let minutes: PublicItemMinutes | null = null;
  if (itemMinutesPublished(meeting, item)) {
    minutes = {
      outcome: item.outcome,
      deliberation: open && item.deliberation ? item.deliberation : null,
      proposals: open ? item.proposals.map((p) => ({ proposedBy: p.proposedBy, text: p.text, result: p.result })) : [],
      vote: exempt ? null : presentVote(item.vote, names),
      decision: !exempt && hasDecision(item.outcome) && item.decision ? item.decision : null,
      protocolRemarks: open ? item.protocolRemarks.map((r) => ({ authorName: r.authorName, text: r.text })) : [],
    };
  }
  return {
    id: item.id,
    position: item.position,
    number: caseNumberOf(consultation),
    type: c.type,
    title: exempt ? exemptTitle(c.exemptLegalBasis) : c.title,
    exempt,
    exemptLegalBasis: exempt ? c.exemptLegalBasis : null,
    closedBasis: item.closedBasis,
    casePaper: exempt || !c.casePaper ? null : c.casePaper,
    recommendation: exempt || !consultation.recommendation ? null : consultation.recommendation,
    documents: exempt ? [] : documents.filter((d) => d.caseId === c.id).map(presentDocument),
    minutes,
  };
}

/** Person ids a vote names, to look their names up. */
export const ballotPersonIds = (rows: ItemRow[]) =>
  rows.flatMap((r) => (r.item.vote?.kind === 'roll' ? r.item.vote.ballots.map((b) => b.personId) : []));

// ts_headline marks the matches with two private-use characters; the parts go to the client as data, never as HTML.
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

/** Splits a headline from ts_headline into plain and matched parts. */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const pattern = new RegExp(`${MATCH_START}([^${MATCH_END}]*)${MATCH_END}`, 'g');
  let last = 0;
  for (const match of headline.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: headline.slice(last, match.index), match: false });
    parts.push({ text: match[1] ?? '', match: true });
    last = match.index + match[0].length;
  }
  if (last < headline.length) parts.push({ text: headline.slice(last), match: false });
  return parts.map((p) => ({ ...p, text: p.text.replaceAll(MATCH_START, '').replaceAll(MATCH_END, '') })).filter((p) => p.text.length > 0);
}
