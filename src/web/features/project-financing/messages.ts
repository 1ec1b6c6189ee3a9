import type { SplitMethod } from '../../../shared/finance/cost-split.ts';
import type { FinancingSourceKind, SplitReason } from '../../../shared/finance/project-financing.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import { useI18n } from '../../app/i18n/index.tsx';

/**
 * The financing section's texts. Bokmål is the source: its shape is the type nynorsk and English must match. The
 * field labels are the server's (`shared/i18n/server-messages.ts`, scope `projectFinancing`), so a problem reads the
 * same from either side.
 */
const nb = {
  kinds: {
    grant: 'Tilskudd',
    networkBudget: 'Nettverkets budsjett',
    municipalities: 'Deltakerkommunene',
    other: 'Annet',
  } satisfies Record<FinancingSourceKind, string>,
  methods: {
    equal: 'likt mellom kommunene',
    population: 'etter innbyggertall',
    agreed: 'etter avtalt prosentfordeling',
  } satisfies Record<SplitMethod, string>,
  reasons: {
    financingChanged: 'Finansieringen ble endret',
    municipalityJoined: '{name} ble med',
    municipalityLeft: '{name} gikk ut',
  } satisfies Record<SplitReason, string>,
  heading: 'Finansiering',
  intro:
    'Hva prosjektet koster, hvem som betaler, og hvordan deltakerkommunenes andel fordeles mellom kommunene som er med. Fordelingen regnes ut på nytt når finansieringen endres og når en kommune blir med eller går ut.',
  none: 'Finansieringen er ikke satt ennå.',
  sourcesCaption: 'Finansieringskilder for {reference}',
  kind: 'Type',
  name: 'Navn',
  amount: 'Beløp',
  total: 'Sum',
  costTotal: 'Totalkostnad',
  method: 'Fordelingsmåte',
  splitHeading: 'Kostnadsfordeling',
  splitIntro: 'Deltakerkommunenes andel, {amount}, fordelt {method}.',
  splitCaption: 'Kostnadsfordeling mellom kommunene for {reference}',
  noParticipants: 'Ingen kommuner er med i prosjektet ennå, så deltakerkommunenes andel er ikke fordelt.',
  municipality: 'Kommune',
  population: 'Innbyggere',
  share: 'Avtalt andel',
  computed: '{reason} – regnet ut {when} av {who}.',
  computedBySystem: '{reason} – regnet ut {when}.',
  historyHeading: 'Tidligere fordelinger ({count})',
  historyCaption: 'Fordelingen {when}',
  downloadXlsx: 'Last ned kostnadsfordelingen (Excel)',
  downloadCsv: 'Last ned kostnadsfordelingen (CSV)',
  edit: 'Endre finansieringen',
  set: 'Sett finansieringen',
  dialogTitle: 'Finansiering av prosjektet',
  sources: 'Finansieringskilder',
  sourcesDescription:
    'Kildene må til sammen bli lik totalkostnaden. Kilder av typen «Deltakerkommunene» fordeles mellom kommunene som er med.',
  source: 'Kilde {n}',
  addSource: 'Legg til kilde',
  removeSource: 'Fjern kilde {n}',
  sourceKind: 'Type kilde {n}',
  sourceName: 'Navn på kilde {n}',
  sourceAmount: 'Beløp for kilde {n} (kr)',
  costTotalField: 'Totalkostnad (kr)',
  percentages: 'Avtalt prosentfordeling',
  percentagesDescription: 'Prosent for hver kommune som er med, til sammen 100. Opptil to desimaler.',
  percentFor: '{name} (%)',
  save: 'Lagre finansieringen',
  saved: 'Finansieringen er lagret, og kostnaden er fordelt på nytt.',
};
export type FinancingMessages = typeof nb;

