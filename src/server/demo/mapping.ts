import { asc, eq } from 'drizzle-orm';
import type { RequestContext } from '../context.ts';
import type { DbOrTx } from '../db/client.ts';
import { municipalities, networkMembers, networks, sharedSolutions } from '../db/schema/index.ts';
import type { AdoptionStatus, Criticality, DeliveredVia, DpaStatus, DpiaStatus, Hosting, Lifecycle } from '../../shared/mapping/schema.ts';
import {
  importForNetwork,
  writeMappingWorkbook,
  type MappingWorkbookData,
  type SheetAdoption,
  type SheetApplication,
} from '../modules/mapping/spreadsheet.ts';

/**
 * Mapping demo data: the applications and shared-solution adoption of a network's municipalities, made up
 * but realistic (real product and vendor names, contract dates, costs, fits), and deterministic. Seed 004's
 * figures come out exactly from `seed004Dataset`: of 16 municipalities 13 use SvarUt, 11 SvarInn, 7 Digital
 * postkasse, 6 DigiSos and 11 DigiFin; none DigiHelse, DigiBarnevern or Digiorden; 6 different case/archive
 * products and 8 different patient-record products; 90–150 applications each.
 */

interface DemoProduct {
  name: string;
  vendor: string;
  domain: string;
}

const p = (domain: string, list: string): DemoProduct[] =>
  list
    .trim()
    .split('\n')
    .map((line) => {
      const [name, vendor] = line.split('|').map((s) => s.trim());
      return { name: name!, vendor: vendor!, domain };
    });

/** The 6 case/archive products of seed 004 (sakarkiv.sak). */
export const CASE_ARCHIVE_PRODUCTS = p(
  'sakarkiv.sak',
  `Elements | Sikri
  Public 360 | Tieto
  WebSak | ACOS
  ePhorte | Sikri
  ESA | Sikri
  Documaster | Documaster`,
);

/** The 8 patient-record products of seed 004 (helse.epj). */
export const PATIENT_RECORD_PRODUCTS = p(
  'helse.epj',
  `Gerica | Tieto
  Profil | Visma
  CosDoc | CGI
  Extensor | Tieto
  Visma Omsorg Pro | Visma
  Infodoc | Infodoc
  System X | Tieto
  Pridok | Pridok`,
);

/** Domains where a municipality has exactly one product, picked from these. */
const ONE_OF: DemoProduct[][] = [
  p('okonomi.regnskap', `Visma Enterprise | Visma\nUnit4 ERP | Unit4\nXledger | Xledger`),
  p('hr.lonn', `Visma Enterprise Lønn | Visma\nUnit4 Lønn og personal | Unit4`),
  p('hr.turnus', `GAT | Visma\nTimegrip | Timegrip\nMinTurnus | Visma`),
  p('oppvekst.skole', `Visma Flyt Skole | Visma\nIST Everyday | IST`),
  p('oppvekst.barnehage', `Visma Flyt Barnehage | Visma\nIST Everyday Barnehage | IST`),
  p('oppvekst.barnevern', `Visma Flyt Barnevern | Visma\nFamilia | ACOS\nModulus Barn | Tieto`),
  p('oppvekst.ppt', `Visma Flyt PPT | Visma\nIST PPT | IST`),
  p('plan.byggesak', `KomTek Byggesak | Norkart\nAcos Byggesak | ACOS`),
  p('plan.gis', `Kommunekart | Norkart\nGISLINE | Norkart\nArcGIS | Esri`),
  p('plan.arealplan', `KomTek Plan | Norkart\nPlanregister | Geomatikk`),
  p('teknisk.vann', `Gemini VA | Powel\nKomTek Vann | Norkart`),
  p('teknisk.fdv', `Plania | Plania\nFacilit FDV | Facilit\nFamac | Famac`),
  p('kultur.bibliotek', `Bibliofil | Bibliotekenes IT-senter\nMikromarc | Bibliotek-Systemer\nQuria | Axiell`),
  p('kultur.kulturskole', `Speedadmin | Speedadmin\nVisma Flyt Kulturskole | Visma`),
  p('kultur.booking', `Bookup | Bookup\nAktiv kommune | Aktiv kommune`),
  p('helse.legekontor', `CGM Allmenn | CompuGroup Medical\nInfodoc Plenario | Infodoc\nWinMed3 | CompuGroup Medical`),
  p('helse.helsestasjon', `HsPro | Visma\nInfodoc Helsestasjon | Infodoc`),
  p('sakarkiv.politisk', `Elements Politikerportal | Sikri\nACOS Politikerportal | ACOS\n360 Politisk saksbehandling | Tieto`),
  p('sakarkiv.innsyn', `Elements Innsyn | Sikri\nACOS Innsyn | ACOS\nPublic 360 Innsyn | Tieto`),
  p('okonomi.innkjop', `Visma Proceedo | Visma\nUnit4 e-handel | Unit4`),
  p('okonomi.eiendomsskatt', `KomTek Eiendomsskatt | Norkart\nGeomatikk Eiendomsskatt | Geomatikk`),
];

