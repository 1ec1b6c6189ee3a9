import { caseNumberOf } from '../../../shared/meetings/schema.ts';
import { MEETING_TERMS } from '../../../shared/meetings/terms.ts';
import type {
  agendaItems,
  bodies,
  bodyMemberships,
  caseDocuments,
  cases,
  consultations,
  meetings,
  networks,
  people,
} from '../../db/schema/index.ts';
import { osloLocalToUtc } from '../documents/index.ts';
import type { AgendaOutcome, CaseType, MeetingStatus } from '../../../shared/meetings/schema.ts';
import { exemptTitle } from '../../../shared/publicAccess/schema.ts';
import {
  OPARL_VERSION,
  oparlType,
  type OparlAgendaItem,
  type OparlBody,
  type OparlConsultation,
  type OparlFile,
  type OparlMeeting,
  type OparlMembership,
  type OparlOrganization,
  type OparlPaper,
  type OparlPerson,
  type OparlSystem,
} from './oparl-schema.ts';
import { documentPath } from './presenter.ts';
import { hasDecision, itemMinutesPublished, minutesPublished } from './visibility.ts';

type MeetingRow = typeof meetings.$inferSelect;
type BodyRow = typeof bodies.$inferSelect;
type NetworkRow = typeof networks.$inferSelect;
type ItemRow = typeof agendaItems.$inferSelect;
type ConsultationRow = typeof consultations.$inferSelect;
type CaseRow = typeof cases.$inferSelect;
type DocumentRow = typeof caseDocuments.$inferSelect;
type PersonRow = typeof people.$inferSelect;
type MembershipRow = typeof bodyMemberships.$inferSelect;

/** Every OParl object's URL, absolute, under `${publicUrl}/api/oparl/v1`. */
export class OparlUrls {
  readonly base: string;
  constructor(readonly publicUrl: string) {
    this.base = `${publicUrl}/api/oparl/v1`;
  }
  system = () => `${this.base}/system`;
  bodies = () => `${this.base}/bodies`;
  body = (id: string) => `${this.base}/bodies/${id}`;
  bodyList = (id: string, list: string) => `${this.base}/bodies/${id}/${list}`;
  organization = (id: string) => `${this.base}/organizations/${id}`;
  person = (id: string) => `${this.base}/persons/${id}`;
  membership = (id: string) => `${this.base}/memberships/${id}`;
  meeting = (id: string) => `${this.base}/meetings/${id}`;
  location = (meetingId: string) => `${this.base}/meetings/${meetingId}/location`;
  agendaItem = (id: string) => `${this.base}/agenda-items/${id}`;
  paper = (id: string) => `${this.base}/papers/${id}`;
  consultation = (id: string) => `${this.base}/consultations/${id}`;
  file = (id: string) => `${this.base}/files/${id}`;
  download = (documentId: string) => `${this.publicUrl}${documentPath(documentId)}`;
}

const { roles: ROLE_LABELS, caseTypes: CASE_TYPE_LABELS } = MEETING_TERMS.nb;

/** eInnsyn's moetesakstype for each case type. */
const EINNSYN_CASE_TYPES: Record<CaseType, string> = {
  approveSummons: 'godkjenning',
  approveAgenda: 'godkjenning',
  information: 'orientering',
  decision: 'politisk',
  discussion: 'annet',
  report: 'referat',
  otherBusiness: 'annet',
};

const OUTCOME_LABELS: Record<AgendaOutcome, string> = {
  pending: 'Ikke behandlet',
  decided: 'Vedtatt',
  noted: 'Tatt til orientering',
  postponed: 'Utsatt',
  withdrawn: 'Trukket',
};

const MEETING_STATE_LABELS: Record<MeetingStatus, string> = {
  planned: 'planlagt',
  summoned: 'innkalt',
  held: 'gjennomført',
  minutesApproved: 'protokoll godkjent',
};

const BODY_KIND_LABELS: Record<BodyRow['kind'], string> = {
  steeringGroup: 'Styringsgruppe',
  workingCommittee: 'Arbeidsutvalg',
  chiefExecutivesCouncil: 'Kommunedirektørutvalg',
  regionalCouncil: 'Regionråd',
  workingGroup: 'Faggruppe',
  resourceGroup: 'Ressursgruppe',
  referenceGroup: 'Referansegruppe',
};

const iso = (d: Date) => d.toISOString();

/** A wall-clock time in Oslo as an ISO date-time with Oslo's offset that day, e.g. 2025-03-10T10:00:00+01:00. */
export function osloDateTime(date: string, time: string): string {
  const instant = osloLocalToUtc(date, time);
  const [h, m] = time.split(':').map(Number);
  const wall = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), h, m);
  const offset = Math.round((wall - instant.getTime()) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${time}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function nextDay(date: string): string {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + 1))
    .toISOString()
    .slice(0, 10);
}

