import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/client.ts';
import {
  agendaItems,
  bodies,
  bodyMemberships,
  caseNumberCounters,
  cases,
  consultations,
  meetingAttendees,
  meetings,
  municipalities,
  networkMembers,
  networks,
  people,
  roleAssignments,
  users,
} from '../src/server/db/schema/index.ts';
import { applicationUsages, products, sharedSolutions, solutionAdoptions } from '../src/server/db/schema/index.ts';
import { hashPassword } from '../src/server/modules/auth/index.ts';
import { loadSharedSolutions } from '../src/server/modules/mapping/index.ts';
import { productMatchKey } from '../src/server/modules/mapping/catalog.ts';
import { generateMapping, type GeneratedMapping } from '../src/server/demo/mapping.ts';
import type { AdoptionStatus } from '../src/shared/mapping/schema.ts';
import { norwegianSortKey } from '../src/shared/text.ts';
import { planMeetings, type MeetingsRows } from './generate-meetings.ts';

/**
 * A national-scale dataset for the benchmarks: 15 networks over all 357 municipalities, 20,000
 * people and 2,000 bodies with their memberships, 3,000 meetings of those bodies with 40,000 cases
 * (generate-meetings.ts), plus one platform administrator to log in with.
 *
 * Deterministic: the same seed gives the same rows, ids included, so query plans and numbers can be
 * reproduced. Expects a migrated database with the municipalities loaded (database.migrate() and
 * loadMunicipalitiesFile), and nothing else in the network tables.
 */

export const BENCH_ADMIN = { email: 'bench-admin@digiregion.no', password: 'Bench-admin-2026', name: 'Benchmark administrator' };

export interface GenerateOptions {
  seed?: number;
  people?: number;
  bodies?: number;
  meetings?: number;
  cases?: number;
  /** The day the dataset is taken: meetings before it are held, after it summoned or planned. Fixed, so runs compare. */
  today?: string;
}

export interface GeneratedDataset {
  networks: { id: string; slug: string; name: string; members: number; visiblePeople: number }[];
  /** The network with the most current member municipalities. */
  largestNetwork: { id: string; slug: string };
  people: number;
  bodies: number;
  bodyMemberships: number;
  /** Competence tags by how common they are, most common first. */
  competenceTags: readonly string[];
  admin: typeof BENCH_ADMIN;
  meetings: MeetingsRows['summary'];
  /** An approved meeting with 20 agenda items, for the minutes render benchmark. */
  minutesSample: MeetingsRows['minutesSample'];
  milliseconds: number;
}

// ---------------------------------------------------------------- seeded randomness

