import type { agendaItems, caseNumberCounters, cases, consultations, meetingAttendees, meetings } from '../src/server/db/schema/index.ts';
import { searchTextOf } from '../src/server/modules/meetings/service.ts';
import type { AgendaOutcome, CaseType, Proposal, StoredProtocolRemark, Vote } from '../src/shared/meetings/schema.ts';
import type { prng } from './generate.ts';

/**
 * The meetings part of the national dataset: meetings of the generated bodies over several years, each
 * with its agenda of cases, numbered NNN/YY per body and year at the summons in agenda order, handled,
 * and for most of them with approved minutes. Texts are built from a Norwegian vocabulary with skewed
 * (1/rank) popularity, so full-text search meets common, middling and rare words as it would in
 * production. Pure: it only builds rows; generate.ts inserts them.
 */

type Rng = ReturnType<typeof prng>;

export interface MeetingsInput {
  rnd: Rng;
  /** The day the dataset is «taken»: earlier meetings are held, later ones summoned or planned. */
  today: string;
  meetings: number;
  cases: number;
  networks: { id: string; name: string; municipalities: { number: string; name: string }[] }[];
  bodies: { id: string; networkId: string; kind: string; name: string; shortCode: string | null }[];
  memberships: {
    id: string;
    bodyId: string;
    personId: string;
    role: string;
    votingRight: string;
    municipalityNumber: string | null;
    fromDate: string;
    toDate: string | null;
    deputyForId: string | null;
  }[];
  people: Map<string, { name: string; municipalityNumber: string | null }>;
  municipalityNames: Map<string, string>;
}

export interface MeetingsRows {
  meetings: (typeof meetings.$inferInsert)[];
  cases: (typeof cases.$inferInsert)[];
  consultations: (typeof consultations.$inferInsert)[];
  agendaItems: (typeof agendaItems.$inferInsert)[];
  attendees: (typeof meetingAttendees.$inferInsert)[];
  counters: (typeof caseNumberCounters.$inferInsert)[];
  /** An approved meeting with 20 agenda items (a working committee of the largest network), for the minutes render benchmark. */
  minutesSample: { meetingId: string; bodyName: string; date: string; items: number };
  summary: {
    meetings: number;
    cases: number;
    agendaItems: number;
    attendees: number;
    byStatus: Record<string, number>;
    exemptCases: number;
    searchableItems: number;
    firstDate: string;
    lastDate: string;
  };
}

// ---------------------------------------------------------------- vocabulary

