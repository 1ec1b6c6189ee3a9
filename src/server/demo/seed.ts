import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { municipalities, networks, roleAssignments, users } from '../db/schema/index.ts';
import type { RequestContext, RoleGrant } from '../context.ts';
import { hashPassword } from '../modules/auth/index.ts';
import type { FileStorage } from '../modules/storage/index.ts';
import { networkService } from '../modules/network/index.ts';
import { seedMeetings } from './meetings.ts';
import { seedMapping } from './mapping.ts';
import { seedSurveys } from './surveys.ts';
import { seedStrategies } from './strategies.ts';
import { seedProposals } from './proposals.ts';
import { seedProjects } from './projects.ts';
import { seedProgrammes } from './programmes.ts';
import { seedBenefits } from './benefits.ts';
import { seedFinance } from './finance.ts';
import { seedBudget } from './budget.ts';
import { seedGrants } from './grants.ts';
import { seedCapacity, seedOwnEffort } from './own-effort.ts';
import { seedProjectFinancing } from './project-financing.ts';
import { seedStatusReports } from './status-reports.ts';
import { seedLessons } from './lessons.ts';
import type { BodyKind, BodyRole, VotingRight } from '../../shared/network/schema.ts';
import type { AuthConfig, Role } from '../../shared/auth/schema.ts';

type DemoLogin = NonNullable<AuthConfig['demo']>['users'][number];

/**
 * Demo data drawn from the seed documents: DigiNordland as umbrella over DigiVesterålen, Digitale
 * Helgeland and Lofoten IKT, with bodies, mandates and members. Names of officials that appear in the
 * documents are used as in the documents; everyone else is a made-up person.
 */

export const DEMO_PASSWORD = 'Digiregion-demo-2026';

export interface DemoUser {
  email: string;
  name: string;
  /** The network or municipality the role is for, as shown on the login page. */
  scope: string | null;
  role: Role;
  network?: string;
  municipality?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@digiregion.no', name: 'Plattformadministrator', scope: null, role: 'platformAdmin' },
  {
    email: 'sekretariat@digivesteralen.no',
    name: 'Sekretariatet DigiVesterålen',
    scope: 'DigiVesterålen',
    role: 'networkAdmin',
    network: 'digivesteralen',
  },
  {
    email: 'sekretariat@digitalehelgeland.no',
    name: 'Sekretariatet Digitale Helgeland',
    scope: 'Digitale Helgeland',
    role: 'networkAdmin',
    network: 'digitale-helgeland',
  },
  {
    email: 'sekretariat@lofotenikt.no',
    name: 'Sekretariatet Lofoten IKT',
    scope: 'Lofoten IKT',
    role: 'networkAdmin',
    network: 'lofoten-ikt',
  },
  {
    email: 'kontakt@sortland.kommune.no',
    name: 'Kommunekontakt Sortland',
    scope: 'Sortland',
    role: 'municipalityEditor',
    municipality: '1870',
  },
  {
    email: 'medlem@digivesteralen.no',
    name: 'Styringsgruppemedlem DigiVesterålen',
    scope: 'DigiVesterålen',
    role: 'networkMember',
    network: 'digivesteralen',
  },
];

const VESTERALEN = ['1871', '1867', '1866', '1851', '1870', '1868'];
const HELGELAND = [
  'Alstahaug',
  'Bindal',
  'Brønnøy',
  'Dønna',
  'Grane',
  'Hattfjelldal',
  'Hemnes',
  'Herøy (Nordland)',
  'Leirfjord',
  'Nesna',
  'Rana',
  'Sømna',
  'Træna',
  'Vefsn',
  'Vega',
  'Vevelstad',
];
const LOFOTEN = ['1857', '1874', '1859', '1865'];

// Made-up people: common Norwegian names, not people from the documents.
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
];
const COMPETENCES = [
  'personvern',
  'anskaffelser',
  'tjenestedesign',
  'informasjonssikkerhet',
  'arkiv',
  'helse og omsorg',
  'skytjenester',
  'prosjektledelse',
  'gevinstrealisering',
  'RPA',
];

/**
 * Loads the demo data unless the database has networks already. `storage` takes the demo projects' basis documents:
 * the app's files folder (`FILES_DIR`), so that they can be downloaded.
 */
