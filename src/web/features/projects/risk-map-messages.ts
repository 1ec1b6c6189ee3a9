import type { Language } from '../../../shared/i18n/languages.ts';
import type { RiskKind, RiskLevel } from '../../../shared/portfolio/projects.ts';
import type { RiskMapStage } from '../../../shared/portfolio/risk-map.ts';
import { useI18n } from '../../app/i18n/index.tsx';

/** The risk and opportunity maps' texts, and the kind of a register entry. Bokmål is the source of the type. */
const nb = {
  link: 'Risiko- og mulighetskart',
  title: 'Risikokart for {name}',
  intro:
    'Alle åpne risikoer i nettverkets prosjekter, plassert etter sannsynlighet og konsekvens, før tiltak og slik de ventes å bli etter tiltak. Velg en rute for å se risikoene i den.',
  backToPortfolio: 'Tilbake til porteføljen',
  apply: 'Vis kartet',
  kindLegend: 'Vis',
  kindsPlural: { threat: 'Trusler', opportunity: 'Muligheter' } satisfies Record<RiskKind, string>,
  kinds: { threat: 'Trussel', opportunity: 'Mulighet' } satisfies Record<RiskKind, string>,
  kindField: 'Type',
  stages: { before: 'Før tiltak', after: 'Etter tiltak' } satisfies Record<RiskMapStage, string>,
  mapCaption: {
    threat: '{stage}: trusler etter sannsynlighet og konsekvens',
    opportunity: '{stage}: muligheter etter sannsynlighet og konsekvens',
  } satisfies Record<RiskKind, string>,
  probability: 'Sannsynlighet',
  consequence: 'Konsekvens',
  consequenceGain: 'Konsekvens (gevinst)',
  cellLabel: {
    threat: 'Sannsynlighet {probability}, konsekvens {consequence}, nivå {level}: {count} trusler',
    opportunity: 'Sannsynlighet {probability}, konsekvens {consequence}, nivå {level}: {count} muligheter',
  } satisfies Record<RiskKind, string>,
  levels: { low: 'lav', medium: 'middels', high: 'høy' } satisfies Record<RiskLevel, string>,
  summary: {
    threat: '{total} åpne trusler i {projects} prosjekter.',
    opportunity: '{total} åpne muligheter i {projects} prosjekter.',
  } satisfies Record<RiskKind, string>,
  withoutAfter: '{count} er ikke vurdert etter tiltak og er ikke med i kartet etter tiltak.',
  showTable: 'Vis kartene som tabell',
  tableCaption: '{caption} (antall per sannsynlighet og konsekvens)',
  none: { threat: 'Ingen åpne trusler.', opportunity: 'Ingen åpne muligheter.' } satisfies Record<RiskKind, string>,
  cellHeading: '{stage}, sannsynlighet {probability} × konsekvens {consequence}',
  cellCount: { threat: '{count} trusler', opportunity: '{count} muligheter' } satisfies Record<RiskKind, string>,
  cellEmpty: 'Ingen i denne ruten.',
  closeCell: 'Lukk listen',
  project: 'Prosjekt',
  description: 'Beskrivelse',
  before: 'Før tiltak',
  after: 'Etter tiltak',
  measures: 'Tiltak',
  owner: 'Ansvarlig',
  notSet: 'Ikke satt',
  scoreValue: '{probability} × {consequence} = {score}',
  downloadXlsx: 'Last ned kartet (Excel)',
  downloadCsv: 'Last ned listen (CSV)',
};
export type RiskMapMessages = typeof nb;