/** mulberry32: small, fast, good enough for test data, and the same on every platform. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  /** A version-4-shaped UUID from the stream, so ids are reproducible too. */
  const uuid = () => {
    const hex = Array.from({ length: 4 }, () =>
      Math.floor(next() * 4294967296)
        .toString(16)
        .padStart(8, '0'),
    ).join('');
    const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  /** Index into weights, with probability proportional to the weight (cumulative weights given). */
  const weighted = (cumulative: number[]) => {
    const target = next() * cumulative[cumulative.length - 1]!;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return { next, int, pick, chance, uuid, weighted };
}

// ---------------------------------------------------------------- vocabulary

const FIRST = [
  'Ingrid',
  'Ola',
  'Kari',
  'Per',
  'Marit',
  'Bjørn',
  'Sigrid',
  'Knut',
  'Hilde',
  'Lars',
  'Åse',
  'Tor',
  'Anne',
  'Eirik',
  'Solveig',
  'Håkon',
  'Nora',
  'Jakob',
  'Emma',
  'Emil',
  'Sara',
  'Henrik',
  'Ida',
  'Magnus',
  'Maja',
  'Sander',
  'Thea',
  'Mathias',
  'Ingeborg',
  'Jonas',
  'Live',
  'Aksel',
  'Ragnhild',
  'Øystein',
  'Gunnhild',
  'Svein',
  'Tone',
  'Geir',
  'Randi',
  'Trond',
  'Liv',
  'Arne',
  'Berit',
  'Odd',
  'Astrid',
  'Stian',
  'Vigdis',
  'Ørjan',
  'Elin',
  'Kjetil',
  'Siri',
  'Rune',
  'Heidi',
  'Espen',
  'Mona',
  'Frode',
  'Camilla',
  'Torbjørn',
  'Linn',
  'Ståle',
  'Mari',
  'Eivind',
  'Kristin',
  'Audun',
];
const LAST = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Karlsen',
  'Johnsen',
  'Pettersen',
  'Eriksen',
  'Berg',
  'Haugen',
  'Hagen',
  'Johannessen',
  'Andreassen',
  'Jacobsen',
  'Dahl',
  'Jørgensen',
  'Halvorsen',
  'Henriksen',
  'Lund',
  'Sørensen',
  'Jakobsen',
  'Moen',
  'Gundersen',
  'Iversen',
  'Strand',
  'Solberg',
  'Svendsen',
  'Eide',
  'Knutsen',
  'Martinsen',
  'Paulsen',
  'Bakken',
  'Kristoffersen',
  'Mathisen',
  'Lie',
  'Amundsen',
  'Nguyen',
  'Rasmussen',
  'Ali',
  'Lunde',
  'Solheim',
  'Berge',
  'Moe',
  'Nygård',
  'Bakke',
  'Kristensen',
  'Fredriksen',
  'Holm',
  'Lien',
  'Hauge',
  'Christensen',
  'Andresen',
  'Nielsen',
  'Knudsen',
  'Evensen',
  'Sæther',
  'Aas',
  'Myhre',
  'Hanssen',
  'Ødegård',
  'Ahmed',
  'Øien',
  'Aasen',
  'Haugland',
  'Sivertsen',
  'Tangen',
  'Sandvik',
  'Åsheim',
  'Kvalheim',
  'Brekke',
  'Ellingsen',
  'Thorsen',
  'Mikalsen',
  'Vik',
  'Berntsen',
];
const TITLES = [
  'Kommunedirektør',
  'Assisterende kommunedirektør',
  'Kommunalsjef helse og omsorg',
  'Kommunalsjef oppvekst',
  'Kommunalsjef teknisk',
  'Digitaliseringsrådgiver',
  'Digitaliseringsleder',
  'IKT-leder',
  'IKT-konsulent',
  'Systemansvarlig',
  'Arkivleder',
  'Arkivar',
  'Personvernombud',
  'Informasjonssikkerhetsleder',
  'Innkjøpsrådgiver',
  'Prosjektleder',
  'Rådgiver',
  'Seniorrådgiver',
  'Økonomisjef',
  'Controller',
  'HR-rådgiver',
  'Virksomhetsleder sykehjem',
  'Enhetsleder hjemmetjenesten',
  'Fagleder barnevern',
  'Rektor',
  'Styrer barnehage',
  'Plan- og byggesaksleder',
  'Kommunikasjonsrådgiver',
  'Servicetorgleder',
  'Ordfører',
  'Varaordfører',
  'Tjenestedesigner',
  'Lønnskonsulent',
  'Velferdsteknologikoordinator',
];
/** Tags in falling popularity: the draw below is skewed, so the first ones are common and the last rare. */
export const COMPETENCE_TAGS = [
  'prosjektledelse',
  'informasjonssikkerhet',
  'personvern',
  'anskaffelser',
  'tjenestedesign',
  'arkiv',
  'helse og omsorg',
  'gevinstrealisering',
  'skytjenester',
  'velferdsteknologi',
  'ledelse',
  'smart by',
  'oppvekst',
  'saksbehandling',
  'RPA',
  'kunstig intelligens',
  'datadeling',
  'endringsledelse',
  'økonomi',
  'kartdata',
  'byggesak',
  'digital kompetanse',
  'integrasjoner',
  'innbyggerdialog',
  'universell utforming',
  'Microsoft 365',
  'ROS-analyse',
  'arkitektur',
  'dokumentasjon',
  'nettverk og drift',
].map((t) => t.toLowerCase());
const GROUP_TOPICS = [
  'felleskomponenter',
  'informasjonssikkerhet',
  'personvern',
  'anskaffelser',
  'arkiv',
  'velferdsteknologi',
  'RPA og automatisering',
  'skole',
  'barnehage',
  'helse',
  'byggesak',
  'kart og geodata',
  'økonomi og lønn',
  'kommunikasjon',
  'Microsoft 365',
  'kunstig intelligens',
  'datadeling',
  'tjenestedesign',
  'gevinstrealisering',
  'innbyggerdialog',
];

