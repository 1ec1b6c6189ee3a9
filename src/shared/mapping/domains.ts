import type { Language } from '../i18n/languages.ts';

/**
 * Application domains on two levels (Helse og omsorg → EPJ). A product belongs to one domain key,
 * either a main domain («helse») or one of its subdomains («helse.epj»). The keys are stable: they
 * are stored on products and used in spreadsheets and open data, so a key is never renamed.
 */
export interface Domain {
  key: string;
  /** The main domain a subdomain belongs to; null for a main domain. */
  parent: string | null;
  label: Record<Language, string>;
}

const main = (key: string, nb: string, nn: string, en: string): Domain => ({ key, parent: null, label: { nb, nn, en } });
const sub = (parent: string, key: string, nb: string, nn: string, en: string): Domain => ({
  key: `${parent}.${key}`,
  parent,
  label: { nb, nn, en },
});

export const DOMAINS: readonly Domain[] = [
  main('helse', 'Helse og omsorg', 'Helse og omsorg', 'Health and care'),
  sub('helse', 'epj', 'Pasientjournal (EPJ)', 'Pasientjournal (EPJ)', 'Patient records (EPR)'),
  sub('helse', 'legekontor', 'Legekontor og legevakt', 'Legekontor og legevakt', 'GP and emergency clinics'),
  sub('helse', 'helsestasjon', 'Helsestasjon og skolehelse', 'Helsestasjon og skulehelse', 'Child health clinics'),
  sub('helse', 'velferdsteknologi', 'Velferdsteknologi', 'Velferdsteknologi', 'Welfare technology'),
  main('sakarkiv', 'Sak/arkiv', 'Sak/arkiv', 'Case management and archive'),
  sub('sakarkiv', 'sak', 'Sak- og arkivsystem', 'Sak- og arkivsystem', 'Case and records system'),
  sub('sakarkiv', 'politisk', 'Politisk saksbehandling', 'Politisk saksbehandling', 'Political case handling'),
  sub('sakarkiv', 'innsyn', 'Postjournal og innsyn', 'Postjournal og innsyn', 'Public records and access'),
  main('okonomi', 'Økonomi', 'Økonomi', 'Finance'),
  sub('okonomi', 'regnskap', 'Regnskap og budsjett', 'Rekneskap og budsjett', 'Accounting and budget'),
  sub('okonomi', 'innkjop', 'Innkjøp og e-handel', 'Innkjøp og e-handel', 'Procurement and e-commerce'),
  sub('okonomi', 'eiendomsskatt', 'Eiendomsskatt og kommunale avgifter', 'Eigedomsskatt og kommunale avgifter', 'Property tax and fees'),
  main('hr', 'HR/lønn', 'HR/løn', 'HR and payroll'),
  sub('hr', 'lonn', 'Lønn og personal', 'Løn og personal', 'Payroll and personnel'),
  sub('hr', 'turnus', 'Turnus og bemanning', 'Turnus og bemanning', 'Rostering'),
  main('oppvekst', 'Oppvekst', 'Oppvekst', 'Education and childhood'),
  sub('oppvekst', 'skole', 'Skole', 'Skule', 'School'),
  sub('oppvekst', 'barnehage', 'Barnehage', 'Barnehage', 'Kindergarten'),
  sub('oppvekst', 'barnevern', 'Barnevern', 'Barnevern', 'Child welfare'),
  sub('oppvekst', 'ppt', 'PP-tjeneste', 'PP-teneste', 'Educational psychology service'),
  main('plan', 'Plan/bygg/geodata', 'Plan/bygg/geodata', 'Planning, building and geodata'),
  sub('plan', 'byggesak', 'Byggesak', 'Byggesak', 'Building permits'),
  sub('plan', 'arealplan', 'Arealplan', 'Arealplan', 'Land-use planning'),
  sub('plan', 'gis', 'Kart og GIS', 'Kart og GIS', 'Maps and GIS'),
  main('teknisk', 'Teknisk', 'Teknisk', 'Technical services'),
  sub('teknisk', 'vann', 'Vann og avløp', 'Vatn og avløp', 'Water and sewage'),
  sub('teknisk', 'fdv', 'Eiendomsforvaltning (FDV)', 'Eigedomsforvaltning (FDV)', 'Facility management'),
  main('kultur', 'Kultur', 'Kultur', 'Culture'),
  sub('kultur', 'bibliotek', 'Bibliotek', 'Bibliotek', 'Library'),
  sub('kultur', 'kulturskole', 'Kulturskole', 'Kulturskule', 'Arts school'),
  sub('kultur', 'booking', 'Utleie og booking', 'Utleige og booking', 'Rental and booking'),
  main('felles', 'Felles verktøy', 'Felles verktøy', 'Shared tools'),
  sub('felles', 'kontor', 'Kontorstøtte og samhandling', 'Kontorstøtte og samhandling', 'Office and collaboration'),
  sub('felles', 'innbyggerdialog', 'Skjema og innbyggerdialog', 'Skjema og innbyggardialog', 'Forms and citizen dialogue'),
  sub('felles', 'drift', 'IT-drift og sikkerhet', 'IT-drift og tryggleik', 'IT operations and security'),
];

export const DOMAIN_KEYS = DOMAINS.map((d) => d.key) as [string, ...string[]];
const byKey = new Map(DOMAINS.map((d) => [d.key, d]));

export const domainOf = (key: string): Domain | undefined => byKey.get(key);

/** The main domain a key belongs to: «helse.epj» → «helse». */
export const mainDomainKey = (key: string) => byKey.get(key)?.parent ?? key;

/** «Helse og omsorg → Pasientjournal (EPJ)», as written in lists and spreadsheets. */
export function domainPath(key: string, language: Language = 'nb'): string {
  const domain = byKey.get(key);
  if (!domain) return key;
  const parent = domain.parent ? byKey.get(domain.parent) : undefined;
  return parent ? `${parent.label[language]} → ${domain.label[language]}` : domain.label[language];
}

/** Whether `key` is `filter` or lies under it: the filter «helse» takes in «helse.epj». */
export const inDomain = (key: string, filter: string) => key === filter || key.startsWith(`${filter}.`);