export async function seedDemo(
  db: Db,
  links: { publicUrl: string } = { publicUrl: 'http://localhost:3000' },
  storage: FileStorage,
): Promise<{ users: DemoLogin[]; seeded: boolean }> {
  const existing = await db.select({ id: networks.id }).from(networks).limit(1);
  const seeded = existing.length === 0;
  // One transaction: a seed that fails half-way leaves nothing behind, and runs again at the next start.
  if (seeded) await db.transaction((tx) => createDemoData(tx as unknown as Db, links, storage));
  return { users: DEMO_USERS.map((u) => ({ email: u.email, password: DEMO_PASSWORD, role: u.role, scope: u.scope })), seeded };
}

async function createDemoData(db: Db, links: { publicUrl: string }, storage: FileStorage) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const [admin] = await db.insert(users).values({ email: DEMO_USERS[0]!.email, name: DEMO_USERS[0]!.name, passwordHash }).returning();
  await db.insert(roleAssignments).values({ userId: admin!.id, role: 'platformAdmin' });
  const roles: RoleGrant[] = [{ role: 'platformAdmin', networkId: null, municipalityNumber: null }];
  const ctx: RequestContext = {
    db,
    requestId: 'demo-seed',
    language: 'nb',
    user: { id: admin!.id, email: admin!.email, name: admin!.name, language: 'nb', hasPassword: true },
    roles,
    cache: new Map(),
  };
  const s = networkService;

  const allMunicipalities = await db
    .select({ number: municipalities.number, name: municipalities.name, county: municipalities.countyNumber })
    .from(municipalities);
  const numberOf = (name: string) => {
    // SSB gives Sámi names beside the Norwegian ones: "Rana - Raane", "Aarborte - Hattfjelldal".
    const m = allMunicipalities.find((x) => x.name === name || x.name.split(' - ').includes(name));
    if (!m) throw new Error(`demo data: no municipality named ${name}`);
    return m.number;
  };

  const nordland = await s.createNetwork(ctx, {
    name: 'DigiNordland',
    slug: 'diginordland',
    shortName: 'DigiNordland',
    description: 'Digitaliseringsnettverket for kommunene i Nordland, paraply for de regionale samarbeidene.',
  });
  for (const m of allMunicipalities.filter((x) => x.county === '18')) {
    await s.addMember(ctx, nordland.id, { municipalityNumber: m.number, joinedOn: '2019-01-01', isHost: false });
  }

  const vesteralen = await s.createNetwork(ctx, {
    name: 'DigiVesterålen',
    slug: 'digivesteralen',
    shortName: 'DigiVesterålen',
    umbrellaId: nordland.id,
    description:
      'Digitaliseringssamarbeidet mellom Andøy, Bø, Hadsel, Lødingen, Sortland og Øksnes. Visjon: «Enklere hverdag for innbyggerne og næringsliv i Vesterålen». Hovedmål: «Sammen om gode, likeverdige og bærekraftige tjenester i Vesterålen».',
  });
  for (const number of VESTERALEN) {
    await s.addMember(ctx, vesteralen.id, { municipalityNumber: number, joinedOn: '2021-01-01', isHost: number === '1870' });
  }

  const helgeland = await s.createNetwork(ctx, {
    name: 'Digitale Helgeland',
    slug: 'digitale-helgeland',
    shortName: 'Digitale Helgeland',
    umbrellaId: nordland.id,
    description:
      'Forpliktende samarbeid om digitalisering mellom 16 kommuner på Helgeland. Visjon: «Digitale Helgeland – sammen for utvikling og bedre tjenester».',
  });
  for (const name of HELGELAND) {
    await s.addMember(ctx, helgeland.id, { municipalityNumber: numberOf(name), joinedOn: '2020-01-01', isHost: name === 'Rana' });
  }

  const lofoten = await s.createNetwork(ctx, {
    name: 'Lofoten IKT',
    slug: 'lofoten-ikt',
    shortName: 'Lofoten IKT',
    umbrellaId: nordland.id,
    description: 'Felles IKT-drift og digitalisering for Værøy, Moskenes, Flakstad og Vågan siden 2002.',
  });
  for (const number of LOFOTEN) {
    await s.addMember(ctx, lofoten.id, { municipalityNumber: number, joinedOn: '2002-01-01', isHost: number === '1865' });
  }

  // People: a chief executive and a digitalization contact in every member municipality.
  let n = 0;
  const nextName = () => {
    const name = `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length + n) % LAST.length]}`;
    n++;
    return name;
  };
  async function peopleFor(networkId: string, numbers: string[]) {
    const chiefs = new Map<string, string>();
    const contacts = new Map<string, string>();
    for (const [i, number] of numbers.entries()) {
      const municipalityName = allMunicipalities.find((m) => m.number === number)!.name;
      const chief = await s.createPerson(ctx, {
        networkId,
        name: nextName(),
        title: `Kommunedirektør, ${municipalityName}`,
        municipalityNumber: number,
        competences: ['ledelse'],
      });
      const contactName = nextName();
      const contact = await s.createPerson(ctx, {
        networkId,
        name: contactName,
        email: `${contactName.toLowerCase().replace(/[^a-zæøå]+/g, '.')}@example.no`,
        title: `Digitaliseringskontakt, ${municipalityName}`,
        municipalityNumber: number,
        competences: [COMPETENCES[i % COMPETENCES.length]!, COMPETENCES[(i + 3) % COMPETENCES.length]!],
      });
      chiefs.set(number, chief.id);
      contacts.set(number, contact.id);
    }
    return { chiefs, contacts };
  }

  async function body(networkId: string, kind: BodyKind, name: string, shortCode: string | null, mandate: string | null) {
    return s.createBody(ctx, networkId, { kind, name, shortCode, mandate });
  }
  async function member(
    bodyId: string,
    personId: string,
    role: BodyRole,
    municipalityNumber: string | null,
    votingRight: VotingRight = 'vote',
    deputyForId?: string,
    fromDate = '2023-01-01',
  ) {
    const result = await s.addBodyMembership(ctx, bodyId, { personId, role, municipalityNumber, votingRight, fromDate, deputyForId });
    return result.memberships.find((m) => m.personId === personId && m.role === role)!.id;
  }

  // DigiVesterålen
  const v = await peopleFor(vesteralen.id, VESTERALEN);
  const robin = await s.createPerson(ctx, {
    networkId: vesteralen.id,
    name: 'Robin S. Lillejord',
    title: 'Enhetsleder og prosjektkoordinator',
    municipalityNumber: null,
    competences: ['prosjektledelse'],
  });
  const steering = await body(
    vesteralen.id,
    'steeringGroup',
    'Styringsgruppen for DigiVesterålen',
    'SG',
    'Styringsgruppen består av kommunedirektørene i de seks deltakerkommunene og styrer hovedprosjektet DigiVesterålen 2023–2025. Den prioriterer satsinger, vedtar prosjekter og finansiering av det enkelte prosjekt, og godkjenner overgang mellom faser i prosjektveiviseren.\n\nSekretariatet, med en ressursgruppe fra kommunene, forbereder sakene.',
  );
  for (const [i, number] of VESTERALEN.entries()) await member(steering.id, v.chiefs.get(number)!, i === 0 ? 'chair' : 'member', number);
  await member(steering.id, robin.id, 'secretary', null, 'speakAndPropose');

  const au = await body(
    vesteralen.id,
    'workingCommittee',
    'Vesterålen regionråds arbeidsutvalg',
    'AU',
    'Arbeidsutvalget forbereder saker for Vesterålen regionråd (interkommunalt politisk råd, kommuneloven kapittel 18) og fatter vedtak i saker regionrådet har delegert. Kommunedirektørutvalgets medlemmer har møte-, tale- og forslagsrett i AUs møter.',
  );
  const auMembers: string[] = [];
  for (const [i, number] of VESTERALEN.entries()) {
    const place = allMunicipalities.find((m) => m.number === number)!.name;
    const email = `ordforer.${place.toLowerCase().replace(/[^a-zæøå]+/g, '')}@example.no`;
    const mayor = await s.createPerson(ctx, {
      networkId: vesteralen.id,
      name: nextName(),
      email,
      title: `Ordfører, ${place}`,
      municipalityNumber: number,
      competences: [],
    });
    // From 2022, so the meeting of seed 000 has its members.
    auMembers.push(
      await member(au.id, mayor.id, i === 4 ? 'chair' : i === 0 ? 'viceChair' : 'member', number, 'vote', undefined, '2022-01-01'),
    );
  }
  await member(au.id, v.chiefs.get('1870')!, 'observer', '1870', 'speakAndPropose', undefined, '2022-01-01');
  const deputy = await s.createPerson(ctx, {
    networkId: vesteralen.id,
    name: nextName(),
    email: 'varaordforer.hadsel@example.no',
    title: 'Varaordfører, Hadsel',
    municipalityNumber: '1866',
    competences: [],
  });
  await member(au.id, deputy.id, 'deputy', '1866', 'vote', auMembers[2], '2022-01-01');
  await seedMeetings(ctx, au, links, storage);

  const kdu = await body(
    vesteralen.id,
    'chiefExecutivesCouncil',
    'Vesterålen kommunedirektørutvalg',
    'KDU',
    readFileSync(new URL('./kdu-mandate.md', import.meta.url), 'utf8'),
  );
  for (const [i, number] of VESTERALEN.entries())
    await member(kdu.id, v.chiefs.get(number)!, i === 1 ? 'chair' : i === 2 ? 'viceChair' : 'member', number);

  const resource = await body(
    vesteralen.id,
    'resourceGroup',
    'Ressursgruppen',
    'RG',
    'Ressursgruppen støtter sekretariatet med kompetanse fra kommunene, slik at både styring og gjennomføring av prosjekter og tiltak blir godt tilrettelagt.',
  );
  for (const number of VESTERALEN) await member(resource.id, v.contacts.get(number)!, 'member', number);

  // Digitale Helgeland
  const helgelandNumbers = HELGELAND.map(numberOf);
  const h = await peopleFor(helgeland.id, helgelandNumbers);
  const board = await body(
    helgeland.id,
    'steeringGroup',
    'Styret for Digitale Helgeland',
    'Styret',
    'Styret godkjenner prosjekter ved hvert beslutningspunkt i prosjektveiviseren og følger opp porteføljen, strategien og økonomien i samarbeidet.',
  );
  for (const [i, number] of helgelandNumbers.entries())
    await member(board.id, h.chiefs.get(number)!, i === 10 ? 'chair' : 'member', number);
  for (const [kind, name, code] of [
    ['workingGroup', 'Faggruppe for nasjonale felleskomponenter', 'FK'],
    ['workingGroup', 'Faggruppe for RPA og automatisering', 'RPA'],
    ['workingGroup', 'Faggruppe for felles anskaffelser', 'ANS'],
  ] as const) {
    const group = await body(helgeland.id, kind, name, code, null);
    for (const number of helgelandNumbers.slice(0, 5)) await member(group.id, h.contacts.get(number)!, 'member', number);
  }

  // Lofoten IKT
  const l = await peopleFor(lofoten.id, LOFOTEN);
  const lofotenBoard = await body(
    lofoten.id,
    'steeringGroup',
    'Styret for Lofoten IKT',
    'Styret',
    'Styret består av kommunedirektørene i de fire eierkommunene og styrer det felles IKT-samarbeidet og digitaliseringsstrategien.',
  );
  for (const [i, number] of LOFOTEN.entries()) {
    const id = await member(lofotenBoard.id, l.chiefs.get(number)!, i === 3 ? 'chair' : 'member', number);
    if (i === 0) await member(lofotenBoard.id, l.contacts.get(number)!, 'deputy', number, 'vote', id);
  }

  await seedMapping(ctx);
  await seedSurveys(ctx);
  await seedStrategies(ctx);
  await seedProposals(ctx);
  await seedProjects(ctx, { storage, passwordHash, links });
  await seedStatusReports(ctx, storage);
  await seedBenefits(ctx);
  await seedProgrammes(ctx);

  // Demo accounts for each role.
  for (const demo of DEMO_USERS.slice(1)) {
    const [user] = await db.insert(users).values({ email: demo.email, name: demo.name, passwordHash }).returning();
    const networkId = demo.network
      ? (await db.select({ id: networks.id }).from(networks).where(eq(networks.slug, demo.network)))[0]?.id
      : null;
    await db
      .insert(roleAssignments)
      .values({ userId: user!.id, role: demo.role, networkId: networkId ?? null, municipalityNumber: demo.municipality ?? null });
  }
  await seedFinance(ctx);
  await seedBudget(ctx);
  await seedGrants(ctx);
  await seedOwnEffort(ctx);
  await seedCapacity(ctx);
  await seedProjectFinancing(ctx);
  await seedLessons(ctx);
}