/** What cases are about, most common first. */
const SUBJECTS = [
  'felles sak- og arkivsystem',
  'velferdsteknologi i hjemmetjenesten',
  'Microsoft 365 og skytjenester',
  'informasjonssikkerhet og internkontroll',
  'felles personvernombud',
  'digital innbyggerdialog',
  'digitale trygghetsalarmer',
  'elektronisk medisineringsstøtte',
  'felles integrasjonsplattform',
  'kunstig intelligens i saksbehandlingen',
  'robotisert prosessautomatisering (RPA) i lønn og regnskap',
  'digital byggesaksbehandling',
  'læringsbrett i grunnskolen',
  'felles IKT-drift og brukerstøtte',
  'identitets- og tilgangsstyring',
  'e-handel og fakturabehandling',
  'digitalt barnehageopptak',
  'kartdata og matrikkel',
  'dataplattform og datadeling',
  'beredskap ved IKT-utfall',
  'digital kompetanse for ansatte',
  'tjenestedesign i barnevernet',
  'sensorteknologi på sykehjem',
  'digital hjemmeoppfølging av kronikere',
  'KS Fiks-plattformen',
  'interkommunalt arkivdepot',
  'chatbot på kommunenes nettsider',
  'skoleadministrativt system',
  'lønns- og personalsystem',
  'felles økonomisystem',
  'multifaktorautentisering',
  'sikkerhetsovervåking og hendelseshåndtering',
  'fiberutbygging i distriktene',
  'felles telefoniløsning',
  'digitale skjemaer og e-signering',
  'logistikkløsning for hjemmetjenesten',
  'sikker meldingsutveksling med fastleger',
  'foreldrekommunikasjon og elevfravær',
  'digitalisering av papirarkiv',
  'bevaring og kassasjon',
  'planregister og kartportal',
  'smarte vannmålere',
  'eiendomsskatt og takst',
  'kvalitets- og avvikssystem',
  'backup og gjenoppretting',
  'pasientvarsling på legevakt',
  'universell utforming av nettsider',
  'åpne data',
  'innbyggerportal',
  'helsestasjonstjenesten',
];
/** Vendors and products: each is rare. */
const VENDORS = [
  'Acos',
  'Visma',
  'Tietoevry',
  'Sikri',
  'Evondos',
  'Tunstall',
  'Imatis',
  'Medido',
  'Gerica',
  'CosDoc',
  'Netcompany',
  'Atea',
  'Crayon',
  'Norkart',
  'Komtek',
  'Vigilo',
  'Conexus',
  'Dignio',
  'Safemate',
  'Pilaro',
  'Kommuneforlaget',
  'Geomatikk',
];
const DOCUMENTS = [
  'prosjektplan',
  'mandat',
  'handlingsplan',
  'samarbeidsavtale',
  'kravspesifikasjon',
  'gevinstrealiseringsplan',
  'veikart',
  'høringsuttalelse',
  'risikovurdering',
  'databehandleravtale',
  'tjenesteavtale',
  'kommunikasjonsplan',
  'anskaffelsesstrategi',
  'sluttrapport',
];
const CONCERNS = [
  'kostnadsfordelingen mellom små og store kommuner',
  'behovet for opplæring av ansatte',
  'personvernkonsekvenser og behovet for DPIA',
  'framdrift og ressursbruk i prosjektet',
  'avhengigheter til nasjonale fellesløsninger',
  'integrasjon mot fagsystemene',
  'involvering av tillitsvalgte og verneombud',
  'brukermedvirkning og innbyggernes behov',
  'leverandøravhengighet og exit-strategi',
  'lagring av data utenfor EØS',
  'gevinstrealisering i tjenestene',
  'kapasiteten i IKT-driften',
  'forankring i kommunestyrene',
  'universell utforming',
  'klimaavtrykk og gjenbruk av utstyr',
];
const NATIONAL = [
  'DigiFin-midler',
  'nasjonal digitaliseringsstrategi',
  'Digitaliseringsdirektoratets fellesløsninger',
  'kommunesektorens digitaliseringsråd',
  'KS KommIT',
  'Statsforvalterens skjønnsmidler',
];
const LAWS = [
  'kommuneloven § 17-1',
  'plan- og bygningsloven § 11-14',
  'personopplysningsloven',
  'anskaffelsesforskriften',
  'arkivlova § 6',
  'forvaltningsloven § 11',
];
const EXEMPT = [
  { title: 'Personalsak – tilsetting av prosjektleder', basis: 'offentleglova § 25 første ledd' },
  { title: 'Tilbudsevaluering', basis: 'offentleglova § 23 tredje ledd' },
  { title: 'Forhandlinger med leverandør', basis: 'offentleglova § 23 første ledd' },
  { title: 'Sikkerhetshendelse', basis: 'offentleglova § 24 tredje ledd' },
  { title: 'Taushetsbelagte opplysninger i klagesak', basis: 'offentleglova § 13, jf. forvaltningsloven § 13 første ledd nr. 1' },
];
const CLOSED_BASES = [
  'Lukket møte, jf. kommuneloven § 11-5 andre ledd bokstav a',
  'Lukket møte, jf. kommuneloven § 11-5 tredje ledd bokstav a',
  'Lukket møte, jf. kommuneloven § 11-5 andre ledd',
];
const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
const ABSENCE_REASONS = ['Sykdom', 'Annet møte', 'Ferie', 'Kurs', 'Jobbreise', null];
const START_TIMES = ['09:00', '09:00', '09:30', '10:00', '10:00', '12:00', '13:00'];

const cumulativeZipf = (n: number, s = 1) => {
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) out.push((sum += 1 / (i + 1) ** s));
  return out;
};
const SUBJECT_WEIGHTS = cumulativeZipf(SUBJECTS.length, 0.9);
const VENDOR_WEIGHTS = cumulativeZipf(VENDORS.length, 1.1);