interface NetworkPlan {
  slug: string;
  name: string;
  shortName: string;
  counties: string[];
  /** Regional networks: how many current members; umbrellas take every municipality in their counties. */
  size?: number;
  umbrella?: string;
}

/** Five umbrellas covering every county, ten regional collaborations, some under an umbrella, some on their own. */
const NETWORK_PLANS: NetworkPlan[] = [
  { slug: 'diginord', name: 'DigiNord', shortName: 'DigiNord', counties: ['18', '55', '56'] },
  { slug: 'digimidt', name: 'DigiMidt', shortName: 'DigiMidt', counties: ['50', '15'] },
  { slug: 'digivest', name: 'DigiVest', shortName: 'DigiVest', counties: ['46', '11'] },
  { slug: 'digisor', name: 'DigiSør', shortName: 'DigiSør', counties: ['42', '40', '39'] },
  { slug: 'digiost', name: 'DigiØst', shortName: 'DigiØst', counties: ['03', '31', '32', '33', '34'] },
  { slug: 'digivesteralen', name: 'DigiVesterålen', shortName: 'DigiVesterålen', counties: ['18'], size: 6, umbrella: 'diginord' },
  {
    slug: 'digitale-helgeland',
    name: 'Digitale Helgeland',
    shortName: 'Digitale Helgeland',
    counties: ['18'],
    size: 16,
    umbrella: 'diginord',
  },
  { slug: 'digitroms', name: 'DigiTroms', shortName: 'DigiTroms', counties: ['55'], size: 14, umbrella: 'diginord' },
  { slug: 'finnmark-ikt', name: 'Finnmark IKT-samarbeid', shortName: 'Finnmark IKT', counties: ['56'], size: 10 },
  {
    slug: 'digitrondelag-sor',
    name: 'Digitalt samarbeid Trøndelag sør',
    shortName: 'DigiTrøndelag sør',
    counties: ['50'],
    size: 18,
    umbrella: 'digimidt',
  },
  { slug: 'digimore', name: 'DigiMøre', shortName: 'DigiMøre', counties: ['15'], size: 12, umbrella: 'digimidt' },
  {
    slug: 'digi-sunnhordland',
    name: 'Digi Sunnhordland og Hardanger',
    shortName: 'DigiSH',
    counties: ['46'],
    size: 15,
    umbrella: 'digivest',
  },
  { slug: 'digirogaland', name: 'DigiRogaland', shortName: 'DigiRogaland', counties: ['11'], size: 20 },
  { slug: 'innlandet-ikt', name: 'Innlandet IKT-samarbeid', shortName: 'Innlandet IKT', counties: ['34'], size: 30, umbrella: 'digiost' },
  { slug: 'digiviken', name: 'DigiViken', shortName: 'DigiViken', counties: ['31', '32', '33'], size: 35 },
];

const BATCH = 1000;

async function insertBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

const asciiSlug = (text: string) =>
  text
    .split(' - ')[0]!
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

// ---------------------------------------------------------------- the generator