/** Products a municipality may or may not have; the rest of its applications come from here. */
const MORE: DemoProduct[] = [
  ...p(
    'felles.kontor',
    `Microsoft 365 | Microsoft
    Microsoft Teams | Microsoft
    Microsoft Visio | Microsoft
    Microsoft Project | Microsoft
    Adobe Acrobat Pro | Adobe
    Adobe Creative Cloud | Adobe
    Zoom | Zoom
    Pexip | Pexip
    Mentimeter | Mentimeter
    Canva | Canva
    Kahoot! | Kahoot!
    Power BI | Microsoft
    Qlik Sense | Qlik
    Framsikt | Framsikt
    Compilo | Compilo
    Landax | Landax
    EQS Kvalitetssystem | EQS
    Synergi Life | DNV`,
  ),
  ...p(
    'felles.innbyggerdialog',
    `Acos Interact | ACOS
    Kommune-Kari | Boost.ai
    Enterprise Web Skjema | Enterprise Web
    Siteimprove | Siteimprove
    Optimizely CMS | Optimizely
    Jodel Innbyggerdialog | Jodel
    UMS Varsling | UMS
    Varsling24 | Varsling24
    Puzzel Kontaktsenter | Puzzel
    Ticketco | TicketCo
    Min side (Acos) | ACOS`,
  ),
  ...p(
    'felles.drift',
    `Microsoft Intune | Microsoft
    Microsoft Entra ID | Microsoft
    Microsoft Defender | Microsoft
    Veeam Backup | Veeam
    FortiGate | Fortinet
    Sophos Intercept X | Sophos
    TOPdesk | TOPdesk
    Lansweeper | Lansweeper
    VMware vSphere | Broadcom
    Citrix Virtual Apps | Citrix
    Cisco Meraki | Cisco
    Bitwarden | Bitwarden
    PRTG | Paessler
    Nutanix | Nutanix
    Splunk | Splunk
    Telia Smart Connect | Telia
    Printix | Printix
    Ivanti | Ivanti`,
  ),
  ...p(
    'helse.velferdsteknologi',
    `Safemate | Safemate
    Tunstall Lifeline | Tunstall
    Doro Care | Doro
    Roommate | Roommate
    Dignio | Dignio
    Evondos | Evondos
    Pilly | Pilly
    Imatis | Imatis
    Vivago | Vivago
    Nattugla | Nattugla`,
  ),
  ...p(
    'helse',
    `Multidose | Apotek 1
    Medirem | Medirem
    Helsekort for gravide | Norsk helsenett
    Meldingsløftet | Helsedirektoratet
    Kvalitetslosen | Kvalitetslosen
    Sensio | Sensio`,
  ),
  ...p(
    'hr',
    `Simployer | Simployer
    Webcruiter | Visma
    Jobbnorge | Jobbnorge
    KS Læring | KS
    Sympa HR | Sympa
    Lederkompasset | Simployer
    Timeføring (Tidbank) | Tidbank`,
  ),
  ...p(
    'okonomi',
    `Visma Innfordring | Visma
    Kredinor Inkasso | Kredinor
    Tableau | Salesforce
    KOSTRA-rapportering (Framsikt) | Framsikt
    Bankavstemming (Zdata) | Zdata
    Vipps Faktura | Vipps`,
  ),
  ...p(
    'oppvekst',
    `itslearning | itslearning
    Google Classroom | Google
    Showbie | Showbie
    Kikora | Kikora
    Salaby | Gyldendal
    Skolestudio | Aschehoug
    Campus Inkrement | Inkrement
    Vigilo | Vigilo
    Kidplan | Kidplan
    MyKid | MyKid
    Conexus Engage | Conexus
    Skooler | Skooler
    Clue | Clue
    Lexia | Lexia
    Matific | Matific
    Creaza | Creaza
    Book Creator | Book Creator
    NDLA | NDLA
    Elevkortet | Skoleskyss
    Min skole (Transponder) | Transponder`,
  ),
  ...p(
    'plan',
    `Seeiendom | Norkart
    Infoland | Ambita
    Geodata Online | Geodata
    QGIS | QGIS
    Trimble Quadri | Trimble
    ISY Prosjekt | Norconsult
    Arealplaner.no | Norkart
    Matrikkelklient (KomTek) | Norkart
    Gemini Terreng | Powel
    Byggsøk (Fellestjenester BYGG) | DiBK`,
  ),
  ...p(
    'teknisk',
    `ISY Park | Norconsult
    Gemini Portal+ | Powel
    Renovasjonsportalen | Norkart
    SD-anlegg (EcoStruxure) | Schneider Electric
    Veglys | Norconsult
    Hjemmelsregister VA | Norkart
    Brannvesen (Brannpro) | Brannpro
    Feiing (Komtek Feiing) | Norkart
    Driftsoppfølging (Powel Asset) | Powel
    Elbillading (Mer) | Mer`,
  ),
  ...p(
    'kultur',
    `Meråpent bibliotek | Bibliotheca
    Kulturkalender | Origo
    Biblio app | Bibliotekenes IT-senter
    Filmweb kinosystem | Filmweb
    Digitalt fortalt | Norsk kulturråd
    DigitaltMuseum | KulturIT`,
  ),
  ...p(
    'oppvekst.barnevern',
    `Barnevernsvakt (Acos) | ACOS
    Familiehuset (Visma) | Visma`,
  ),
  ...p(
    'sakarkiv',
    `Arkivplan.no | KDRS
    Noark 5 uttrekksverktøy | Arkivverket
    DMS Skanning | Ricoh
    Digital signering (Penneo) | Penneo`,
  ),
];