const nn: FinancingMessages = {
  kinds: { grant: 'Tilskot', networkBudget: 'Budsjettet til nettverket', municipalities: 'Deltakarkommunane', other: 'Anna' },
  methods: { equal: 'likt mellom kommunane', population: 'etter innbyggjartal', agreed: 'etter avtalt prosentfordeling' },
  reasons: { financingChanged: 'Finansieringa vart endra', municipalityJoined: '{name} vart med', municipalityLeft: '{name} gjekk ut' },
  heading: 'Finansiering',
  intro:
    'Kva prosjektet kostar, kven som betaler, og korleis delen til deltakarkommunane blir fordelt mellom kommunane som er med. Fordelinga blir rekna ut på nytt når finansieringa blir endra og når ein kommune blir med eller går ut.',
  none: 'Finansieringa er ikkje sett enno.',
  sourcesCaption: 'Finansieringskjelder for {reference}',
  kind: 'Type',
  name: 'Namn',
  amount: 'Beløp',
  total: 'Sum',
  costTotal: 'Totalkostnad',
  method: 'Fordelingsmåte',
  splitHeading: 'Kostnadsfordeling',
  splitIntro: 'Delen til deltakarkommunane, {amount}, fordelt {method}.',
  splitCaption: 'Kostnadsfordeling mellom kommunane for {reference}',
  noParticipants: 'Ingen kommunar er med i prosjektet enno, så delen til deltakarkommunane er ikkje fordelt.',
  municipality: 'Kommune',
  population: 'Innbyggjarar',
  share: 'Avtalt del',
  computed: '{reason} – rekna ut {when} av {who}.',
  computedBySystem: '{reason} – rekna ut {when}.',
  historyHeading: 'Tidlegare fordelingar ({count})',
  historyCaption: 'Fordelinga {when}',
  downloadXlsx: 'Last ned kostnadsfordelinga (Excel)',
  downloadCsv: 'Last ned kostnadsfordelinga (CSV)',
  edit: 'Endre finansieringa',
  set: 'Set finansieringa',
  dialogTitle: 'Finansiering av prosjektet',
  sources: 'Finansieringskjelder',
  sourcesDescription:
    'Kjeldene må til saman bli lik totalkostnaden. Kjelder av typen «Deltakarkommunane» blir fordelte mellom kommunane som er med.',
  source: 'Kjelde {n}',
  addSource: 'Legg til kjelde',
  removeSource: 'Fjern kjelde {n}',
  sourceKind: 'Type kjelde {n}',
  sourceName: 'Namn på kjelde {n}',
  sourceAmount: 'Beløp for kjelde {n} (kr)',
  costTotalField: 'Totalkostnad (kr)',
  percentages: 'Avtalt prosentfordeling',
  percentagesDescription: 'Prosent for kvar kommune som er med, til saman 100. Opptil to desimalar.',
  percentFor: '{name} (%)',
  save: 'Lagre finansieringa',
  saved: 'Finansieringa er lagra, og kostnaden er fordelt på nytt.',
};

const en: FinancingMessages = {
  kinds: { grant: 'Grant', networkBudget: 'Network budget', municipalities: 'Participating municipalities', other: 'Other' },
  methods: { equal: 'equally among the municipalities', population: 'by population', agreed: 'by agreed percentages' },
  reasons: { financingChanged: 'The financing was changed', municipalityJoined: '{name} joined', municipalityLeft: '{name} left' },
  heading: 'Financing',
  intro:
    'What the project costs, who pays, and how the participating municipalities’ part is split among the municipalities taking part. The split is computed again when the financing changes and when a municipality joins or leaves.',
  none: 'The financing has not been set yet.',
  sourcesCaption: 'Financing sources of {reference}',
  kind: 'Kind',
  name: 'Name',
  amount: 'Amount',
  total: 'Total',
  costTotal: 'Total cost',
  method: 'Split method',
  splitHeading: 'Cost split',
  splitIntro: 'The participating municipalities’ part, {amount}, split {method}.',
  splitCaption: 'Cost split among the municipalities of {reference}',
  noParticipants: 'No municipality takes part in the project yet, so the municipalities’ part is not split.',
  municipality: 'Municipality',
  population: 'Population',
  share: 'Agreed share',
  computed: '{reason} – computed {when} by {who}.',
  computedBySystem: '{reason} – computed {when}.',
  historyHeading: 'Earlier splits ({count})',
  historyCaption: 'The split of {when}',
  downloadXlsx: 'Download the cost split (Excel)',
  downloadCsv: 'Download the cost split (CSV)',
  edit: 'Change the financing',
  set: 'Set the financing',
  dialogTitle: 'Financing of the project',
  sources: 'Financing sources',
  sourcesDescription:
    'The sources must add up to the total cost. Sources of the kind «Participating municipalities» are split among the municipalities taking part.',
  source: 'Source {n}',
  addSource: 'Add a source',
  removeSource: 'Remove source {n}',
  sourceKind: 'Kind of source {n}',
  sourceName: 'Name of source {n}',
  sourceAmount: 'Amount of source {n} (NOK)',
  costTotalField: 'Total cost (NOK)',
  percentages: 'Agreed percentages',
  percentagesDescription: 'A percentage for each municipality taking part, 100 in all. Up to two decimals.',
  percentFor: '{name} (%)',
  save: 'Save the financing',
  saved: 'The financing has been saved, and the cost split again.',
};

const CATALOG: Record<Language, FinancingMessages> = { nb, nn, en };

export function useFinancingMessages(): FinancingMessages {
  const { lang } = useI18n();
  return CATALOG[lang];
}
