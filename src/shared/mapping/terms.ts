import type { Language } from '../i18n/languages.ts';
import type { AdoptionStatus } from './schema.ts';

/**
 * The adoption statuses in words, in the reference catalog's wording: one set for the pages, the spreadsheets
 * (which read them back), the exports and the open data, so a status is called the same everywhere.
 */
export const ADOPTION_STATUS_LABELS: Record<AdoptionStatus, Record<Language, string>> = {
  notRelevant: { nb: 'Ikke aktuelt', nn: 'Ikkje aktuelt', en: 'Not relevant' },
  notAssessed: { nb: 'Ikke vurdert', nn: 'Ikkje vurdert', en: 'Not assessed' },
  planned: { nb: 'Planlagt', nn: 'Planlagt', en: 'Planned' },
  agreementSigned: { nb: 'Avtale signert', nn: 'Avtale signert', en: 'Agreement signed' },
  inUse: { nb: 'I bruk', nn: 'I bruk', en: 'In use' },
  inUseIntegrated: { nb: 'I bruk, integrert', nn: 'I bruk, integrert', en: 'In use, integrated' },
};

/** The statuses' words in one language. */
export function adoptionStatusLabels(language: Language): Record<AdoptionStatus, string> {
  return Object.fromEntries(Object.entries(ADOPTION_STATUS_LABELS).map(([k, v]) => [k, v[language]])) as Record<AdoptionStatus, string>;
}