// ---------------------------------------------------------------- seeded randomness

/** mulberry32: the same numbers everywhere for the same seed. */
function prng(seed: number) {
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
  const shuffle = <T>(list: readonly T[]): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  return { next, int, pick, shuffle, chance: (q: number) => next() < q };
}
type Random = ReturnType<typeof prng>;

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const addMonths = (iso: string, months: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

// ---------------------------------------------------------------- one application

const HOSTS: Hosting[] = ['local', 'vendor', 'vendor', 'cloud', 'cloud', 'cloud', 'hostMunicipality', 'iks'];
const CRITICAL: Criticality[] = ['low', 'medium', 'medium', 'high', 'high', 'critical'];
const DPAS: DpaStatus[] = ['signed', 'signed', 'signed', 'inProgress', 'missing', 'notRequired'];
const DPIAS: DpiaStatus[] = ['done', 'done', 'inProgress', 'notAssessed', 'notRequired'];
const OWNERS = [
  'Kommunalsjef helse og omsorg',
  'Økonomisjef',
  'Personalsjef',
  'Kommunalsjef oppvekst',
  'Arkivleder',
  'IKT-leder',
  'Teknisk sjef',
  'Kultursjef',
  'Plan- og byggesakssjef',
];
const OWNER_OF: Record<string, string> = {
  helse: OWNERS[0]!,
  okonomi: OWNERS[1]!,
  hr: OWNERS[2]!,
  oppvekst: OWNERS[3]!,
  sakarkiv: OWNERS[4]!,
  felles: OWNERS[5]!,
  teknisk: OWNERS[6]!,
  kultur: OWNERS[7]!,
  plan: OWNERS[8]!,
};
/** Integrations that make sense per main domain, when the municipality uses the solution. */
const INTEGRATES: Record<string, string[]> = {
  sakarkiv: ['svarut', 'svarinn', 'einnsyn', 'eformidling', 'fiks-io', 'krr'],
  helse: ['helseid', 'kjernejournal', 'e-resept', 'helsenorge'],
  oppvekst: ['feide', 'folkeregisteret', 'id-porten'],
  okonomi: ['elma-peppol', 'enhetsregisteret'],
  hr: ['aa-registeret', 'altinn'],
  plan: ['matrikkelen', 'geonorge', 'fiks-plattformen'],
  teknisk: ['matrikkelen'],
  felles: ['id-porten', 'maskinporten'],
  kultur: ['id-porten'],
};

/** Core systems cost more and are used by more people than a small tool. */
function application(
  r: Random,
  municipalityNumber: string,
  product: DemoProduct,
  core: boolean,
  today: string,
  inUse: Set<string>,
  contractEnd: string | null,
): SheetApplication {
  const main = product.domain.split('.')[0]!;
  const start = addMonths(today, -r.int(12, 96));
  const end = contractEnd ?? (r.chance(core ? 0.9 : 0.5) ? addMonths(today, r.int(-6, 60)) : null);
  const functionalFit = r.int(1, 4);
  const technicalFit = Math.min(4, Math.max(1, functionalFit + r.int(-2, 1)));
  const lifecycle: Lifecycle = r.chance(0.08) ? 'phaseOut' : r.chance(0.06) ? 'introduction' : 'inOperation';
  return {
    municipalityNumber,
    productName: product.name,
    vendor: product.vendor,
    domain: product.domain,
    productVersion: r.chance(0.5) ? `${r.int(1, 12)}.${r.int(0, 9)}` : null,
    hosting: r.pick(HOSTS),
    contractStart: end ? (start < end ? start : addMonths(end, -48)) : start,
    contractEnd: end,
    contractOptions: end && r.chance(0.5) ? `Opsjon ${r.int(1, 2)} + ${r.int(1, 2)} år` : null,
    annualCost: (core ? r.int(150, 1_200) : r.int(5, 180)) * 1000 * 100,
    userCount: core ? r.int(30, 600) : r.int(2, 150),
    lifecycle,
    lifecycleDate: lifecycle === 'inOperation' ? null : addMonths(today, lifecycle === 'phaseOut' ? r.int(2, 18) : r.int(-6, 0)),
    criticality: core ? (r.chance(0.5) ? 'critical' : 'high') : r.pick(CRITICAL),
    functionalFit,
    technicalFit,
    integrations: (INTEGRATES[main] ?? []).filter((k) => inUse.has(k) && r.chance(0.6)),
    dpaStatus: r.pick(DPAS),
    dpiaStatus: r.pick(DPIAS),
    systemOwner: OWNER_OF[main] ?? null,
    notes: null,
  };
}

// ---------------------------------------------------------------- datasets

export interface GeneratedMapping {
  applications: SheetApplication[];
  adoptions: SheetAdoption[];
}

export interface MappingGeneratorOptions {
  seed: number;
  /** Applications per municipality, each drawn between the two. */
  applications: [number, number];
  /** The status of each municipality (by index) for a solution; undefined leaves it unrecorded. */
  adoption: (solutionKey: string, index: number, r: Random) => AdoptionStatus | undefined;
  solutionKeys: readonly string[];
  /** Case/archive and patient-record products: one each per municipality, in turn or at random. */
  caseArchive: 'inTurn' | 'random';
  /** The day the contract dates are counted from. */
  today?: string;
}

/** Applications and adoption for these municipalities, the same for the same options. */
export function generateMapping(numbers: readonly string[], options: MappingGeneratorOptions): GeneratedMapping {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const applications: SheetApplication[] = [];
  const adoptions: SheetAdoption[] = [];
  numbers.forEach((number, index) => {
    const r = prng(options.seed ^ hash(number));
    const inUse = new Set<string>();
    for (const key of options.solutionKeys) {
      const status = options.adoption(key, index, r);
      if (!status) continue;
      if (status === 'inUse' || status === 'inUseIntegrated') inUse.add(key);
      const delivered: DeliveredVia = r.chance(0.7) ? 'own' : r.chance(0.5) ? 'hostMunicipality' : 'iks';
      adoptions.push({
        municipalityNumber: number,
        solutionKey: key,
        status,
        deliveredVia: status === 'inUse' || status === 'inUseIntegrated' ? delivered : null,
        since: status === 'notRelevant' || status === 'notAssessed' ? null : addMonths(today, -r.int(1, 90)),
        note: null,
      });
    }
    const pickFrom = (list: DemoProduct[]) => (options.caseArchive === 'inTurn' ? list[index % list.length]! : r.pick(list));
    const cores = [pickFrom(CASE_ARCHIVE_PRODUCTS), pickFrom(PATIENT_RECORD_PRODUCTS), ...ONE_OF.map((list) => r.pick(list))];
    const count = r.int(options.applications[0], options.applications[1]);
    const extras = r.shuffle(MORE).slice(0, Math.max(0, count - cores.length));
    // Contracts of the two big systems end within a few years of each other across the network, so
    // joint-procurement windows appear in the timeline.
    const endOf = (i: number) => (i < 2 ? addMonths(today, 4 + ((index * 5 + i * 11) % 44)) : null);
    cores.forEach((product, i) => applications.push(application(r, number, product, true, today, inUse, endOf(i))));
    for (const product of extras) applications.push(application(r, number, product, false, today, inUse, null));
  });
  return { applications, adoptions };
}

/** The solutions seed 004 counts, with how many of 16 municipalities use each. */
export const SEED_004_IN_USE: Record<string, number> = {
  svarut: 13,
  svarinn: 11,
  'digital-postkasse': 7,
  digisos: 6,
  digifin: 11,
  digihelse: 0,
  digibarnevern: 0,
  digiorden: 0,
  altinn: 16,
  'id-porten': 16,
  matrikkelen: 15,
  folkeregisteret: 14,
  krr: 14,
  feide: 15,
  helseid: 12,
  kjernejournal: 12,
  'e-resept': 13,
  einnsyn: 9,
  eformidling: 8,
  maskinporten: 10,
};

const NOT_IN_USE: AdoptionStatus[] = ['notAssessed', 'planned', 'planned', 'agreementSigned', 'notRelevant'];

/**
 * Seed 004's 16-municipality network. For a solution with a given count the municipalities using it are
 * picked by a fixed shuffle of the 16; the others get a status that is not «in use».
 */
export function seed004Dataset(municipalityNumbers: readonly string[], options: { today?: string; solutionKeys?: readonly string[] } = {}) {
  if (municipalityNumbers.length !== 16) throw new Error('seed004Dataset: seed 004 is a network of 16 municipalities');
  const solutionKeys = options.solutionKeys ?? DEMO_SOLUTION_KEYS;
  const users = new Map<string, Set<number>>();
  for (const [key, count] of Object.entries(SEED_004_IN_USE)) {
    users.set(
      key,
      new Set(
        prng(hash(key))
          .shuffle([...Array(16).keys()])
          .slice(0, count),
      ),
    );
  }
  return generateMapping(municipalityNumbers, {
    seed: 4,
    applications: [90, 150],
    caseArchive: 'inTurn',
    solutionKeys,
    today: options.today,
    adoption: (key, index, r) => {
      const chosen = users.get(key);
      if (chosen) return chosen.has(index) ? (r.chance(0.6) ? 'inUseIntegrated' : 'inUse') : r.pick(NOT_IN_USE);
      if (r.chance(0.25)) return undefined;
      return r.chance(0.45) ? 'inUse' : r.pick(NOT_IN_USE);
    },
  });
}

/** The keys of data/reference/shared-solutions.json, for generating without a database. */
export const DEMO_SOLUTION_KEYS = [
  'id-porten',
  'ansattporten',
  'maskinporten',
  'krr',
  'digital-postkasse',
  'eformidling',
  'esignering',
  'einnsyn',
  'elma-peppol',
  'altinn',
  'ebevis',
  'felles-datakatalog',
  'digital-lommebok',
  'folkeregisteret',
  'enhetsregisteret',
  'matrikkelen',
  'geonorge',
  'aa-registeret',
  'feide',
  'helsenorge',
  'helseid',
  'kjernejournal',
  'e-resept',
  'fiks-plattformen',
  'svarut',
  'svarinn',
  'fiks-io',
  'fiks-protokoll',
  'fiks-folkeregister',
  'digisos',
  'min-kommune',
  'fiks-melding',
  'dokumentlager',
  'digiorden',
  'barnevern-fiks',
  'digihelse',
  'digihelsestasjon',
  'digibarnevern',
  'digifin',
] as const;

/** The workbook a secretariat would upload for these municipalities, written by the template writer. */
export async function mappingWorkbook(db: DbOrTx, numbers: readonly string[], data: GeneratedMapping): Promise<Buffer> {
  const names = new Map(
    (await db.select({ number: municipalities.number, name: municipalities.name }).from(municipalities)).map((m) => [m.number, m.name]),
  );
  const solutions = await db
    .select({ key: sharedSolutions.key, name: sharedSolutions.name, owner: sharedSolutions.owner })
    .from(sharedSolutions)
    .orderBy(asc(sharedSolutions.sortOrder));
  const workbook: MappingWorkbookData = {
    municipalities: numbers.map((number) => ({ number, name: names.get(number) ?? number })),
    solutions,
    applications: data.applications,
    adoptions: data.adoptions,
  };
  return writeMappingWorkbook(workbook);
}

async function memberNumbers(db: DbOrTx, slug: string): Promise<string[]> {
  const rows = await db
    .select({ number: networkMembers.municipalityNumber })
    .from(networkMembers)
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .where(eq(networks.slug, slug))
    .orderBy(asc(networkMembers.municipalityNumber));
  return rows.map((r) => r.number);
}

/**
 * Demo mapping, entered the way a secretariat would: Digitale Helgeland's 16 municipalities with seed 004's
 * figures, and a smaller inventory for DigiVesterålen, each as a workbook through the import.
 */
export async function seedMapping(ctx: RequestContext): Promise<void> {
  const helgeland = await memberNumbers(ctx.db, 'digitale-helgeland');
  if (helgeland.length === 16) {
    await importForNetwork(ctx, 'digitale-helgeland', await mappingWorkbook(ctx.db, helgeland, seed004Dataset(helgeland)));
  }
  const vesteralen = await memberNumbers(ctx.db, 'digivesteralen');
  if (vesteralen.length > 0) {
    const data = generateMapping(vesteralen, {
      seed: 1870,
      applications: [25, 40],
      caseArchive: 'random',
      solutionKeys: DEMO_SOLUTION_KEYS,
      adoption: (key, _index, r) => (r.chance(0.4) ? undefined : r.chance(0.55) ? 'inUse' : r.pick(NOT_IN_USE)),
    });
    await importForNetwork(ctx, 'digivesteralen', await mappingWorkbook(ctx.db, vesteralen, data));
  }
}
