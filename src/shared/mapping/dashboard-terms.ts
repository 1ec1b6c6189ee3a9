import type { Language } from '../i18n/languages.ts';
import type { AdoptionStatus } from './schema.ts';
import { adoptionStatusLabels } from './terms.ts';

/**
 * The words of the mapping dashboards in each language: the adoption statuses and the column headings of
 * the exported tables. One place for the dashboards' pages, the public pages and the server's XLSX and CSV,
 * so a status reads the same on screen and in the file.
 */
export interface DashboardTerms {
  adoptionStatuses: Record<AdoptionStatus, string>;
  /** A cell with no recorded status. */
  noStatus: string;
  columns: {
    municipalityNumber: string;
    municipality: string;
    inUse: string;
    domain: string;
    domainKey: string;
    product: string;
    vendor: string;
    municipalityCount: string;
    municipalities: string;
    productCount: string;
    standardizationCandidate: string;
    applicationCount: string;
    contractEnd: string;
    contractOptions: string;
    annualCost: string;
    procurementWindow: string;
  };
  yes: string;
  no: string;
}

export const DASHBOARD_TERMS: Record<Language, DashboardTerms> = {
  nb: {
    adoptionStatuses: adoptionStatusLabels('nb'),
    noStatus: 'Ikke registrert',
    columns: {
      municipalityNumber: 'Kommunenr.',
      municipality: 'Kommune',
      inUse: 'Bruker (antall kommuner)',
      domain: 'Fagområde',
      domainKey: 'Fagområdekode',
      product: 'Fagsystem',
      vendor: 'Leverandør',
      municipalityCount: 'Antall kommuner',
      municipalities: 'Kommuner',
      productCount: 'Antall fagsystemer',
      standardizationCandidate: 'Kandidat for standardisering',
      applicationCount: 'Antall fagsystemer',
      contractEnd: 'Avtaleutløp',
      contractOptions: 'Opsjoner',
      annualCost: 'Årlig kostnad (kr)',
      procurementWindow: 'Vindu for felles anskaffelse',
    },
    yes: 'Ja',
    no: 'Nei',
  },
  nn: {
    adoptionStatuses: adoptionStatusLabels('nn'),
    noStatus: 'Ikkje registrert',
    columns: {
      municipalityNumber: 'Kommunenr.',
      municipality: 'Kommune',
      inUse: 'Brukar (tal på kommunar)',
      domain: 'Fagområde',
      domainKey: 'Fagområdekode',
      product: 'Fagsystem',
      vendor: 'Leverandør',
      municipalityCount: 'Tal på kommunar',
      municipalities: 'Kommunar',
      productCount: 'Tal på fagsystem',
      standardizationCandidate: 'Kandidat for standardisering',
      applicationCount: 'Tal på fagsystem',
      contractEnd: 'Avtaleutløp',
      contractOptions: 'Opsjonar',
      annualCost: 'Årleg kostnad (kr)',
      procurementWindow: 'Vindauge for felles anskaffing',
    },
    yes: 'Ja',
    no: 'Nei',
  },
  en: {
    adoptionStatuses: adoptionStatusLabels('en'),
    noStatus: 'Not recorded',
    columns: {
      municipalityNumber: 'Municipality no.',
      municipality: 'Municipality',
      inUse: 'In use (municipalities)',
      domain: 'Domain',
      domainKey: 'Domain key',
      product: 'Application',
      vendor: 'Vendor',
      municipalityCount: 'Municipalities',
      municipalities: 'Municipalities',
      productCount: 'Applications',
      standardizationCandidate: 'Standardization candidate',
      applicationCount: 'Applications',
      contractEnd: 'Contract end',
      contractOptions: 'Options',
      annualCost: 'Annual cost (NOK)',
      procurementWindow: 'Joint procurement window',
    },
    yes: 'Yes',
    no: 'No',
  },
};

/**
 * When a domain is a standardization candidate: many different products for the same task (seed 004: «6 ulike
 * sak/arkiv-systemer og 8 ulike journalsystemer»), across many of the municipalities shown, with none of them a
 * standard already. Three products alone flagged 26 of 35 domains in the demo and said nothing; with a leader
 * share the domains where most municipalities already use one product (office suites, the national payroll) drop
 * out. Each network sets its own thresholds; these are the defaults and the national dashboards' rule.
 */
export interface StandardizationRule {
  /** At least this many different products in use for the domain. */
  minProducts: number;
  /** Used by at least this many of the municipalities shown. */
  minMunicipalities: number;
  /** No product used by more than this share (percent) of the municipalities that use the domain. */
  maxLeaderPercent: number;
}

export const DEFAULT_STANDARDIZATION_RULE: StandardizationRule = { minProducts: 4, minMunicipalities: 4, maxLeaderPercent: 50 };

/** A domain under the rule: its product count, how many municipalities use it, and how many use its commonest product. */
export function isStandardizationCandidate(
  domain: { productCount: number; municipalityCount: number; leaderMunicipalityCount: number },
  rule: StandardizationRule,
): boolean {
  return (
    domain.productCount >= rule.minProducts &&
    domain.municipalityCount >= rule.minMunicipalities &&
    domain.leaderMunicipalityCount * 100 <= rule.maxLeaderPercent * domain.municipalityCount
  );
}