/** The one object a deleted or cancelled record leaves in the lists, so a copy knows to drop it. */
export function deletedStub<T extends string>(type: T, id: string, created: Date, modified: Date) {
  return { id, type: oparlType(type), created: iso(created), modified: iso(modified), deleted: true as const };
}

export function presentSystem(urls: OparlUrls, modified: Date | null): OparlSystem {
  return {
    id: urls.system(),
    type: oparlType('System'),
    oparlVersion: OPARL_VERSION,
    body: urls.bodies(),
    name: 'Digiregion',
    website: `${urls.publicUrl}/innsyn`,
    web: `${urls.publicUrl}/innsyn`,
    ...(modified ? { modified: iso(modified) } : {}),
  };
}

export function presentBody(urls: OparlUrls, network: NetworkRow): OparlBody {
  const list = (name: string) => urls.bodyList(network.id, name);
  return {
    id: urls.body(network.id),
    type: oparlType('Body'),
    system: urls.system(),
    name: network.name,
    ...(network.shortName ? { shortName: network.shortName } : {}),
    classification: 'Digitaliseringssamarbeid',
    website: `${urls.publicUrl}/n/${network.slug}`,
    organization: list('organizations'),
    person: list('persons'),
    meeting: list('meetings'),
    paper: list('papers'),
    agendaItem: list('agenda-items'),
    consultation: list('consultations'),
    file: list('files'),
    membership: list('memberships'),
    legislativeTerm: [],
    web: `${urls.publicUrl}/n/${network.slug}`,
    created: iso(network.createdAt),
    modified: iso(network.updatedAt),
  };
}

export function presentOrganization(urls: OparlUrls, body: BodyRow, membershipIds: string[], modified: Date): OparlOrganization {
  return {
    id: urls.organization(body.id),
    type: oparlType('Organization'),
    body: urls.body(body.networkId),
    name: body.name,
    ...(body.shortCode ? { shortName: body.shortCode } : {}),
    membership: membershipIds.map(urls.membership),
    meeting: `${urls.organization(body.id)}/meetings`,
    organizationType: 'Gremium',
    classification: BODY_KIND_LABELS[body.kind],
    web: `${urls.publicUrl}/innsyn/organ/${body.id}`,
    'digiregion:kind': body.kind,
    'digiregion:mandate': body.mandate,
    created: iso(body.createdAt),
    modified: iso(modified),
  };
}

export function presentMembership(urls: OparlUrls, m: MembershipRow, municipalityName: string | null): OparlMembership {
  return {
    id: urls.membership(m.id),
    type: oparlType('Membership'),
    person: urls.person(m.personId),
    organization: urls.organization(m.bodyId),
    role: ROLE_LABELS[m.role],
    votingRight: m.votingRight === 'vote',
    startDate: m.fromDate,
    ...(m.toDate ? { endDate: m.toDate } : {}),
    'digiregion:role': m.role,
    'digiregion:municipalityNumber': m.municipalityNumber,
    'digiregion:municipalityName': municipalityName,
    'digiregion:deputyFor': m.deputyForId ? urls.membership(m.deputyForId) : null,
    created: iso(m.createdAt),
    modified: iso(m.updatedAt),
  };
}

/** A public official: name and job title, the memberships of bodies with public meetings; never e-mail or phone. */
export function presentPerson(
  urls: OparlUrls,
  person: PersonRow,
  networkId: string,
  memberships: OparlMembership[],
  modified: Date,
): OparlPerson {
  return {
    id: urls.person(person.id),
    type: oparlType('Person'),
    body: urls.body(networkId),
    name: person.name,
    ...(person.title ? { status: [person.title] } : {}),
    membership: memberships,
    created: iso(person.createdAt),
    modified: iso(modified),
  };
}

export function presentFile(urls: OparlUrls, d: DocumentRow, paperIds: string[], agendaItemIds: string[]): OparlFile {
  if (d.deletedAt) return deletedStub('File', urls.file(d.id), d.createdAt, d.updatedAt);
  return {
    id: urls.file(d.id),
    type: oparlType('File'),
    name: d.fileName,
    fileName: d.fileName,
    mimeType: d.contentType,
    date: d.createdAt.toISOString().slice(0, 10),
    size: d.size,
    accessUrl: urls.download(d.id),
    downloadUrl: urls.download(d.id),
    paper: paperIds.map(urls.paper),
    agendaItem: agendaItemIds.map(urls.agendaItem),
    'digiregion:sha256Checksum': d.sha256,
    created: iso(d.createdAt),
    modified: iso(d.updatedAt),
  };
}

