import type { Language } from '../../../shared/i18n/languages.ts';
import type { BenefitType, IndicatorDirection, MeasurementFrequency } from '../../../shared/benefits/schema.ts';
import type { BenefitArea } from '../../../shared/strategy/schema.ts';

/** The words of the benefits plan and the roll-up's spreadsheets, in the caller's language. */
type Terms = Record<Language, string>;

export const BENEFIT_TYPE_LABELS: Record<BenefitType, Terms> = {
  timeSaved: { nb: 'Spart tid', nn: 'Spart tid', en: 'Time saved' },
  costReduced: { nb: 'Reduserte kostnader', nn: 'Reduserte kostnader', en: 'Cost reduced' },
  quality: { nb: 'Bedre kvalitet', nn: 'Betre kvalitet', en: 'Better quality' },
  satisfaction: { nb: 'Økt tilfredshet', nn: 'Auka nøgd', en: 'Higher satisfaction' },
  other: { nb: 'Annen nytte', nn: 'Anna nytte', en: 'Other benefit' },
};

export const BENEFIT_AREA_LABELS: Record<BenefitArea, Terms> = {
  better: { nb: 'Bedre', nn: 'Betre', en: 'Better' },
  more: { nb: 'Mer', nn: 'Meir', en: 'More' },
  shorter: { nb: 'Kortere', nn: 'Kortare', en: 'Shorter' },
  reduce: { nb: 'Redusere', nn: 'Redusere', en: 'Reduce' },
};

export const DIRECTION_LABELS: Record<IndicatorDirection, Terms> = {
  increase: { nb: 'Skal øke', nn: 'Skal auke', en: 'Should increase' },
  decrease: { nb: 'Skal minke', nn: 'Skal minke', en: 'Should decrease' },
};

export const FREQUENCY_LABELS: Record<MeasurementFrequency, Terms> = {
  monthly: { nb: 'Månedlig', nn: 'Månadleg', en: 'Monthly' },
  quarterly: { nb: 'Kvartalsvis', nn: 'Kvartalsvis', en: 'Quarterly' },
  tertial: { nb: 'Per tertial', nn: 'Per tertial', en: 'Per tertial' },
  halfYearly: { nb: 'Halvårlig', nn: 'Halvårleg', en: 'Half-yearly' },
  yearly: { nb: 'Årlig', nn: 'Årleg', en: 'Yearly' },
};

