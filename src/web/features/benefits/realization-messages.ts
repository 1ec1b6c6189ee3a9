import type { Language } from '../../../shared/i18n/languages.ts';
import { useI18n } from '../../app/i18n/index.tsx';

/** The texts of the network's benefits realization page. Bokmål is the source: its shape is the type the others match. */
const nb = {
  nav: 'Nytte',
  title: 'Nytterealisering i {name}',
  intro:
    'Sporbarhet fra innsatsområde til prosjekt, nyttevirkning og realisert nytte. Åpne et prosjekt for å se nyttevirkningene; indikatorene og hver kommunes tall står under «Nytte» på prosjektets side og i Excel-filen. Måloppnåelse er (verdi − utgangsverdi) ÷ (målverdi − utgangsverdi). For en indikator som kan summeres (timer, kroner) regnes det på summen av kommunenes tall; ellers er det et vektet snitt av kommunenes måloppnåelse. Bare kommuner som har målt, teller med. Over indikatornivå er det snittet av nyttevirkningene.',
  filter: 'Vis nytten for én kommune',
  municipality: 'Vis for',
  wholeNetwork: 'Hele nettverket',
  show: 'Vis',
  downloadXlsx: 'Last ned som Excel',
  downloadCsv: 'Last ned som CSV',
  networkFigure: 'Samlet måloppnåelse',
  measuredOf: '{measured} av {total} nyttevirkninger er målt',
  withoutFocusArea: 'Uten innsatsområde',
  focusAreaFigure: 'Måloppnåelse i innsatsområdet: {value}',
  projectFigure: 'Måloppnåelse: {value}',
  phase: 'Fase: {phase}',
  none: 'Ingen prosjekter i nettverket har planlagt nytte ennå.',
  noneForMunicipality: 'Kommunen deltar ikke i noen prosjekter med planlagt nytte.',
  noBenefits: 'Prosjektet har ingen nyttevirkninger ennå.',
  showBenefits: 'Nyttevirkningene ({count})',
  caption: 'Nyttevirkninger i {project}',
  benefit: 'Nyttevirkning',
  owner: 'Nytteeier',
  indicators: 'Indikatorer',
  achievement: 'Måloppnåelse',
  noIndicator: 'Ingen indikator ennå',
  notMeasured: 'Ikke målt',
  scroll: 'rull sideveis for flere kolonner',
};

type RealizationMessages = typeof nb;

const nn: RealizationMessages = {
  nav: 'Nytte',
  title: 'Nytterealisering i {name}',
  intro:
    'Sporbarheit frå innsatsområde til prosjekt, nyttverknad og realisert nytte. Opna eit prosjekt for å sjå nyttverknadene; indikatorane og tala til kvar kommune står under «Nytte» på sida til prosjektet og i Excel-fila. Måloppnåing er (verdi − utgangsverdi) ÷ (målverdi − utgangsverdi). For ein indikator som kan summerast (timar, kroner) vert det rekna på summen av tala til kommunane; elles er det eit vekta snitt av måloppnåinga til kommunane. Berre kommunar som har målt, tel med. Over indikatornivå er det snittet av nyttverknadene.',
  filter: 'Vis nytten for éin kommune',
  municipality: 'Vis for',
  wholeNetwork: 'Heile nettverket',
  show: 'Vis',
  downloadXlsx: 'Last ned som Excel',
  downloadCsv: 'Last ned som CSV',
  networkFigure: 'Samla måloppnåing',
  measuredOf: '{measured} av {total} nyttverknader er målte',
  withoutFocusArea: 'Utan innsatsområde',
  focusAreaFigure: 'Måloppnåing i innsatsområdet: {value}',
  projectFigure: 'Måloppnåing: {value}',
  phase: 'Fase: {phase}',
  none: 'Ingen prosjekt i nettverket har planlagt nytte enno.',
  noneForMunicipality: 'Kommunen deltek ikkje i nokon prosjekt med planlagd nytte.',
  noBenefits: 'Prosjektet har ingen nyttverknader enno.',
  showBenefits: 'Nyttverknadene ({count})',
  caption: 'Nyttverknader i {project}',
  benefit: 'Nyttverknad',
  owner: 'Nytteeigar',
  indicators: 'Indikatorar',
  achievement: 'Måloppnåing',
  noIndicator: 'Ingen indikator enno',
  notMeasured: 'Ikkje målt',
  scroll: 'rull sidelengs for fleire kolonnar',
};

const en: RealizationMessages = {
  nav: 'Benefits',
  title: 'Benefits realization in {name}',
  intro:
    'Traceability from focus area to project, benefit and realized benefit. Open a project to see its benefits; the indicators and each municipality’s figures are under «Benefits» on the project’s page and in the Excel file. Achievement is (value − baseline) ÷ (target − baseline). For an indicator that can be summed (hours, kroner) it is computed on the sum of the municipalities’ figures; otherwise it is a weighted average of the municipalities’ achievements. Only municipalities that have measured count. Above the indicator it is the average of the benefits.',
  filter: 'Show the benefits of one municipality',
  municipality: 'Show for',
  wholeNetwork: 'The whole network',
  show: 'Show',
  downloadXlsx: 'Download as Excel',
  downloadCsv: 'Download as CSV',
  networkFigure: 'Overall achievement',
  measuredOf: '{measured} of {total} benefits are measured',
  withoutFocusArea: 'Without focus area',
  focusAreaFigure: 'Achievement in the focus area: {value}',
  projectFigure: 'Achievement: {value}',
  phase: 'Phase: {phase}',
  none: 'No project in the network has planned benefits yet.',
  noneForMunicipality: 'The municipality takes part in no project with planned benefits.',
  noBenefits: 'The project has no benefits yet.',
  showBenefits: 'The benefits ({count})',
  caption: 'Benefits of {project}',
  benefit: 'Benefit',
  owner: 'Benefit owner',
  indicators: 'Indicators',
  achievement: 'Achievement',
  noIndicator: 'No indicator yet',
  notMeasured: 'Not measured',
  scroll: 'scroll sideways for more columns',
};

const CATALOG: Record<Language, RealizationMessages> = { nb, nn, en };

export function useRealizationMessages(): RealizationMessages {
  const { lang } = useI18n();
  return CATALOG[lang];
}