/** Lookups the item presenter needs: people's names and which of them are public (have a Person URL). */
export interface PeopleIndex {
  names: Map<string, string>;
  publicIds: Set<string>;
}

export interface ItemContext {
  meeting: MeetingRow;
  body: BodyRow;
  item: ItemRow;
  consultation: ConsultationRow;
  case: CaseRow;
  files: OparlFile[];
  modified: Date;
}

/**
 * An agenda item (eInnsyn: møtesak). An exempt case gives its number and legal basis only; a closed
 * item keeps back deliberation, proposals and remarks; the handling appears with the published minutes.
 */
export function presentAgendaItem(urls: OparlUrls, x: ItemContext, peopleIndex: PeopleIndex): OparlAgendaItem {
  const { meeting, item, consultation: co, case: c } = x;
  // OParl requires an agenda item's order even when it is deleted.
  if (meeting.deletedAt)
    return { ...deletedStub('AgendaItem', urls.agendaItem(item.id), item.createdAt, x.modified), order: item.position };
  const exempt = c.exemptFromPublic;
  const open = !exempt && item.closedBasis === null;
  const personUrl = (id: string | null) => (id && peopleIndex.publicIds.has(id) ? urls.person(id) : null);
  const published = itemMinutesPublished(meeting, item);
  const decision = published && !exempt && hasDecision(item.outcome) && item.decision ? item.decision : null;
  const vote = published && !exempt ? item.vote : null;
  const result: OparlAgendaItem = {
    id: urls.agendaItem(item.id),
    type: oparlType('AgendaItem'),
    meeting: urls.meeting(meeting.id),
    number: caseNumberOf(co),
    order: item.position,
    name: exempt ? exemptTitle(c.exemptLegalBasis) : c.title,
    public: open,
    consultation: urls.consultation(co.id),
    auxiliaryFile: exempt ? [] : x.files,
    'digiregion:moetesak': {
      moetesakstype: EINNSYN_CASE_TYPES[c.type],
      moetesaksaar: co.year,
      moetesakssekvensnummer: co.sequence,
      utvalg: x.body.name,
    },
    'digiregion:exemptLegalBasis': exempt ? c.exemptLegalBasis : null,
    'digiregion:closedBasis': item.closedBasis,
    web: `${urls.publicUrl}/innsyn/moter/${meeting.id}#sak-${item.id}`,
    created: iso(item.createdAt),
    modified: iso(x.modified),
  };
  if (!published) return result;
  return {
    ...result,
    result: OUTCOME_LABELS[item.outcome],
    ...(decision ? { resolutionText: decision } : {}),
    'digiregion:outcome': item.outcome,
    // eInnsyn's vedtak; its text (vedtakstekst) is OParl's resolutionText above, not repeated here.
    'digiregion:vedtak': decision ? { dato: meeting.date } : null,
    'digiregion:deliberation': open && item.deliberation ? item.deliberation : null,
    'digiregion:proposals': open ? item.proposals.map((p) => ({ proposedBy: p.proposedBy, text: p.text, result: p.result })) : [],
    'digiregion:vote': vote
      ? {
          kind: vote.kind,
          for: vote.kind === 'counts' ? vote.for : vote.kind === 'roll' ? vote.ballots.filter((b) => b.choice === 'yes').length : null,
          against:
            vote.kind === 'counts' ? vote.against : vote.kind === 'roll' ? vote.ballots.filter((b) => b.choice === 'no').length : null,
          blank:
            vote.kind === 'counts' ? vote.blank : vote.kind === 'roll' ? vote.ballots.filter((b) => b.choice === 'blank').length : null,
          votering:
            vote.kind === 'roll'
              ? vote.ballots.map((b) => ({
                  moetedeltaker: peopleIndex.names.get(b.personId) ?? '',
                  person: personUrl(b.personId),
                  stemme: b.choice === 'yes' ? ('Ja' as const) : b.choice === 'no' ? ('Nei' as const) : ('Blankt' as const),
                }))
              : [],
        }
      : null,
    'digiregion:protocolRemarks': open
      ? item.protocolRemarks.map((r) => ({
          authorName: r.authorName,
          person: r.authorKind === 'person' ? personUrl(r.personId) : null,
          text: r.text,
        }))
      : [],
  };
}