export const PLAN_HEADINGS = {
  plan: { nb: 'Plan for nyttestyring', nn: 'Plan for nyttestyring', en: 'Benefits management plan' },
  project: { nb: 'Prosjekt', nn: 'Prosjekt', en: 'Project' },
  phase: { nb: 'Fase', nn: 'Fase', en: 'Phase' },
  projectOwner: { nb: 'Prosjekteier', nn: 'Prosjekteigar', en: 'Project owner' },
  participants: { nb: 'Deltakende kommuner', nn: 'Deltakande kommunar', en: 'Participating municipalities' },
  benefit: { nb: 'Nyttevirkning', nn: 'Nyttverknad', en: 'Benefit' },
  type: { nb: 'Type nytte', nn: 'Type nytte', en: 'Type of benefit' },
  beneficiaries: { nb: 'For hvem', nn: 'For kven', en: 'For whom' },
  changes: { nb: 'Endringer som gir nytten', nn: 'Endringar som gir nytten', en: 'Changes that cause it' },
  deliverables: { nb: 'Leveranser', nn: 'Leveransar', en: 'Deliverables' },
  benefitAreas: { nb: 'Gevinstområder', nn: 'Gevinstområde', en: 'Benefit areas' },
  owner: { nb: 'Nytteeier', nn: 'Nytteeigar', en: 'Benefit owner' },
  indicator: { nb: 'Indikator', nn: 'Indikator', en: 'Indicator' },
  unit: { nb: 'Enhet', nn: 'Eining', en: 'Unit' },
  direction: { nb: 'Retning', nn: 'Retning', en: 'Direction' },
  dataSource: { nb: 'Datakilde', nn: 'Datakjelde', en: 'Data source' },
  frequency: { nb: 'Målefrekvens', nn: 'Målefrekvens', en: 'Measurement frequency' },
  additive: { nb: 'Kan summeres', nn: 'Kan summerast', en: 'Can be summed' },
  municipality: { nb: 'Kommune', nn: 'Kommune', en: 'Municipality' },
  responsible: { nb: 'Nytteansvarlig', nn: 'Nytteansvarleg', en: 'Responsible' },
  baseline: { nb: 'Utgangsverdi', nn: 'Utgangsverdi', en: 'Baseline' },
  baselineDate: { nb: 'Dato for utgangsverdi', nn: 'Dato for utgangsverdi', en: 'Baseline date' },
  target: { nb: 'Målverdi', nn: 'Målverdi', en: 'Target' },
  targetDate: { nb: 'Måldato', nn: 'Måldato', en: 'Target date' },
  interimTargets: { nb: 'Delmål', nn: 'Delmål', en: 'Interim targets' },
  latest: { nb: 'Siste måling', nn: 'Siste måling', en: 'Latest measurement' },
  measuredOn: { nb: 'Målt dato', nn: 'Målt dato', en: 'Measured on' },
  achievement: { nb: 'Måloppnåelse', nn: 'Måloppnåing', en: 'Achievement' },
  nextDue: { nb: 'Neste måling', nn: 'Neste måling', en: 'Next measurement' },
  focusArea: { nb: 'Innsatsområde', nn: 'Innsatsområde', en: 'Focus area' },
  reference: { nb: 'Referanse', nn: 'Referanse', en: 'Reference' },
  measured: { nb: 'Målt i kommuner', nn: 'Målt i kommunar', en: 'Measured in municipalities' },
  current: { nb: 'Nåverdi', nn: 'Noverdi', en: 'Current value' },
  noIndicator: {
    nb: 'Ingen indikator ennå: nytten er beskrevet, men ikke målbar.',
    nn: 'Ingen indikator enno: nytten er skildra, men ikkje målbar.',
    en: 'No indicator yet: the benefit is described but not measurable.',
  },
  noTargets: {
    nb: 'Ingen kommuner har satt utgangsverdi og mål ennå.',
    nn: 'Ingen kommunar har sett utgangsverdi og mål enno.',
    en: 'No municipality has set a baseline and target yet.',
  },
  withoutFocusArea: { nb: 'Uten innsatsområde', nn: 'Utan innsatsområde', en: 'Without focus area' },
  yes: { nb: 'Ja', nn: 'Ja', en: 'Yes' },
  no: { nb: 'Nei', nn: 'Nei', en: 'No' },
  page: { nb: 'Side', nn: 'Side', en: 'Page' },
  of: { nb: 'av', nn: 'av', en: 'of' },
} satisfies Record<string, Terms>;

/** The words of the curves' spreadsheet. */
export const CURVE_HEADINGS = {
  level: { nb: 'Nivå', nn: 'Nivå', en: 'Level' },
  name: { nb: 'Navn', nn: 'Namn', en: 'Name' },
  series: { nb: 'Kurve', nn: 'Kurve', en: 'Curve' },
  planned: { nb: 'Planlagt', nn: 'Planlagd', en: 'Planned' },
  realized: { nb: 'Målt', nn: 'Målt', en: 'Measured' },
  date: { nb: 'Dato', nn: 'Dato', en: 'Date' },
  value: { nb: 'Verdi', nn: 'Verdi', en: 'Value' },
  measuredCount: { nb: 'Kommuner som har målt', nn: 'Kommunar som har målt', en: 'Municipalities measured' },
  sum: { nb: 'Sum av {count} kommuneplaner', nn: 'Sum av {count} kommuneplanar', en: 'Sum of {count} municipal plans' },
  notSummed: {
    nb: 'Ikke summert: enheten kan ikke legges sammen',
    nn: 'Ikkje summert: eininga kan ikkje leggjast saman',
    en: 'Not summed: the unit cannot be added up',
  },
  benefit: { nb: 'Nyttevirkning', nn: 'Nyttverknad', en: 'Benefit' },
  project: { nb: 'Prosjekt', nn: 'Prosjekt', en: 'Project' },
  focusArea: { nb: 'Innsatsområde', nn: 'Innsatsområde', en: 'Focus area' },
  network: { nb: 'Nettverket', nn: 'Nettverket', en: 'The network' },
  indicator: { nb: 'Indikator', nn: 'Indikator', en: 'Indicator' },
  unit: { nb: 'Enhet', nn: 'Eining', en: 'Unit' },
  municipality: { nb: 'Kommune', nn: 'Kommune', en: 'Municipality' },
  withoutFocusArea: { nb: 'Uten innsatsområde', nn: 'Utan innsatsområde', en: 'Without focus area' },
} satisfies Record<string, Terms>;