export async function generateDataset(db: Db, options: GenerateOptions = {}): Promise<GeneratedDataset> {
  const started = performance.now();
  const rnd = prng(options.seed ?? 20_260_101);
  const peopleCount = options.people ?? 20_000;
  const bodyCount = options.bodies ?? 2_000;

  const existing = await db.select({ id: networks.id }).from(networks).limit(1);
  if (existing.length > 0) throw new Error('bench/generate: the database already has networks; generate into a fresh database');
  const allMunicipalities = (
    await db
      .select({
        number: municipalities.number,
        name: municipalities.name,
        county: municipalities.countyNumber,
        population: municipalities.population,
      })
      .from(municipalities)
      .where(sql`${municipalities.validTo} is null`)
  ).sort((a, b) => a.number.localeCompare(b.number));
  if (allMunicipalities.length < 300) throw new Error('bench/generate: load the municipalities first (loadMunicipalitiesFile)');
  const passwordHash = await hashPassword(BENCH_ADMIN.password);

  // Networks and their members. `current` counts each municipality's current networks (at most 3).
  const current = new Map<string, string[]>(allMunicipalities.map((m) => [m.number, []]));
  const networkRows: (typeof networks.$inferInsert)[] = [];
  const memberRows: (typeof networkMembers.$inferInsert)[] = [];
  const idOfSlug = new Map<string, string>();
  const membersOf = new Map<string, string[]>();
  for (const plan of NETWORK_PLANS) {
    const id = rnd.uuid();
    idOfSlug.set(plan.slug, id);
    networkRows.push({
      id,
      slug: plan.slug,
      name: plan.name,
      shortName: plan.shortName,
      description: `${plan.name}: digitaliseringssamarbeid mellom kommunene, generert for ytelsestester.`,
      umbrellaId: plan.umbrella ? idOfSlug.get(plan.umbrella)! : null,
    });
    const inCounties = allMunicipalities.filter((m) => plan.counties.includes(m.county));
    let chosen: typeof inCounties;
    if (plan.size === undefined) {
      chosen = inCounties;
    } else {
      // A run of neighbouring numbers (roughly neighbouring places), from a random start, skipping full ones.
      const start = rnd.int(0, inCounties.length - 1);
      chosen = [];
      for (let k = 0; k < inCounties.length && chosen.length < plan.size; k++) {
        const m = inCounties[(start + k) % inCounties.length]!;
        if (current.get(m.number)!.length < 3) chosen.push(m);
      }
    }
    const host = chosen.reduce((a, b) => (b.population > a.population ? b : a));
    for (const m of chosen) {
      current.get(m.number)!.push(id);
      memberRows.push({
        id: rnd.uuid(),
        networkId: id,
        municipalityNumber: m.number,
        joinedOn: `${rnd.int(2002, 2023)}-01-01`,
        isHost: m === host,
      });
    }
    membersOf.set(
      id,
      chosen.map((m) => m.number),
    );
    // Regional networks have a former member or two, which the overview lists too.
    if (plan.size !== undefined) {
      const outside = inCounties.filter((m) => !chosen.includes(m));
      for (let k = 0; k < 2 && outside.length > 0; k++) {
        const m = outside.splice(rnd.int(0, outside.length - 1), 1)[0]!;
        memberRows.push({
          id: rnd.uuid(),
          networkId: id,
          municipalityNumber: m.number,
          joinedOn: '2016-01-01',
          leftOn: `${rnd.int(2018, 2023)}-12-31`,
          isHost: false,
        });
      }
    }
  }

  // People, spread over the municipalities by the square root of the population.
  const cumulative: number[] = [];
  let sum = 0;
  for (const m of allMunicipalities) cumulative.push((sum += Math.sqrt(m.population)));
  const tagWeights: number[] = [];
  let tagSum = 0;
  for (let i = 0; i < COMPETENCE_TAGS.length; i++) tagWeights.push((tagSum += 1 / (i + 1)));
  const personRows: (typeof people.$inferInsert)[] = [];
  const peopleOfNetwork = new Map<string, string[]>([...idOfSlug.values()].map((id) => [id, []]));
  const emails = new Set<string>();
  for (let i = 0; i < peopleCount; i++) {
    const m = allMunicipalities[rnd.weighted(cumulative)]!;
    const first = rnd.pick(FIRST);
    const middle = rnd.chance(0.2) ? ` ${rnd.pick(FIRST)}` : '';
    const last = rnd.pick(LAST);
    const name = `${first}${middle} ${last}`;
    let email: string | null = null;
    if (rnd.chance(0.9)) {
      const local = asciiSlug(`${first} ${last}`).replace(/-/g, '.');
      email = `${local}@${asciiSlug(m.name)}.kommune.no`;
      for (let n = 2; emails.has(email); n++) email = `${local}${n}@${asciiSlug(m.name)}.kommune.no`;
      emails.add(email);
    }
    const competences = new Set<string>();
    const tagCount = rnd.int(0, 4);
    for (let k = 0; k < tagCount; k++) competences.add(COMPETENCE_TAGS[rnd.weighted(tagWeights)]!);
    const homes = current.get(m.number)!;
    const homeNetworkId = homes.length > 0 ? rnd.pick(homes) : null;
    const id = rnd.uuid();
    personRows.push({
      id,
      name,
      sortName: norwegianSortKey(name),
      email,
      phone: rnd.chance(0.7) ? String(rnd.int(40_000_000, 99_999_999)) : null,
      title: `${rnd.pick(TITLES)}, ${m.name.split(' - ')[0]}`,
      municipalityNumber: m.number,
      homeNetworkId,
      competences: [...competences],
    });
    for (const networkId of homes) peopleOfNetwork.get(networkId)!.push(id);
  }

  // Bodies, in proportion to the networks' sizes, each with members, some deputies and some who left.
  const municipalityOfPerson = new Map(personRows.map((p) => [p.id!, p.municipalityNumber ?? null]));
  const totalMembers = [...membersOf.values()].reduce((s, list) => s + list.length, 0);
  const bodyRows: (typeof bodies.$inferInsert)[] = [];
  const membershipRows: (typeof bodyMemberships.$inferInsert)[] = [];
  const deputyRows: (typeof bodyMemberships.$inferInsert)[] = [];
  const networkIds = [...idOfSlug.values()];
  let bodiesLeft = bodyCount;
  for (const [index, networkId] of networkIds.entries()) {
    const municipalitiesHere = membersOf.get(networkId)!;
    const count =
      index === networkIds.length - 1
        ? bodiesLeft
        : Math.min(bodiesLeft, Math.max(3, Math.round((bodyCount * municipalitiesHere.length) / totalMembers)));
    bodiesLeft -= count;
    const visible = peopleOfNetwork.get(networkId)!;
    const plan = NETWORK_PLANS[index]!;
    for (let b = 0; b < count; b++) {
      const bodyId = rnd.uuid();
      const kind =
        b === 0
          ? 'steeringGroup'
          : b === 1
            ? 'workingCommittee'
            : b === 2
              ? 'chiefExecutivesCouncil'
              : rnd.pick(['workingGroup', 'workingGroup', 'workingGroup', 'resourceGroup', 'referenceGroup'] as const);
      const topic = GROUP_TOPICS[b % GROUP_TOPICS.length]!;
      const round = Math.floor(b / GROUP_TOPICS.length) + 1;
      const name =
        kind === 'steeringGroup'
          ? `Styringsgruppen for ${plan.name}`
          : kind === 'workingCommittee'
            ? `Arbeidsutvalget i ${plan.name}`
            : kind === 'chiefExecutivesCouncil'
              ? `Kommunedirektørutvalget i ${plan.name}`
              : kind === 'workingGroup'
                ? `Faggruppe for ${topic} ${round}`
                : kind === 'resourceGroup'
                  ? `Ressursgruppe for ${topic} ${round}`
                  : `Referansegruppe for ${topic} ${round}`;
      bodyRows.push({
        id: bodyId,
        networkId,
        kind,
        name,
        shortCode: kind === 'steeringGroup' ? 'SG' : kind === 'workingCommittee' ? 'AU' : kind === 'chiefExecutivesCouncil' ? 'KDU' : null,
        mandate:
          b < 3 ? `Mandat for ${name}. Organet forbereder og fatter vedtak i saker innenfor samarbeidets strategi og budsjett.` : null,
      });
      const size = kind === 'steeringGroup' ? Math.min(20, municipalitiesHere.length) : rnd.int(4, 10);
      const chosen = new Set<string>();
      for (let tries = 0; chosen.size < Math.min(size, visible.length) && tries < size * 10; tries++) chosen.add(rnd.pick(visible));
      const regular: string[] = [];
      for (const [k, personId] of [...chosen].entries()) {
        const role =
          k === 0
            ? 'chair'
            : k === 1 && size > 5
              ? 'viceChair'
              : k === size - 1 && rnd.chance(0.5)
                ? 'secretary'
                : rnd.chance(0.05)
                  ? 'observer'
                  : 'member';
        const id = rnd.uuid();
        const ended = rnd.chance(0.1);
        membershipRows.push({
          id,
          bodyId,
          personId,
          role,
          votingRight: role === 'secretary' || role === 'observer' ? 'speakAndPropose' : 'vote',
          municipalityNumber: municipalityOfPerson.get(personId) ?? null,
          fromDate: `${rnd.int(2019, 2024)}-01-01`,
          toDate: ended ? `${rnd.int(2020, 2024)}-12-31` : null,
        });
        if (role !== 'secretary' && role !== 'observer' && !ended) regular.push(id);
      }
      // A deputy (varamedlem) for some of the voting members.
      const deputies = Math.min(regular.length, rnd.int(0, 3));
      for (let d = 0; d < deputies; d++) {
        const personId = rnd.pick(visible);
        if (chosen.has(personId)) continue;
        chosen.add(personId);
        deputyRows.push({
          id: rnd.uuid(),
          bodyId,
          personId,
          role: 'deputy',
          deputyForId: regular[d]!,
          votingRight: 'vote',
          municipalityNumber: municipalityOfPerson.get(personId) ?? null,
          fromDate: '2024-01-01',
        });
      }
    }
  }

  const adminId = rnd.uuid();

  // Meetings and cases, from a stream of their own so the rows above stay as they were before meetings existed.
  const municipalityNames = new Map(allMunicipalities.map((m) => [m.number, m.name]));
  const meetingRows = planMeetings({
    rnd: prng((options.seed ?? 20_260_101) + 1),
    today: options.today ?? '2026-11-23',
    meetings: options.meetings ?? 3_000,
    cases: options.cases ?? 40_000,
    networks: networkRows.map((n) => ({
      id: n.id!,
      name: n.name,
      municipalities: membersOf.get(n.id!)!.map((number) => ({ number, name: municipalityNames.get(number)! })),
    })),
    bodies: bodyRows.map((b) => ({ id: b.id!, networkId: b.networkId, kind: b.kind, name: b.name, shortCode: b.shortCode ?? null })),
    memberships: [...membershipRows, ...deputyRows].map((m) => ({
      id: m.id!,
      bodyId: m.bodyId,
      personId: m.personId,
      role: m.role,
      votingRight: m.votingRight ?? 'vote',
      municipalityNumber: m.municipalityNumber ?? null,
      fromDate: m.fromDate ?? '2000-01-01',
      toDate: m.toDate ?? null,
      deputyForId: m.deputyForId ?? null,
    })),
    people: new Map(personRows.map((p) => [p.id!, { name: p.name, municipalityNumber: p.municipalityNumber ?? null }])),
    municipalityNames,
  });

  await db.transaction(async (tx) => {
    await tx.insert(networks).values(networkRows.filter((n) => !n.umbrellaId));
    await tx.insert(networks).values(networkRows.filter((n) => n.umbrellaId));
    await insertBatches(memberRows, (batch) => tx.insert(networkMembers).values(batch));
    await insertBatches(personRows, (batch) => tx.insert(people).values(batch));
    await insertBatches(bodyRows, (batch) => tx.insert(bodies).values(batch));
    await insertBatches(membershipRows, (batch) => tx.insert(bodyMemberships).values(batch));
    await insertBatches(deputyRows, (batch) => tx.insert(bodyMemberships).values(batch));
    await tx.insert(users).values({ id: adminId, email: BENCH_ADMIN.email, name: BENCH_ADMIN.name, passwordHash });
    await tx.insert(roleAssignments).values({ userId: adminId, role: 'platformAdmin' });
    await insertBatches(meetingRows.meetings, (batch) => tx.insert(meetings).values(batch));
    await insertBatches(meetingRows.cases, (batch) => tx.insert(cases).values(batch));
    await insertBatches(meetingRows.consultations, (batch) => tx.insert(consultations).values(batch));
    await insertBatches(meetingRows.agendaItems, (batch) => tx.insert(agendaItems).values(batch));
    await insertBatches(meetingRows.attendees, (batch) => tx.insert(meetingAttendees).values(batch));
    await insertBatches(meetingRows.counters, (batch) => tx.insert(caseNumberCounters).values(batch));
  });
  // Fresh statistics and visibility maps, as a production database that autovacuum has seen would have them (else
  // autovacuum would go through the new tables during the first measurements).
  await db.execute(sql`vacuum analyze`);

  const summaries = networkRows.map((n) => ({
    id: n.id!,
    slug: n.slug,
    name: n.name,
    members: membersOf.get(n.id!)!.length,
    visiblePeople: peopleOfNetwork.get(n.id!)!.length,
  }));
  const largest = summaries.reduce((a, b) => (b.members > a.members ? b : a));
  return {
    networks: summaries,
    largestNetwork: { id: largest.id, slug: largest.slug },
    people: personRows.length,
    bodies: bodyRows.length,
    bodyMemberships: membershipRows.length + deputyRows.length,
    competenceTags: COMPETENCE_TAGS,
    admin: BENCH_ADMIN,
    meetings: meetingRows.summary,
    minutesSample: meetingRows.minutesSample,
    milliseconds: Math.round(performance.now() - started),
  };
}