/** A meeting (eInnsyn: møtemappe); a cancelled one is left as a deleted stub. */
export function presentMeeting(
  urls: OparlUrls,
  meeting: MeetingRow,
  body: BodyRow,
  agenda: OparlAgendaItem[],
  participantIds: string[],
  modified: Date,
): OparlMeeting {
  if (meeting.deletedAt) return { ...deletedStub('Meeting', urls.meeting(meeting.id), meeting.createdAt, modified), cancelled: true };
  const endDate = meeting.endTime && meeting.endTime <= meeting.startTime ? nextDay(meeting.date) : meeting.date;
  return {
    id: urls.meeting(meeting.id),
    type: oparlType('Meeting'),
    name: meeting.writtenProcedure ? `Skriftlig behandling i ${body.name} ${meeting.date}` : `Møte i ${body.name} ${meeting.date}`,
    meetingState: MEETING_STATE_LABELS[meeting.status],
    cancelled: false,
    start: osloDateTime(meeting.date, meeting.startTime),
    ...(meeting.endTime ? { end: osloDateTime(endDate, meeting.endTime) } : {}),
    ...(meeting.place
      ? {
          location: {
            id: urls.location(meeting.id),
            type: oparlType('Location'),
            description: meeting.place,
            meetings: [urls.meeting(meeting.id)],
            created: iso(meeting.createdAt),
            modified: iso(meeting.updatedAt),
          },
        }
      : {}),
    organization: [urls.organization(body.id)],
    participant: minutesPublished(meeting) ? participantIds.map(urls.person) : [],
    agendaItem: agenda,
    'digiregion:moetemappe': { moetedato: meeting.date, moetested: meeting.place, utvalg: body.name, utvalgKode: body.shortCode },
    'digiregion:writtenProcedure': meeting.writtenProcedure,
    'digiregion:status': meeting.status,
    'digiregion:summonsPublishedAt': meeting.summonsPublishedAt ? iso(meeting.summonsPublishedAt) : null,
    'digiregion:minutesApprovedAt': minutesPublished(meeting) && meeting.minutesApprovedAt ? iso(meeting.minutesApprovedAt) : null,
    web: `${urls.publicUrl}/innsyn/moter/${meeting.id}`,
    created: iso(meeting.createdAt),
    modified: iso(modified),
  };
}

export interface ConsultationContext {
  consultation: ConsultationRow;
  case: CaseRow;
  /** The latest handling of it on a published meeting; none leaves the consultation as a deleted stub. */
  latest: { itemId: string; meetingId: string; outcome: AgendaOutcome; minutesOut: boolean } | null;
  modified: Date;
}

export function presentConsultation(urls: OparlUrls, x: ConsultationContext): OparlConsultation {
  const { consultation: co, case: c, latest } = x;
  if (!latest || c.deletedAt) return deletedStub('Consultation', urls.consultation(co.id), co.createdAt, x.modified);
  return {
    id: urls.consultation(co.id),
    type: oparlType('Consultation'),
    paper: urls.paper(c.id),
    agendaItem: urls.agendaItem(latest.itemId),
    meeting: urls.meeting(latest.meetingId),
    organization: [urls.organization(co.bodyId)],
    authoritative: latest.minutesOut && hasDecision(latest.outcome),
    role: CASE_TYPE_LABELS[c.type],
    'digiregion:number': caseNumberOf(co),
    'digiregion:recommendation': c.exemptFromPublic || !co.recommendation ? null : co.recommendation,
    created: iso(co.createdAt),
    modified: iso(x.modified),
  };
}

/** A case (Paper); an exempt one is named by its legal basis and carries neither paper nor files. */
export function presentPaper(
  urls: OparlUrls,
  c: CaseRow,
  visible: boolean,
  consultationsOut: OparlConsultation[],
  files: OparlFile[],
  modified: Date,
): OparlPaper {
  if (!visible || c.deletedAt) return deletedStub('Paper', urls.paper(c.id), c.createdAt, modified);
  const exempt = c.exemptFromPublic;
  const numbered = consultationsOut.find((x) => x['digiregion:number']);
  return {
    id: urls.paper(c.id),
    type: oparlType('Paper'),
    body: urls.body(c.networkId),
    name: exempt ? exemptTitle(c.exemptLegalBasis) : c.title,
    ...(numbered?.['digiregion:number'] ? { reference: numbered['digiregion:number'] } : {}),
    date: c.createdAt.toISOString().slice(0, 10),
    paperType: CASE_TYPE_LABELS[c.type],
    auxiliaryFile: exempt ? [] : files,
    consultation: consultationsOut,
    'digiregion:caseType': c.type,
    'digiregion:exemptFromPublic': exempt,
    'digiregion:exemptLegalBasis': exempt ? c.exemptLegalBasis : null,
    'digiregion:casePaper': exempt || !c.casePaper ? null : c.casePaper,
    created: iso(c.createdAt),
    modified: iso(modified),
  };
}
