import type { RequestContext } from '../context.ts';
import { osloLocalToUtc } from '../modules/documents/index.ts';
import { requireNetwork } from '../modules/network/index.ts';
import { assessProposal, insertProposal, triageProposal, type NewProposal } from '../modules/portfolio/index.ts';
import type { AssessmentInput, TriageInput } from '../../shared/portfolio/proposals.ts';

/**
 * Proposals to DigiVesterålen, sample data drawn from the seeds: the main findings of the pre-project's insight
 * phase (seed 001, «Innsiktsfasen – hovedfunnene i punkter»: shared models for introducing national solutions, small
 * IT teams and shared operations, different software in each municipality, change management for leaders,
 * recruiting IT competence together) and Vågan's working group (seed 002: the feedback «signaliserte at vi trenger
 * dialogløsninger mot innbyggere og brukere», digital first choice, two more IT apprenticeships). Submitters are
 * groups and roles, and the one citizen is Norway's placeholder name; nobody has an e-mail address, and nothing here
 * sends e-mail. Focus areas are the keys of the network's published strategy (see strategies.ts).
 */
interface DemoProposal extends Omit<NewProposal, 'submittedAt' | 'submitterUserId' | 'submitterEmail'> {
  submittedOn: string;
  triage?: Omit<TriageInput, 'version'>;
  assessment?: Omit<AssessmentInput, 'version'>;
}

const ALL = ['1851', '1866', '1867', '1868', '1870', '1871'];

