import type { Language } from '../../../shared/i18n/languages.ts';
import { useI18n } from '../../app/i18n/index.tsx';

/** The benefit curves' texts: bokmål is the source and its shape the type of the others. */
const nb = {
  planned: 'Planlagt',
  plannedLegend: 'Planlagt: utgangsverdi, delmål og mål (stiplet linje, hule punkter)',
  realized: 'Målt',
  realizedLegend: 'Målt (heltrukken linje, fylte punkter)',
  today: 'I dag',
  date: 'Dato',
  measuredCount: 'Kommuner som har målt',
  measuredOf: '{count} av {total}',
  municipalityCurve: '{name}: {indicator}',
  summedCurve: 'Samlet for {count} kommuner: {indicator}',
  unitSum: 'Samlet {unit} for {scope}',
  tableCaption: 'Planlagte og målte verdier ({unit}) for «{name}»',
  chartSummary: 'Planlagt: {planned} punkter fra {first} til {last}. Målt: {realized} punkter{latest}. Tabellen viser alle verdiene.',
  latest: ', siste {value} ({date})',
  axisUnit: 'Verdi ({unit})',
  noPlan: 'Ingen kommune har satt utgangsverdi og mål ennå, så det er ingen kurve.',
  sumNote:
    'Summen leser hver kommunes plan som en rett linje mellom punktene, og som utgangsverdien før og målet etter. En kommune som ikke har målt ennå, teller med utgangsverdien sin.',
  notSummed: 'Kan ikke summeres ({unit}): kurvene vises per kommune.',
  notSummedList: 'Ikke summert fordi enheten ikke kan legges sammen: {names}.',
  curvesHeading: 'Nyttekurver',
  projectCurvesHeading: 'Samlede kurver for prosjektet',
  networkCurvesHeading: 'Samlede kurver',
  areaCurvesHeading: 'Innsatsområde: {name}',
  withoutFocusArea: 'Uten innsatsområde',
  noSums: 'Ingen indikatorer som kan summeres, har planer ennå.',
  downloadXlsx: 'Last ned kurvene (XLSX)',
  municipalityHeading: 'Nyttekurver for {name}',
  municipalityIntro: 'Kommunens egne utgangsverdier, delmål, mål og målinger i prosjektene den er med i.',
  municipalityNone: 'Kommunen har ingen nyttemål i prosjekter ennå.',
  projectOf: 'Prosjekt {reference} {title}',
  municipalityOne: '{indicator} ({name})',
};

export type CurveMessages = typeof nb;

const nn: CurveMessages = {
  planned: 'Planlagd',
  plannedLegend: 'Planlagd: utgangsverdi, delmål og mål (stipla linje, hole punkt)',
  realized: 'Målt',
  realizedLegend: 'Målt (heiltrekt linje, fylte punkt)',
  today: 'I dag',
  date: 'Dato',
  measuredCount: 'Kommunar som har målt',
  measuredOf: '{count} av {total}',
  municipalityCurve: '{name}: {indicator}',
  summedCurve: 'Samla for {count} kommunar: {indicator}',
  unitSum: 'Samla {unit} for {scope}',
  tableCaption: 'Planlagde og målte verdiar ({unit}) for «{name}»',
  chartSummary: 'Planlagd: {planned} punkt frå {first} til {last}. Målt: {realized} punkt{latest}. Tabellen viser alle verdiane.',
  latest: ', siste {value} ({date})',
  axisUnit: 'Verdi ({unit})',
  noPlan: 'Ingen kommune har sett utgangsverdi og mål enno, så det er inga kurve.',
  sumNote:
    'Summen les planen til kvar kommune som ei rett linje mellom punkta, og som utgangsverdien før og målet etter. Ein kommune som ikkje har målt enno, tel med utgangsverdien sin.',
  notSummed: 'Kan ikkje summerast ({unit}): kurvene blir viste per kommune.',
  notSummedList: 'Ikkje summert fordi eininga ikkje kan leggjast saman: {names}.',
  curvesHeading: 'Nyttekurver',
  projectCurvesHeading: 'Samla kurver for prosjektet',
  networkCurvesHeading: 'Samla kurver',
  areaCurvesHeading: 'Innsatsområde: {name}',
  withoutFocusArea: 'Utan innsatsområde',
  noSums: 'Ingen indikatorar som kan summerast, har planar enno.',
  downloadXlsx: 'Last ned kurvene (XLSX)',
  municipalityHeading: 'Nyttekurver for {name}',
  municipalityIntro: 'Kommunen sine eigne utgangsverdiar, delmål, mål og målingar i prosjekta han er med i.',
  municipalityNone: 'Kommunen har ingen nyttemål i prosjekt enno.',
  projectOf: 'Prosjekt {reference} {title}',
  municipalityOne: '{indicator} ({name})',
};

const en: CurveMessages = {
  planned: 'Planned',
  plannedLegend: 'Planned: baseline, interim targets and target (dashed line, hollow points)',
  realized: 'Measured',
  realizedLegend: 'Measured (solid line, filled points)',
  today: 'Today',
  date: 'Date',
  measuredCount: 'Municipalities measured',
  measuredOf: '{count} of {total}',
  municipalityCurve: '{name}: {indicator}',
  summedCurve: 'All {count} municipalities: {indicator}',
  unitSum: 'Total {unit} for {scope}',
  tableCaption: 'Planned and measured values ({unit}) for “{name}”',
  chartSummary: 'Planned: {planned} points from {first} to {last}. Measured: {realized} points{latest}. The table shows every value.',
  latest: ', latest {value} ({date})',
  axisUnit: 'Value ({unit})',
  noPlan: 'No municipality has set a baseline and target yet, so there is no curve.',
  sumNote:
    "The sum reads each municipality's plan as a straight line between its points, as the baseline before it and the target after it. A municipality that has not measured yet counts with its baseline.",
  notSummed: 'Cannot be summed ({unit}): the curves are shown per municipality.',
  notSummedList: 'Not summed because the unit cannot be added up: {names}.',
  curvesHeading: 'Benefit curves',
  projectCurvesHeading: "The project's totals",
  networkCurvesHeading: 'Totals',
  areaCurvesHeading: 'Focus area: {name}',
  withoutFocusArea: 'Without focus area',
  noSums: 'No indicator that can be summed has plans yet.',
  downloadXlsx: 'Download the curves (XLSX)',
  municipalityHeading: 'Benefit curves for {name}',
  municipalityIntro: "The municipality's own baselines, interim targets, targets and measurements in the projects it takes part in.",
  municipalityNone: 'The municipality has no benefit targets in projects yet.',
  projectOf: 'Project {reference} {title}',
  municipalityOne: '{indicator} ({name})',
};

const CATALOG: Record<Language, CurveMessages> = { nb, nn, en };

export function useCurveMessages(): CurveMessages {
  return CATALOG[useI18n().lang];
}