// ---------------------------------------------------------------- mapping (issue 4)

/** The 40th shared solution of the national dataset: the shipped catalog has 39. Bench data only. */
export const BENCH_SOLUTION = {
  key: 'bench-losning',
  name: 'Benkemerke-løsning',
  owner: 'Digiregion',
  purpose: 'En fellesløsning som bare finnes i ytelsestestene, så katalogen har 40.',
  source: 'https://example.no/bench',
  validFrom: '2020-01-01',
  validTo: null,
  sortOrder: 1000,
};

/** Loads the shared-solution catalog and adds the bench-only solution, so there are 40. Returns their keys in order. */
export async function ensureBenchSolutions(db: Db): Promise<string[]> {
  await loadSharedSolutions(db);
  await db.insert(sharedSolutions).values(BENCH_SOLUTION).onConflictDoNothing();
  const rows = await db.select({ key: sharedSolutions.key }).from(sharedSolutions).orderBy(sharedSolutions.sortOrder);
  return rows.map((r) => r.key);
}

/** How common each solution is nationally: the share of municipalities using it (others at random). */
const NATIONAL_IN_USE: Record<string, number> = {
  'id-porten': 0.99,
  altinn: 0.99,
  folkeregisteret: 0.95,
  matrikkelen: 0.95,
  krr: 0.9,
  svarut: 0.85,
  svarinn: 0.7,
  feide: 0.9,
  'digital-postkasse': 0.45,
  digisos: 0.4,
  digifin: 0.7,
  digihelse: 0.05,
  digibarnevern: 0.05,
  digiorden: 0.02,
};
const NOT_IN_USE: AdoptionStatus[] = ['notAssessed', 'planned', 'agreementSigned', 'notRelevant'];