const VESTERALEN_PROPOSALS: DemoProposal[] = [
  {
    kind: 'need',
    title: 'Felles modell for innføring av nasjonale fellesløsninger',
    problem:
      'Hver kommune innfører nasjonale løsninger som DigiHelse, SvarUt og Digipost hver for seg, med egne prosjektplaner og uten felles opplegg for gevinstuttak. Det tar lang tid og binder opp de samme få ressurspersonene.',
    affected: 'Prosjektledere og fagansvarlige i alle seks kommuner; innbyggerne venter lenger på digitale tjenester.',
    expectedBenefit:
      'Raskere og likere innføring, ressurspersoner som støtter hverandre, og en felles enkel modell for å beregne og ta ut gevinster.',
    focusAreaKey: 'nasjonale-losninger',
    municipalityNumbers: ALL,
    channel: 'internal',
    submitterName: 'Referansegruppen for IT-ledere',
    submitterMunicipality: null,
    submittedOn: '2025-11-18',
    triage: { status: 'prioritized', reason: 'Prioritert av styringsgruppen; grunnlag for handlingsplanen 2027.' },
    assessment: {
      scores: { benefit: 5, cost: 4, risk: 4, feasibility: 4 },
      focusAreaFit: { 'nasjonale-losninger': 5, 'strategi-og-retning': 3 },
      note: 'Treffer et hovedfunn i forprosjektet. Lav kostnad: gjenbruker KS’ gjennomføringsmodeller.',
    },
  },
  {
    kind: 'need',
    title: 'Felles IT-drift for å redusere sårbarheten i små fagmiljøer',
    problem:
      'IT-avdelingene er små, med begrenset kapasitet og kompetanse. Ferie og sykdom gir sårbar drift, og ingen kommune har alene råd til en moderne plattform med skyløsninger.',
    affected: 'IT-avdelingene, og alle ansatte som er avhengige av stabil drift.',
    expectedBenefit: 'Tilgjengelighet 24/7/365, delte vaktordninger og lavere kostnad per bruker.',
    focusAreaKey: 'ikt-infrastruktur',
    municipalityNumbers: ['1851', '1867', '1868', '1871'],
    channel: 'internal',
    submitterName: 'Referansegruppen for IT-ledere',
    submitterMunicipality: null,
    submittedOn: '2026-02-03',
    triage: { status: 'underAssessment' },
    assessment: {
      scores: { benefit: 4, cost: 2, risk: 2, feasibility: 3 },
      focusAreaFit: { 'ikt-infrastruktur': 5 },
      note: 'Stor nytte, men kostbart og krevende å gjennomføre; må utredes med avtaler og ansattes rettigheter.',
    },
  },
  {
    kind: 'idea',
    title: 'Samme sak/arkiv-system i alle kommunene',
    problem:
      'Kommunene bruker ulike systemer for sak og arkiv. Det gir dobbelt arbeid med drift, opplæring og integrasjoner, og gjør saksbehandling på tvers av kommuner umulig.',
    affected: 'Arkiv, saksbehandlere og IT-avdelingene.',
    expectedBenefit: 'Mulighet for saksbehandling på tvers ved samme system, og en sterkere posisjon hos leverandørene.',
    focusAreaKey: 'felles-verktoy-og-systemer',
    municipalityNumbers: ['1866', '1868', '1870'],
    channel: 'internal',
    submitterName: 'Faggruppe sak og arkiv',
    submitterMunicipality: null,
    submittedOn: '2026-04-21',
    triage: { status: 'underAssessment' },
  },
  {
    kind: 'idea',
    title: 'Chat og digitale skjemaer når jeg skal kontakte kommunen',
    problem:
      'Jeg må ringe servicetorget i åpningstiden for å få svar på enkle spørsmål. Det burde gå an å skrive til kommunen når det passer meg, og få beskjed på SMS når saken er behandlet.',
    affected: 'Innbyggere som jobber på dagtid, og servicetorget.',
    expectedBenefit: 'Svar utenom åpningstid, og færre telefoner til servicetorget.',
    focusAreaKey: null,
    municipalityNumbers: [],
    channel: 'public',
    submitterName: 'Kari Nordmann',
    submitterMunicipality: '1870',
    submittedOn: '2026-09-08',
  },
  {
    kind: 'need',
    title: 'Ledere som kan lede digital endring',
    problem:
      'Digitalisering endrer arbeidsprosesser, men lederne har lite opplæring i endringsledelse, tjenestedesign og gevinstrealisering. Nye løsninger tas i bruk uten at arbeidet endres.',
    affected: 'Ledere på alle nivåer i de seks kommunene.',
    expectedBenefit: 'Gevinster som faktisk tas ut, og ansatte som er med på å utvikle tjenestene.',
    focusAreaKey: 'kompetanse-og-ledelse',
    municipalityNumbers: ALL,
    channel: 'internal',
    submitterName: 'Sekretariatet',
    submitterMunicipality: null,
    submittedOn: '2026-10-14',
  },
  {
    kind: 'idea',
    title: 'Felles ordning for IT-lærlinger',
    problem:
      'Det er vanskelig å rekruttere IT-kompetanse til små kommuner. Vågan har økt fra to til fire lærlingplasser i IT-avdelingen; kommunene i Vesterålen kunne gjort det samme sammen.',
    affected: 'IT-avdelingene, og unge som vil ha læreplass i regionen.',
    expectedBenefit: 'Et attraktivt fagmiljø på tvers av kommunene, og lettere rekruttering.',
    focusAreaKey: 'kompetanse-og-ledelse',
    municipalityNumbers: ['1866', '1870'],
    channel: 'internal',
    submitterName: 'Faggruppe HR',
    submitterMunicipality: null,
    submittedOn: '2026-03-10',
    triage: {
      status: 'rejected',
      reason: 'Lærlingplasser avgjøres i hver kommunes budsjett. Tas opp igjen i arbeidet med ny strategi fra 2027.',
    },
  },
];

/** DigiVesterålen's proposals, in the order they came in, numbered as they would have been then. */
export async function seedProposals(ctx: RequestContext): Promise<void> {
  const network = await requireNetwork(ctx, 'digivesteralen');
  const inOrder = [...VESTERALEN_PROPOSALS].sort((a, b) => a.submittedOn.localeCompare(b.submittedOn));
  for (const { submittedOn, triage, assessment, ...fields } of inOrder) {
    // Through the public form nobody is logged in, so its audit entry names no actor, as public.ts records it.
    const proposer: RequestContext = fields.channel === 'public' ? { ...ctx, user: null, roles: [] } : ctx;
    const row = await ctx.db.transaction((tx) =>
      insertProposal(tx, proposer, network.id, {
        ...fields,
        submitterUserId: null,
        submitterEmail: null,
        submittedAt: osloLocalToUtc(submittedOn, '10:00'),
      }),
    );
    const triaged = triage ? await triageProposal(ctx, row.id, { ...triage, version: row.version }) : null;
    if (assessment) await assessProposal(ctx, row.id, { ...assessment, version: triaged?.version ?? row.version });
  }
}