// ---------------------------------------------------------------- dates

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dottedDate = (iso: string) => iso.split('-').reverse().join('.');
const writtenDate = (iso: string) => `${Number(iso.slice(8, 10))}. ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
/** A wall-clock time in Oslo on a day, as a Date (winter time is enough for test data). */
const at = (iso: string, time: string) => new Date(`${iso}T${time}:00+01:00`);
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
/** Moves a weekend day to the Monday or Friday next to it. */
const onWeekday = (iso: string) => (weekday(iso) === 6 ? addDays(iso, -1) : weekday(iso) === 0 ? addDays(iso, 1) : iso);

// ---------------------------------------------------------------- texts

type Body = MeetingsInput['bodies'][number];
type Network = MeetingsInput['networks'][number];

interface CaseContext {
  body: Body;
  network: Network;
  date: string;
  year: number;
}

interface CaseText {
  title: string;
  recommendation: string;
  paper: string;
  exempt: { basis: string } | null;
}

const subject = (rnd: Rng) => SUBJECTS[rnd.weighted(SUBJECT_WEIGHTS)]!;
const vendor = (rnd: Rng) => VENDORS[rnd.weighted(VENDOR_WEIGHTS)]!;
const amount = (rnd: Rng) => `${rnd.int(1, 60) * 50} 000`;
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const actor = (rnd: Rng, ctx: CaseContext) =>
  rnd.pick([
    'administrasjonen',
    'sekretariatet',
    'prosjektleder',
    'kommunedirektørutvalget',
    `faggruppen for ${rnd.pick(SUBJECTS)}`,
    'styringsgruppen',
  ]) + (rnd.chance(0.1) ? ` i ${ctx.network.name}` : '');
const when = (rnd: Rng, ctx: CaseContext) =>
  rnd.pick([
    'neste møte',
    `møtet i ${MONTHS[(Number(ctx.date.slice(5, 7)) + 1) % 12]}`,
    'første møte etter sommeren',
    'løpet av våren',
    'løpet av høsten',
  ]);
const municipality = (rnd: Rng, ctx: CaseContext) => rnd.pick(ctx.network.municipalities).name.split(' - ')[0]!;
const numbered = (points: string[]) => (points.length === 1 ? points[0]! : points.map((p, i) => `${i + 1}. ${p}`).join('\n'));

/** The middle of an agenda: mostly decisions, then information, reports and discussions. */
function pickType(rnd: Rng): CaseType {
  const x = rnd.next();
  return x < 0.5 ? 'decision' : x < 0.78 ? 'information' : x < 0.9 ? 'report' : 'discussion';
}

function caseText(rnd: Rng, type: CaseType, ctx: CaseContext): CaseText {
  const { body, year } = ctx;
  const none = { paper: '', exempt: null };
  switch (type) {
    case 'approveSummons':
      return {
        ...none,
        title: 'Godkjenning av innkalling',
        recommendation: `Innkalling til møte i ${body.name} den ${writtenDate(ctx.date)} godkjennes.`,
      };
    case 'approveAgenda':
      return {
        ...none,
        title: 'Godkjenning av saksliste',
        recommendation: `Saksliste til møte i ${body.name} den ${writtenDate(ctx.date)} godkjennes.`,
      };
    case 'otherBusiness':
      return { ...none, title: 'Eventuelt', recommendation: '' };
    case 'information':
    case 'decision':
    case 'discussion':
    case 'report':
      break;
  }
  const s = subject(rnd);
  const paper = casePaper(rnd, s, ctx);
  // About one case in twenty is exempt from public access (more of the middle cases, since the opening ones never are).
  if (rnd.chance(0.062)) {
    const e = rnd.pick(EXEMPT);
    const title = e.title.startsWith('Personalsak') || e.title.startsWith('Taushetsbelagte') ? e.title : `${e.title} – ${s}`;
    return { title, recommendation: `${body.name} slutter seg til administrasjonens vurdering.`, paper, exempt: { basis: e.basis } };
  }
  if (type === 'information') {
    const title = rnd.pick([
      `Orientering om ${s}`,
      `Orientering om ${s}`,
      `Status for ${s}`,
      `Orienteringssak - ${ctx.network.name}`,
      `Orientering om ${rnd.pick(NATIONAL)}`,
      'Referatsaker',
      `Orientering fra ${municipality(rnd, ctx)} kommune om ${s}`,
    ]);
    return { title, recommendation: `${body.name} tar saken til orientering.`, paper, exempt: null };
  }
  if (type === 'report') {
    const title = rnd.pick([
      `Årsrapport ${year - 1}`,
      `Regnskap ${year - 1}`,
      `Tertialrapport ${rnd.int(1, 2)}. tertial ${year}`,
      `Sluttrapport for ${s}`,
      `Evaluering av ${s}`,
      `Rapport om ${s}`,
    ]);
    return {
      title,
      recommendation: `${body.name} tar ${title.charAt(0).toLowerCase()}${title.slice(1)} til orientering.`,
      paper,
      exempt: null,
    };
  }
  if (type === 'discussion') {
    const title = rnd.pick([
      `Drøftingssak: ${s}`,
      `Veien videre for ${s}`,
      `Innspill til handlingsplan ${year + 1}`,
      `Prioritering av prosjekter ${year + 1}`,
    ]);
    return {
      title,
      recommendation: `${body.name} drøfter ${s} og gir innspill til ${actor(rnd, ctx)} i det videre arbeidet.`,
      paper,
      exempt: null,
    };
  }
  const v = vendor(rnd);
  const title = rnd.pick([
    `Anskaffelse av ${s}`,
    `Prosjektplan for ${s}`,
    `Innføring av ${s}`,
    `Samarbeidsavtale om ${s}`,
    `Finansiering av ${s}`,
    `Gevinstrealiseringsplan for ${s}`,
    `Oppstart av forprosjekt for ${s}`,
    `Kostnadsfordeling for ${s}`,
    `Felles retningslinjer for ${s}`,
    `Høringsuttalelse om ${rnd.pick(NATIONAL)}`,
    `Søknad om skjønnsmidler til ${s}`,
    `Forlengelse av avtale med ${v} om ${s}`,
    `Budsjett ${year + 1}`,
    `Søknad fra ${municipality(rnd, ctx)} kommune om deltakelse i ${s}`,
    `${municipality(rnd, ctx)} kommune som vertskommune for ${s}`,
  ]);
  const points = [
    rnd.pick([
      `${body.name} godkjenner ${rnd.pick(DOCUMENTS)} for ${s} som fremlagt.`,
      `${body.name} slutter seg til forslaget om ${s} og ber ${actor(rnd, ctx)} følge opp saken.`,
      `${body.name} vedtar å gå videre med ${s} som felles løsning for kommunene i ${ctx.network.name}.`,
      `${body.name} tildeler kr ${amount(rnd)} til ${s}.`,
    ]),
  ];
  if (rnd.chance(0.5))
    points.push(
      rnd.chance(0.5)
        ? `Kostnadene fordeles mellom kommunene etter innbyggertall, innenfor en ramme på kr ${amount(rnd)} i ${year}.`
        : `Prosjektet finansieres med ${rnd.pick(NATIONAL)} og egenandeler fra kommunene.`,
    );
  if (rnd.chance(0.4)) points.push(`${capitalize(actor(rnd, ctx))} legger fram en sak om ${subject(rnd)} i ${when(rnd, ctx)}.`);
  if (rnd.chance(0.12))
    points.push(`Det inngås avtale med ${v} om ${s} for perioden ${year}–${year + 3}, med opsjon på forlengelse i to år.`);
  if (rnd.chance(0.05)) points.push(`Vedtaket fattes med hjemmel i ${rnd.pick(LAWS)}.`);
  return { title, recommendation: numbered(points), paper, exempt: null };
}

/** Saksframlegg: background, assessment, sometimes consequences; not searched, but as long as real ones. */
function casePaper(rnd: Rng, s: string, ctx: CaseContext): string {
  const parts = [
    '## Bakgrunn',
    `${capitalize(s)} har vært tema i ${ctx.network.name} siden ${ctx.year - rnd.int(1, 3)}. ${rnd.pick([
      'Flere kommuner har meldt behov for en felles løsning.',
      'Saken bygger på kartleggingen som ble gjort i alle deltakerkommunene.',
      `Arbeidet ble startet etter innspill fra ${municipality(rnd, ctx)} kommune.`,
      `Nasjonale føringer gjennom ${rnd.pick(NATIONAL)} gjør saken aktuell.`,
    ])}`,
    '## Vurdering',
    `Administrasjonen vurderer at en felles tilnærming gir bedre kvalitet og lavere kostnader enn at hver kommune løser oppgaven alene. Det er særlig pekt på ${rnd.pick(CONCERNS)} og ${rnd.pick(CONCERNS)}.`,
  ];
  if (rnd.chance(0.5))
    parts.push('## Økonomiske konsekvenser', `Anslått kostnad er kr ${amount(rnd)} i ${ctx.year}, fordelt etter innbyggertall.`);
  return parts.join('\n\n');
}

interface Handling {
  deliberation: string;
  decision: string | null;
  outcome: AgendaOutcome;
  vote: Vote | null;
  proposals: Proposal[];
  remarks: StoredProtocolRemark[];
}

interface HandlingContext {
  postponed: boolean;
  body: Body;
  network: Network;
  voters: { personId: string }[];
  speakers: { personId: string }[];
  nameOf: (personId: string) => string;
  input: MeetingsInput;
}

/** What happened to an item in the meeting: its deliberation, vote, decision and outcome. */
function handlingOf(rnd: Rng, p: PlannedItem, h: HandlingContext): Handling {
  const person = () => (h.speakers.length > 0 ? h.nameOf(rnd.pick(h.speakers).personId) : 'Møteleder');
  const base = { proposals: [], remarks: [] };
  if (p.type === 'approveSummons' || p.type === 'approveAgenda')
    return {
      ...base,
      deliberation: rnd.chance(0.9) ? 'Ingen merknader.' : 'Godkjent uten merknader.',
      decision: p.recommendation,
      outcome: 'decided',
      vote: { kind: 'unanimous' },
    };
  if (p.type === 'otherBusiness')
    return {
      ...base,
      deliberation: rnd.chance(0.4)
        ? 'Ingen saker ble meldt.'
        : `${person()} tok opp ${rnd.pick(CONCERNS)}. ${person()} orienterte om ${rnd.pick(SUBJECTS)}.`,
      decision: null,
      outcome: 'noted',
      vote: null,
    };
  if (h.postponed)
    return {
      ...base,
      deliberation: `${person()} foreslo å utsette saken til neste møte, fordi ${rnd.pick(['saksgrunnlaget ikke var klart', 'kommunene trenger mer tid', 'tilbudene ikke er evaluert', 'høringsfristen er forlenget'])}. Forslaget ble enstemmig vedtatt.`,
      decision: `${h.body.name} utsetter saken til neste møte.`,
      outcome: 'postponed',
      vote: { kind: 'unanimous' },
    };
  if (rnd.chance(0.005))
    return {
      ...base,
      deliberation: 'Saken ble trukket av administrasjonen før behandling.',
      decision: null,
      outcome: 'withdrawn',
      vote: null,
    };

  const sentences: string[] = [];
  const count = rnd.int(1, 3);
  for (let k = 0; k < count; k++) {
    sentences.push(
      rnd.pick([
        'Diskusjon fant sted.',
        `${person()} orienterte om saken.`,
        `Prosjektleder ${person()} presenterte status for arbeidet, og det ble stilt spørsmål om ${rnd.pick(CONCERNS)}.`,
        `Det kom innspill om ${rnd.pick(CONCERNS)}. Administrasjonen tar innspillene med i det videre arbeidet.`,
        `Saken ble drøftet. Flere kommuner pekte på ${rnd.pick(CONCERNS)}.`,
        `${person()} understreket betydningen av ${rnd.pick(CONCERNS)}.`,
        `Løsningen fra ${vendor(rnd)} ble demonstrert.`,
      ]),
    );
  }
  const noted = p.type === 'information' || p.type === 'report';
  let decision = p.recommendation;
  const proposals: Proposal[] = [];
  if (!noted && rnd.chance(0.08)) {
    const proposer = rnd.pick(h.speakers.length > 0 ? h.speakers : [{ personId: '' }]).personId;
    const where = h.input.people.get(proposer)?.municipalityNumber;
    const text = `${capitalize(actor(rnd, { body: h.body, network: h.network, date: '2000-01-01', year: 2000 }))} utreder ${rnd.pick(CONCERNS)} før saken avsluttes.`;
    const adopted = rnd.chance(0.6);
    proposals.push({
      id: rnd.uuid(),
      proposedBy: `${h.nameOf(proposer)}${where ? `, ${h.input.municipalityNames.get(where) ?? ''}` : ''}`,
      text,
      result: adopted ? 'adopted' : 'rejected',
    });
    sentences.push(`Forslag fra ${h.nameOf(proposer)}: «${text}» Forslaget ble ${adopted ? 'vedtatt' : 'nedstemt'}.`);
    if (adopted)
      decision =
        p.recommendation.includes('\n1. ') || /^1\. /.test(p.recommendation)
          ? `${p.recommendation}\n${p.recommendation.split('\n').length + 1}. ${text}`
          : `1. ${p.recommendation}\n2. ${text}`;
  }
  let vote: Vote | null = noted ? null : { kind: 'unanimous' };
  if (!noted && h.voters.length > 3 && rnd.chance(0.15)) {
    const against = rnd.int(1, Math.floor((h.voters.length - 1) / 2));
    vote = { kind: 'counts', for: h.voters.length - against, against, blank: 0 };
  }
  const remarks: StoredProtocolRemark[] = [];
  if (rnd.chance(0.01)) {
    const m = rnd.pick(h.network.municipalities);
    remarks.push({
      id: rnd.uuid(),
      authorKind: 'municipality',
      personId: null,
      municipalityNumber: m.number,
      authorName: `${m.name} kommune`,
      text: `${m.name.split(' - ')[0]} kommune ønsker protokollført at ${rnd.pick(CONCERNS)} må avklares før kommunestyret behandler saken.`,
    });
    sentences.push(`${m.name.split(' - ')[0]} kommune la inn protokollmerknad til saken.`);
  }
  return { deliberation: sentences.join('\n\n'), decision, outcome: noted ? 'noted' : 'decided', vote, proposals, remarks };
}

// ---------------------------------------------------------------- the plan

interface PlannedMeeting {
  id: string;
  body: Body;
  date: string;
  status: 'planned' | 'summoned' | 'held' | 'minutesApproved';
  /** Days between the summons and the meeting. */
  lead: number;
  /** Agenda length, carried items included. */
  items: number;
  /** Postponed items from the body's previous meeting, placed after the two opening cases under their old numbers. */
  carried: PlannedItem[];
  /** How many of this meeting's new cases are postponed to the body's next meeting. */
  postpone: number;
  /** The minutes sample: its length is not adjusted. */
  fixed: boolean;
}

interface PlannedItem {
  consultationId: string;
  caseId: string;
  title: string;
  type: CaseType;
  recommendation: string;
  closedBasis: string | null;
  exempt: boolean;
}

const MAIN_KINDS = ['steeringGroup', 'workingCommittee', 'chiefExecutivesCouncil'];

export function planMeetings(input: MeetingsInput): MeetingsRows {
  const { rnd, today } = input;
  const lastYear = Number(today.slice(0, 4));
  const firstYear = lastYear - 4;
  const networkById = new Map(input.networks.map((n) => [n.id, n]));
  const membershipsOf = new Map<string, MeetingsInput['memberships']>();
  for (const m of input.memberships) {
    const list = membershipsOf.get(m.bodyId);
    if (list) list.push(m);
    else membershipsOf.set(m.bodyId, [m]);
  }

  // Which bodies meet, and when: the three main bodies of every network all five years, then working
  // and resource groups, round-robin over the networks, each from a later start, until the count is reached.
  const main = input.bodies.filter((b) => MAIN_KINDS.includes(b.kind));
  const groupsByNetwork = input.networks.map((n) =>
    input.bodies.filter((b) => b.networkId === n.id && (b.kind === 'workingGroup' || b.kind === 'resourceGroup')),
  );
  const groups: Body[] = [];
  for (let round = 0; ; round++) {
    const added = groupsByNetwork.flatMap((list) => list.slice(round, round + 1));
    if (added.length === 0) break;
    groups.push(...added);
  }
  const schedule = (body: Body, fromYear: number) => {
    const list: PlannedMeeting[] = [];
    for (let year = fromYear; year <= lastYear; year++) {
      const count = rnd.int(6, 12);
      // Spread from mid-January to mid-December, none in July, on weekdays.
      const step = 330 / (count - 1);
      for (let k = 0; k < count; k++) {
        let day = Math.round(15 + k * step + rnd.int(-4, 4));
        if (day >= 181 && day < 212) day += 31;
        const date = onWeekday(addDays(`${year}-01-01`, Math.min(day, 350)));
        if (list.some((m) => m.date === date)) continue;
        list.push({ id: '', body, date, status: 'planned', lead: 0, items: 0, carried: [], postpone: 0, fixed: false });
      }
    }
    return list;
  };
  const planned: PlannedMeeting[] = [];
  for (const body of main) planned.push(...schedule(body, firstYear));
  for (const body of groups) {
    if (planned.length >= input.meetings) break;
    planned.push(...schedule(body, rnd.int(firstYear + 1, lastYear - 1)).slice(0, input.meetings - planned.length));
  }
  if (planned.length > input.meetings) planned.length = input.meetings;
  for (const m of planned) m.id = rnd.uuid();

  // Status from the date: the summons goes out one to three weeks before, the minutes are approved within three weeks.
  for (const m of planned) {
    m.lead = rnd.int(7, 21);
    if (m.date < today) m.status = addDays(m.date, 21) < today ? 'minutesApproved' : 'held';
    else m.status = addDays(m.date, -m.lead) <= today ? 'summoned' : 'planned';
  }
  const byBody = new Map<string, PlannedMeeting[]>();
  for (const m of planned) {
    const list = byBody.get(m.body.id);
    if (list) list.push(m);
    else byBody.set(m.body.id, [m]);
  }
  for (const list of byBody.values()) list.sort((a, b) => a.date.localeCompare(b.date));

  // The minutes sample: the working committee of the largest network, its last approved meeting, with 20 items.
  const largest = input.networks.reduce((a, b) => (b.municipalities.length > a.municipalities.length ? b : a));
  const committee = input.bodies.find((b) => b.networkId === largest.id && b.kind === 'workingCommittee')!;
  const sample = [...byBody.get(committee.id)!].reverse().find((m) => m.status === 'minutesApproved')!;
  sample.fixed = true;

  // Agenda lengths 8–20; about 1.5 % of handled cases are postponed to the body's next meeting. Then lengths
  // are nudged one at a time until the new cases add up to the requested count.
  const previousOf = new Map<PlannedMeeting, PlannedMeeting>();
  for (const list of byBody.values()) {
    for (const [i, m] of list.entries()) {
      if (i > 0) previousOf.set(m, list[i - 1]!);
      m.items = m.fixed ? 20 : rnd.int(8, 20);
      const handled = m.status === 'held' || m.status === 'minutesApproved';
      if (!handled || !list[i + 1] || m.fixed) continue;
      for (let k = 0; k < m.items - 5; k++) if (rnd.chance(0.015)) m.postpone++;
      m.postpone = Math.min(m.postpone, 2);
    }
  }
  const carriedCount = (m: PlannedMeeting) => previousOf.get(m)?.postpone ?? 0;
  // The sample meeting takes no postponed case, so its agenda is 20 new cases.
  const before = previousOf.get(sample);
  if (before) before.postpone = 0;
  let newCases = planned.reduce((s, m) => s + m.items - carriedCount(m), 0);
  for (let guard = 0; newCases !== input.cases && guard < 10_000_000; guard++) {
    const m = planned[rnd.int(0, planned.length - 1)]!;
    if (m.fixed) continue;
    const min = Math.max(8, carriedCount(m) + m.postpone + 6);
    if (newCases > input.cases && m.items > min) {
      m.items--;
      newCases--;
    } else if (newCases < input.cases && m.items < 20) {
      m.items++;
      newCases++;
    }
  }
  if (newCases !== input.cases) throw new Error(`bench/generate: ${input.cases} cases do not fit ${planned.length} meetings of 8–20 items`);

  // ---------------------------------------------------------------- rows

  const rows: MeetingsRows = {
    meetings: [],
    cases: [],
    consultations: [],
    agendaItems: [],
    attendees: [],
    counters: [],
    minutesSample: { meetingId: sample.id, bodyName: sample.body.name, date: sample.date, items: sample.items },
    summary: {
      meetings: 0,
      cases: 0,
      agendaItems: 0,
      attendees: 0,
      byStatus: {},
      exemptCases: 0,
      searchableItems: 0,
      firstDate: '',
      lastDate: '',
    },
  };
  const counters = new Map<string, number>();
  const consultationById = new Map<string, typeof consultations.$inferInsert>();
  const nameOf = (personId: string) => input.people.get(personId)?.name ?? 'Møteleder';

  for (const list of byBody.values()) {
    for (const [index, m] of list.entries()) {
      const body = m.body;
      const network = networkById.get(body.networkId)!;
      const handled = m.status === 'held' || m.status === 'minutesApproved';
      const summoned = m.status !== 'planned';
      const year = Number(m.date.slice(0, 4));
      const ctx: CaseContext = { body, network, date: m.date, year };
      const startTime = rnd.pick(START_TIMES);
      const endTime = `${String(Number(startTime.slice(0, 2)) + rnd.int(2, 4)).padStart(2, '0')}:${startTime.slice(3)}`;
      const remote = rnd.chance(0.25);
      const createdAt = at(addDays(m.date, -rnd.int(30, 90)), '10:00');
      const summonsPublishedAt = summoned ? at(addDays(m.date, -m.lead), '12:00') : null;
      const next = list[index + 1];
      const approvedOn =
        m.status === 'minutesApproved'
          ? next && next.date < today && rnd.chance(0.7)
            ? next.date
            : addDays(m.date, rnd.int(3, 14))
          : null;
      const minutesApprovedAt = approvedOn ? at(approvedOn, '15:00') : null;
      const isPublic = MAIN_KINDS.includes(body.kind) || rnd.chance(0.8);
      const heldUntil = at(m.date, endTime);
      rows.meetings.push({
        id: m.id,
        version: handled ? rnd.int(4, 9) : summoned ? 3 : 1,
        createdAt,
        updatedAt: minutesApprovedAt ?? (handled ? heldUntil : (summonsPublishedAt ?? createdAt)),
        bodyId: body.id,
        date: m.date,
        startTime,
        endTime,
        place: remote ? 'Teams' : `${municipality(rnd, ctx)} rådhus`,
        remoteLink: remote ? `https://teams.microsoft.com/l/meetup-join/${m.id.replace(/-/g, '')}` : null,
        isPublic,
        status: m.status,
        summonsPublishedAt,
        minutesApprovedAt,
        minutesApprovalNote: approvedOn
          ? next && approvedOn === next.date
            ? `Protokollen er godkjent i møtet ${dottedDate(approvedOn)}.`
            : `Protokollen er godkjent ${dottedDate(approvedOn)}.`
          : null,
      });
      rows.summary.byStatus[m.status] = (rows.summary.byStatus[m.status] ?? 0) + 1;

      // Who is called: the memberships in force on the day, as the summons does; and who came.
      const inForce = (membershipsOf.get(body.id) ?? []).filter((x) => x.fromDate <= m.date && (x.toDate === null || x.toDate > m.date));
      const attendeeRows: (typeof meetingAttendees.$inferInsert)[] = [];
      if (summoned) {
        const absent = new Set(inForce.filter((x) => handled && x.role !== 'deputy' && rnd.chance(0.12)).map((x) => x.id));
        for (const x of inForce) {
          const deputyFor = x.deputyForId ? inForce.find((y) => y.id === x.deputyForId) : undefined;
          const status: 'called' | 'present' | 'absent' = !handled
            ? 'called'
            : x.role === 'deputy'
              ? deputyFor && absent.has(deputyFor.id)
                ? 'present'
                : 'called'
              : absent.has(x.id)
                ? 'absent'
                : 'present';
          attendeeRows.push({
            id: rnd.uuid(),
            createdAt: summonsPublishedAt!,
            updatedAt: handled ? at(m.date, startTime) : summonsPublishedAt!,
            meetingId: m.id,
            personId: x.personId,
            role: x.role as (typeof meetingAttendees.$inferInsert)['role'],
            votingRight: x.votingRight === 'vote' && ['chair', 'viceChair', 'member'].includes(x.role),
            municipalityNumber: x.municipalityNumber,
            deputyForPersonId: deputyFor?.personId ?? null,
            status,
            absenceReason: status === 'absent' ? rnd.pick(ABSENCE_REASONS) : null,
            absenceReportedAt: status === 'absent' ? at(addDays(m.date, -rnd.int(1, 5)), '08:00') : null,
          });
        }
      }
      rows.attendees.push(...attendeeRows);
      const present = attendeeRows.filter((a) => a.status === 'present');
      const voters = present.filter((a) => a.votingRight);
      const speakers = present.length > 0 ? present : attendeeRows;

      // The agenda: the two opening cases, the ones postponed last time, the new cases, and half the time «Eventuelt» last.
      const newCount = m.items - carriedCount(m);
      const types: CaseType[] = ['approveSummons', 'approveAgenda'];
      const eventuelt = rnd.chance(0.5);
      while (types.length < newCount - (eventuelt ? 1 : 0)) types.push(pickType(rnd));
      if (types.length < newCount) types.push('otherBusiness');
      const made: PlannedItem[] = types.map((type) => {
        const text = caseText(rnd, type, ctx);
        const caseId = rnd.uuid();
        if (text.exempt) rows.summary.exemptCases++;
        rows.cases.push({
          id: caseId,
          createdAt: new Date(createdAt.getTime() + rnd.int(1, 20) * 86_400_000),
          updatedAt: summonsPublishedAt ?? createdAt,
          networkId: body.networkId,
          type,
          title: text.title,
          caseOfficerId:
            type === 'approveSummons' || type === 'approveAgenda' || type === 'otherBusiness' || speakers.length === 0
              ? null
              : rnd.pick(speakers).personId,
          casePaper: text.paper,
          exemptFromPublic: text.exempt !== null,
          exemptLegalBasis: text.exempt?.basis ?? null,
        });
        const closedBasis = text.exempt
          ? rnd.chance(0.6)
            ? rnd.pick(CLOSED_BASES)
            : null
          : rnd.chance(0.01)
            ? rnd.pick(CLOSED_BASES)
            : null;
        return {
          consultationId: rnd.uuid(),
          caseId,
          title: text.title,
          type,
          recommendation: text.recommendation,
          closedBasis,
          exempt: text.exempt !== null,
        };
      });
      const agenda = [
        ...made.slice(0, 2).map((p) => ({ p, isNew: true })),
        ...m.carried.map((p) => ({ p, isNew: false })),
        ...made.slice(2).map((p) => ({ p, isNew: true })),
      ];

      // Which new cases (not the opening ones or «Eventuelt») are postponed to the body's next meeting.
      const postponable = made.filter((p) => p.type !== 'approveSummons' && p.type !== 'approveAgenda' && p.type !== 'otherBusiness');
      const postponed = new Set<PlannedItem>();
      while (postponed.size < Math.min(m.postpone, postponable.length)) postponed.add(rnd.pick(postponable));
      if (next) next.carried.push(...made.filter((p) => postponed.has(p)));

      for (const [position, { p, isNew }] of agenda.entries()) {
        if (isNew) {
          let sequence: number | null = null;
          if (summoned) {
            const key = `${body.id}/${year}`;
            sequence = (counters.get(key) ?? 0) + 1;
            counters.set(key, sequence);
          }
          const consultation: typeof consultations.$inferInsert = {
            id: p.consultationId,
            createdAt,
            updatedAt: handled ? heldUntil : createdAt,
            caseId: p.caseId,
            bodyId: body.id,
            year: summoned ? year : null,
            sequence,
            recommendation: p.recommendation,
            decidedAt: null,
          };
          rows.consultations.push(consultation);
          consultationById.set(p.consultationId, consultation);
        }
        const handling = handled
          ? handlingOf(rnd, p, { postponed: postponed.has(p), body, network, voters, speakers, nameOf, input })
          : null;
        rows.agendaItems.push({
          id: rnd.uuid(),
          version: handling ? rnd.int(2, 4) : 1,
          createdAt,
          updatedAt: handling ? heldUntil : createdAt,
          meetingId: m.id,
          consultationId: p.consultationId,
          position: position + 1,
          closedBasis: p.closedBasis,
          deliberation: handling?.deliberation ?? '',
          proposals: handling?.proposals ?? [],
          vote: handling?.vote ?? null,
          // Before the meeting the decision is the recommendation (placeOnAgenda).
          decision: handling ? handling.decision : p.recommendation || null,
          outcome: handling?.outcome ?? 'pending',
          protocolRemarks: handling?.remarks ?? [],
          absentPersonIds: handling && present.length > 3 && rnd.chance(0.02) ? [rnd.pick(present).personId] : [],
          // As updateAgendaItem leaves it once the item's handling is saved; an item never saved has none.
          searchText: handling ? searchTextOf(p.title, p.recommendation, handling) : '',
        });
        if (handling && (handling.outcome === 'decided' || handling.outcome === 'noted')) {
          consultationById.get(p.consultationId)!.decidedAt = heldUntil;
          if (isPublic && m.status === 'minutesApproved' && !p.exempt) rows.summary.searchableItems++;
        }
      }
    }
  }

  for (const [key, last] of counters) {
    const [bodyId, year] = key.split('/');
    rows.counters.push({ bodyId: bodyId!, year: Number(year), last });
  }
  const dates = planned.map((m) => m.date).sort();
  Object.assign(rows.summary, {
    meetings: rows.meetings.length,
    cases: rows.cases.length,
    agendaItems: rows.agendaItems.length,
    attendees: rows.attendees.length,
    firstDate: dates[0] ?? '',
    lastDate: dates[dates.length - 1] ?? '',
  });
  return rows;
}