const nn: RiskMapMessages = {
  link: 'Risiko- og moglegheitskart',
  title: 'Risikokart for {name}',
  intro:
    'Alle opne risikoar i prosjekta til nettverket, plasserte etter sannsyn og konsekvens, før tiltak og slik dei er venta å bli etter tiltak. Vel ei rute for å sjå risikoane i henne.',
  backToPortfolio: 'Tilbake til porteføljen',
  apply: 'Vis kartet',
  kindLegend: 'Vis',
  kindsPlural: { threat: 'Truslar', opportunity: 'Moglegheiter' },
  kinds: { threat: 'Trussel', opportunity: 'Moglegheit' },
  kindField: 'Type',
  stages: { before: 'Før tiltak', after: 'Etter tiltak' },
  mapCaption: {
    threat: '{stage}: truslar etter sannsyn og konsekvens',
    opportunity: '{stage}: moglegheiter etter sannsyn og konsekvens',
  },
  probability: 'Sannsyn',
  consequence: 'Konsekvens',
  consequenceGain: 'Konsekvens (vinst)',
  cellLabel: {
    threat: 'Sannsyn {probability}, konsekvens {consequence}, nivå {level}: {count} truslar',
    opportunity: 'Sannsyn {probability}, konsekvens {consequence}, nivå {level}: {count} moglegheiter',
  },
  levels: { low: 'låg', medium: 'middels', high: 'høg' },
  summary: {
    threat: '{total} opne truslar i {projects} prosjekt.',
    opportunity: '{total} opne moglegheiter i {projects} prosjekt.',
  },
  withoutAfter: '{count} er ikkje vurderte etter tiltak og er ikkje med i kartet etter tiltak.',
  showTable: 'Vis karta som tabell',
  tableCaption: '{caption} (tal per sannsyn og konsekvens)',
  none: { threat: 'Ingen opne truslar.', opportunity: 'Ingen opne moglegheiter.' },
  cellHeading: '{stage}, sannsyn {probability} × konsekvens {consequence}',
  cellCount: { threat: '{count} truslar', opportunity: '{count} moglegheiter' },
  cellEmpty: 'Ingen i denne ruta.',
  closeCell: 'Lukk lista',
  project: 'Prosjekt',
  description: 'Skildring',
  before: 'Før tiltak',
  after: 'Etter tiltak',
  measures: 'Tiltak',
  owner: 'Ansvarleg',
  notSet: 'Ikkje sett',
  scoreValue: '{probability} × {consequence} = {score}',
  downloadXlsx: 'Last ned kartet (Excel)',
  downloadCsv: 'Last ned lista (CSV)',
};

const en: RiskMapMessages = {
  link: 'Risk and opportunity maps',
  title: 'Risk map for {name}',
  intro:
    'Every open risk of the network’s projects, placed by probability and consequence, before the measures and as expected after them. Choose a cell to see its risks.',
  backToPortfolio: 'Back to the portfolio',
  apply: 'Show the map',
  kindLegend: 'Show',
  kindsPlural: { threat: 'Threats', opportunity: 'Opportunities' },
  kinds: { threat: 'Threat', opportunity: 'Opportunity' },
  kindField: 'Kind',
  stages: { before: 'Before measures', after: 'After measures' },
  mapCaption: {
    threat: '{stage}: threats by probability and consequence',
    opportunity: '{stage}: opportunities by probability and consequence',
  },
  probability: 'Probability',
  consequence: 'Consequence',
  consequenceGain: 'Consequence (gain)',
  cellLabel: {
    threat: 'Probability {probability}, consequence {consequence}, level {level}: {count} threats',
    opportunity: 'Probability {probability}, consequence {consequence}, level {level}: {count} opportunities',
  },
  levels: { low: 'low', medium: 'medium', high: 'high' },
  summary: {
    threat: '{total} open threats in {projects} projects.',
    opportunity: '{total} open opportunities in {projects} projects.',
  },
  withoutAfter: '{count} have no assessment after measures and are not on the map after measures.',
  showTable: 'Show the maps as tables',
  tableCaption: '{caption} (count per probability and consequence)',
  none: { threat: 'No open threats.', opportunity: 'No open opportunities.' },
  cellHeading: '{stage}, probability {probability} × consequence {consequence}',
  cellCount: { threat: '{count} threats', opportunity: '{count} opportunities' },
  cellEmpty: 'None in this cell.',
  closeCell: 'Close the list',
  project: 'Project',
  description: 'Description',
  before: 'Before measures',
  after: 'After measures',
  measures: 'Measures',
  owner: 'Owner',
  notSet: 'Not set',
  scoreValue: '{probability} × {consequence} = {score}',
  downloadXlsx: 'Download the map (Excel)',
  downloadCsv: 'Download the list (CSV)',
};

const CATALOG: Record<Language, RiskMapMessages> = { nb, nn, en };

export function useRiskMapMessages(): RiskMapMessages {
  const { lang } = useI18n();
  return CATALOG[lang];
}
