import type { Language } from '../../../shared/i18n/languages.ts';
import { ADOPTION_STATUS_LABELS } from '../../../shared/mapping/terms.ts';
import type {
  AdoptionStatus,
  Criticality,
  DeliveredVia,
  DpaStatus,
  DpiaStatus,
  Hosting,
  Lifecycle,
  TimeVerdict,
} from '../../../shared/mapping/schema.ts';

/**
 * The words of the mapping spreadsheets and list exports: column headings and the labels of every choice,
 * in bokmål, nynorsk and English. The import template is written in bokmål; the import reads a choice by
 * its label in any of the three languages or by its code.
 */

type Labels<K extends string> = Record<K, Record<Language, string>>;
const l = (nb: string, nn: string, en: string) => ({ nb, nn, en });

export const HOSTING_LABELS: Labels<Hosting> = {
  local: l('Lokal drift', 'Lokal drift', 'On premises'),
  vendor: l('Leverandørdrift', 'Leverandørdrift', 'Hosted by vendor'),
  cloud: l('Sky/SaaS', 'Sky/SaaS', 'Cloud/SaaS'),
  hostMunicipality: l('Via vertskommune', 'Via vertskommune', 'Via host municipality'),
  iks: l('Via IKS', 'Via IKS', 'Via inter-municipal company'),
};

export const LIFECYCLE_LABELS: Labels<Lifecycle> = {
  planned: l('Plan', 'Plan', 'Planned'),
  introduction: l('Innføring', 'Innføring', 'Introduction'),
  inOperation: l('I drift', 'I drift', 'In operation'),
  phaseOut: l('Utfasing', 'Utfasing', 'Phase-out'),
  retired: l('Avviklet', 'Avvikla', 'Retired'),
};

export const CRITICALITY_LABELS: Labels<Criticality> = {
  low: l('Lav', 'Låg', 'Low'),
  medium: l('Middels', 'Middels', 'Medium'),
  high: l('Høy', 'Høg', 'High'),
  critical: l('Kritisk', 'Kritisk', 'Critical'),
};

export const DPA_LABELS: Labels<DpaStatus> = {
  missing: l('Mangler', 'Manglar', 'Missing'),
  inProgress: l('Under arbeid', 'Under arbeid', 'In progress'),
  signed: l('Signert', 'Signert', 'Signed'),
  notRequired: l('Ikke påkrevd', 'Ikkje påkravd', 'Not required'),
};

export const DPIA_LABELS: Labels<DpiaStatus> = {
  notAssessed: l('Ikke vurdert', 'Ikkje vurdert', 'Not assessed'),
  notRequired: l('Ikke påkrevd', 'Ikkje påkravd', 'Not required'),
  inProgress: l('Under arbeid', 'Under arbeid', 'In progress'),
  done: l('Gjennomført', 'Gjennomført', 'Done'),
};

export const ADOPTION_LABELS: Labels<AdoptionStatus> = ADOPTION_STATUS_LABELS;

export const DELIVERED_VIA_LABELS: Labels<DeliveredVia> = {
  own: l('Egen kommune', 'Eigen kommune', 'Own municipality'),
  hostMunicipality: l('Via vertskommune', 'Via vertskommune', 'Via host municipality'),
  iks: l('Via IKS', 'Via IKS', 'Via inter-municipal company'),
};

export const TIME_LABELS: Labels<TimeVerdict> = {
  tolerate: l('Tolerer', 'Tolerer', 'Tolerate'),
  invest: l('Invester', 'Invester', 'Invest'),
  migrate: l('Migrer', 'Migrer', 'Migrate'),
  eliminate: l('Avvikle', 'Avvikle', 'Eliminate'),
};

/** Column headings of the sheets and exports. */
export const HEADINGS = {
  municipalityNumber: l('Kommunenr', 'Kommunenr', 'Municipality no.'),
  municipalityName: l('Kommune', 'Kommune', 'Municipality'),
  product: l('Fagsystem', 'Fagsystem', 'Application'),
  vendor: l('Leverandør', 'Leverandør', 'Vendor'),
  domain: l('Fagområde', 'Fagområde', 'Domain'),
  productVersion: l('Versjon', 'Versjon', 'Version'),
  hosting: l('Driftsform', 'Driftsform', 'Hosting'),
  contractStart: l('Avtalestart', 'Avtalestart', 'Contract start'),
  contractEnd: l('Avtaleslutt', 'Avtaleslutt', 'Contract end'),
  contractOptions: l('Opsjoner', 'Opsjonar', 'Options'),
  annualCost: l('Årlig kostnad (kr)', 'Årleg kostnad (kr)', 'Annual cost (NOK)'),
  userCount: l('Antall brukere', 'Tal på brukarar', 'Users'),
  lifecycle: l('Livsløp', 'Livsløp', 'Lifecycle'),
  lifecycleDate: l('Livsløpsdato', 'Livsløpsdato', 'Lifecycle date'),
  criticality: l('Kritikalitet', 'Kritikalitet', 'Criticality'),
  functionalFit: l('Funksjonell egnethet (1–4)', 'Funksjonell eigning (1–4)', 'Functional fit (1–4)'),
  technicalFit: l('Teknisk egnethet (1–4)', 'Teknisk eigning (1–4)', 'Technical fit (1–4)'),
  timeVerdict: l('TIME (beregnet)', 'TIME (rekna ut)', 'TIME (computed)'),
  integrations: l('Integrasjoner', 'Integrasjonar', 'Integrations'),
  dpaStatus: l('Databehandleravtale', 'Databehandlaravtale', 'Data processing agreement'),
  dpiaStatus: l('DPIA', 'DPIA', 'DPIA'),
  systemOwner: l('Systemeier', 'Systemeigar', 'System owner'),
  notes: l('Merknader', 'Merknader', 'Notes'),
  solution: l('Fellesløsning', 'Fellesløysing', 'Shared solution'),
  owner: l('Eier', 'Eigar', 'Owner'),
  status: l('Status', 'Status', 'Status'),
  deliveredVia: l('Levert via', 'Levert via', 'Delivered via'),
  since: l('Fra dato', 'Frå dato', 'Since'),
  note: l('Merknad', 'Merknad', 'Note'),
  /**
   * The hidden version of a template's row, for the import's check that the record has not changed since the
   * download. Not «Versjon»: that is the heading of the product's version (productVersion).
   */
  rowVersion: l('Radversjon', 'Radversjon', 'Row version'),
  name: l('Navn', 'Namn', 'Name'),
  description: l('Beskrivelse', 'Skildring', 'Description'),
  municipalityCount: l('Antall kommuner', 'Tal på kommunar', 'Municipalities'),
} as const;

export type Heading = keyof typeof HEADINGS;