/**
 * The national mapping: every given municipality with `perMunicipality` applications (120 by default, ≈43,000
 * rows over 357) from the demo's product vocabulary, and a status for each of the solutions. Pure and
 * deterministic, so the import benchmark can write the same rows as a workbook.
 */
export function planNationalMapping(
  numbers: readonly string[],
  solutionKeys: readonly string[],
  perMunicipality = 120,
  seed = 4_357,
): GeneratedMapping {
  return generateMapping(numbers, {
    seed,
    applications: [perMunicipality, perMunicipality],
    caseArchive: 'random',
    solutionKeys,
    today: '2026-01-01',
    adoption: (key, _index, r) => {
      const share = NATIONAL_IN_USE[key] ?? 0.4;
      if (r.chance(share)) return r.chance(0.5) ? 'inUseIntegrated' : 'inUse';
      return r.chance(0.2) ? undefined : r.pick(NOT_IN_USE);
    },
  });
}

/**
 * Writes the national mapping straight into the tables (batched inserts, no import): products, one usage per
 * municipality and product, and the adoption statuses. For dashboards under load; expects the municipalities
 * loaded and no mapping yet.
 */
export async function generateMappingDataset(db: Db, options: { perMunicipality?: number; seed?: number } = {}) {
  const started = performance.now();
  const solutionKeys = await ensureBenchSolutions(db);
  const numbers = (
    await db
      .select({ number: municipalities.number })
      .from(municipalities)
      .where(sql`${municipalities.validTo} is null`)
  )
    .map((m) => m.number)
    .sort();
  const plan = planNationalMapping(numbers, solutionKeys, options.perMunicipality, options.seed);
  const productRows = new Map<string, typeof products.$inferInsert>();
  for (const a of plan.applications) {
    const matchKey = productMatchKey(a.productName, a.vendor);
    if (!productRows.has(matchKey)) productRows.set(matchKey, { name: a.productName, vendor: a.vendor, domain: a.domain!, matchKey });
  }
  const idOf = new Map<string, string>();
  await insertBatches([...productRows.values()], async (batch) => {
    const rows = await db.insert(products).values(batch).returning({ id: products.id, matchKey: products.matchKey });
    for (const r of rows) idOf.set(r.matchKey, r.id);
  });
  await insertBatches(plan.applications, (batch) =>
    db.insert(applicationUsages).values(
      batch.map(({ productName, vendor, domain: _domain, ...usage }) => ({
        ...usage,
        productId: idOf.get(productMatchKey(productName, vendor))!,
      })),
    ),
  );
  await insertBatches(plan.adoptions, (batch) => db.insert(solutionAdoptions).values(batch));
  return {
    municipalities: numbers.length,
    products: productRows.size,
    applications: plan.applications.length,
    adoptions: plan.adoptions.length,
    solutions: solutionKeys.length,
    milliseconds: Math.round(performance.now() - started),
  };
}

// `tsx bench/generate.ts <postgres-url>`: fill an existing (empty) database, e.g. to look at query plans by hand.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url) {
    console.error('usage: tsx bench/generate.ts postgres://… (an empty database; it is migrated and filled)');
    process.exit(2);
  }
  const { openDatabase } = await import('../src/server/db/client.ts');
  const { loadMunicipalitiesFile } = await import('../src/server/modules/network/index.ts');
  const database = await openDatabase({ url });
  try {
    await database.migrate();
    await loadMunicipalitiesFile(database.db);
    const result = await generateDataset(database.db);
    console.log(
      JSON.stringify(
        { ...result, competenceTags: undefined, admin: { email: result.admin.email, password: result.admin.password } },
        null,
        2,
      ),
    );
  } finally {
    await database.close();
  }
}
