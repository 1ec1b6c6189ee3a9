import type { RequestContext } from '../../context.ts';
import { notFound } from '../../errors.ts';
import * as repo from './repo.ts';

/**
 * A network's open data described as a DCAT-AP-NO 3 catalogue (JSON-LD), for data.norge.no to harvest: every public
 * dataset the API serves, each distribution with its media type and the NLOD 2.0 licence, the host municipality as
 * publisher by its organisation number. Only what is public today is listed: the mapping's two datasets only while the
 * network publishes them.
 */

const EU = 'http://publications.europa.eu/resource/authority';
export const NLOD = 'http://data.norge.no/nlod/no/2.0';
const THEME_GOVERNMENT = `${EU}/data-theme/GOVE`;
const THEME_TECHNOLOGY = `${EU}/data-theme/TECH`;
const PUBLIC_ACCESS = `${EU}/access-right/PUBLIC`;
const BOKMAL = `${EU}/language/NOB`;
const NYNORSK = `${EU}/language/NNO`;
const FREQUENCY = { continuous: `${EU}/frequency/CONT`, irregular: `${EU}/frequency/IRREG` } as const;
const MEDIA = {
  json: { mediaType: 'https://www.iana.org/assignments/media-types/application/json', format: `${EU}/file-type/JSON` },
  csv: { mediaType: 'https://www.iana.org/assignments/media-types/text/csv', format: `${EU}/file-type/CSV` },
  xml: { mediaType: 'https://www.iana.org/assignments/media-types/application/xml', format: `${EU}/file-type/XML` },
  // The EU file-type list has no iCalendar entry: the media type says it alone.
  ical: { mediaType: 'https://www.iana.org/assignments/media-types/text/calendar', format: null },
} as const;
/** Felles datakatalog's address of an organisation, the form DCAT-AP-NO's own examples use for a publisher. */
const organisationIri = (organizationNumber: string) =>
  `https://organization-catalog.fellesdatakatalog.digdir.no/organizations/${organizationNumber}`;

export const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

type Text = { nb: string; en: string };
type Media = keyof typeof MEDIA;
interface Distribution {
  title: Text;
  url: string;
  media: Media;
  conformsTo?: string;
}
interface Dataset {
  key: string;
  title: Text;
  description: Text;
  keywords: Text[];
  themes: string[];
  frequency: keyof typeof FREQUENCY;
  landingPage: string;
  distributions: Distribution[];
}

const lang = (text: Text) => [
  { '@value': text.nb, '@language': 'nb' },
  { '@value': text.en, '@language': 'en' },
];
const iri = (value: string) => ({ '@id': value });

export const cataloguePath = (slug: string) => `/api/public/networks/${encodeURIComponent(slug)}/catalogue`;

export async function networkCatalogue(ctx: RequestContext, slug: string, publicUrl: string, today = new Date()) {
  const network = await repo.findNetworkBySlug(ctx.db, slug);
  if (!network) throw notFound();
  const [host, mapping, bodyRows] = await Promise.all([
    repo.findHost(ctx.db, network.id),
    repo.readMappingPublication(ctx.db, network.id),
    repo.listBodies(ctx.db, network.id),
  ]);
  const api = `${publicUrl}/api`;
  const page = `${publicUrl}/innsyn/n/${encodeURIComponent(network.slug)}`;
  const self = `${publicUrl}${cataloguePath(network.slug)}`;
  const year = Number(today.toISOString().slice(0, 4));
  const name = network.name;

  const datasets: Dataset[] = [
    {
      key: 'moter',
      title: { nb: `Møter, saker og vedtak i ${name}`, en: `Meetings, cases and decisions of ${name}` },
      description: {
        nb: `Møteplan, sakskart, protokoller og vedtak fra de politiske og administrative organene i ${name}, som OParl 1.1, som møtemapper i eInnsyns form (Noark 5) og som kalender per organ. Saker unntatt offentlighet er med bare med offentlig tittel.`,
        en: `Meeting calendar, agendas, minutes and decisions of the political and administrative bodies of ${name}, as OParl 1.1, as meeting folders in the form eInnsyn takes (Noark 5) and as a calendar per body. Cases exempt from public access are included by their public title only.`,
      },
      keywords: [
        { nb: 'møter', en: 'meetings' },
        { nb: 'vedtak', en: 'decisions' },
        { nb: 'interkommunalt samarbeid', en: 'inter-municipal cooperation' },
      ],
      themes: [THEME_GOVERNMENT],
      frequency: 'continuous',
      landingPage: page,
      distributions: [
        {
          title: { nb: 'OParl 1.1 (JSON)', en: 'OParl 1.1 (JSON)' },
          url: `${api}/oparl/v1/bodies/${network.id}`,
          media: 'json',
          conformsTo: 'https://oparl.org/spezifikation/',
        },
        {
          title: {
            nb: `Møtemapper for ${year} i eInnsyns form (Noark 5, XML)`,
            en: `Meeting folders of ${year} in the form eInnsyn takes (Noark 5, XML)`,
          },
          url: `${api}/public/networks/${encodeURIComponent(network.slug)}/einnsyn?from=${year}-01-01&to=${year}-12-31`,
          media: 'xml',
          conformsTo: 'https://www.arkivverket.no/forvaltning-og-utvikling/regelverk-og-standarder/noark-standarden',
        },
        ...bodyRows.map((body) => ({
          title: { nb: `Møtekalender for ${body.name} (iCalendar)`, en: `Meeting calendar of ${body.name} (iCalendar)` },
          url: `${api}/public/bodies/${body.id}/calendar.ics`,
          media: 'ical' as const,
          conformsTo: 'https://www.rfc-editor.org/rfc/rfc5545',
        })),
      ],
    },
    {
      key: 'strategier',
      title: { nb: `Vedtatte strategier for ${name}`, en: `Adopted strategies of ${name}` },
      description: {
        nb: `De publiserte versjonene av samarbeidets strategier med mål og tiltak, og hvilke kommuner som har vedtatt dem.`,
        en: `The published versions of the collaboration's strategies with their goals and measures, and which municipalities adopted them.`,
      },
      keywords: [{ nb: 'strategi', en: 'strategy' }],
      themes: [THEME_GOVERNMENT],
      frequency: 'irregular',
      landingPage: `${page}/strategi`,
      distributions: [
        {
          title: { nb: 'Strategier (JSON)', en: 'Strategies (JSON)' },
          url: `${api}/public/networks/${encodeURIComponent(network.slug)}/strategies`,
          media: 'json',
        },
      ],
    },
    {
      key: 'portefolje',
      title: { nb: `Prosjektportefølje for ${name}`, en: `Project portfolio of ${name}` },
      description: {
        nb: `Samarbeidets prosjekter med fase, status, deltakende kommuner og gevinster.`,
        en: `The collaboration's projects with their phase, status, participating municipalities and benefits.`,
      },
      keywords: [{ nb: 'prosjekter', en: 'projects' }],
      themes: [THEME_GOVERNMENT],
      frequency: 'continuous',
      landingPage: `${page}/prosjekter`,
      distributions: [
        {
          title: { nb: 'Prosjekter (JSON)', en: 'Projects (JSON)' },
          url: `${api}/public/networks/${encodeURIComponent(network.slug)}/projects`,
          media: 'json',
        },
      ],
    },
  ];
  const mappingBase = `${api}/public/networks/${encodeURIComponent(network.slug)}/mapping`;
  if (mapping.adoption) {
    datasets.push({
      key: 'tjenestematrise',
      title: { nb: `Kommunenes bruk av felles løsninger i ${name}`, en: `The municipalities' use of shared solutions in ${name}` },
      description: {
        nb: 'Hvilke nasjonale fellesløsninger hver medlemskommune har tatt i bruk, planlegger eller ikke bruker.',
        en: 'Which national shared solutions each member municipality uses, plans to use or does not use.',
      },
      keywords: [{ nb: 'fellesløsninger', en: 'shared solutions' }],
      themes: [THEME_GOVERNMENT, THEME_TECHNOLOGY],
      frequency: 'irregular',
      landingPage: `${page}/kartlegging`,
      distributions: [
        { title: { nb: 'Matrise (JSON)', en: 'Matrix (JSON)' }, url: `${mappingBase}/adoption?format=json`, media: 'json' },
        { title: { nb: 'Matrise (CSV)', en: 'Matrix (CSV)' }, url: `${mappingBase}/adoption?format=csv`, media: 'csv' },
      ],
    });
  }
  if (mapping.landscape) {
    datasets.push({
      key: 'applikasjonslandskap',
      title: { nb: `Applikasjonslandskapet i ${name}`, en: `The application landscape of ${name}` },
      description: {
        nb: 'Fagsystemene medlemskommunene bruker, per produkt med leverandør og kommunene som bruker det.',
        en: 'The applications the member municipalities use, per product with its vendor and the municipalities using it.',
      },
      keywords: [{ nb: 'fagsystemer', en: 'applications' }],
      themes: [THEME_TECHNOLOGY],
      frequency: 'irregular',
      landingPage: `${page}/kartlegging`,
      distributions: [
        { title: { nb: 'Landskap (JSON)', en: 'Landscape (JSON)' }, url: `${mappingBase}/landscape?format=json`, media: 'json' },
        { title: { nb: 'Landskap (CSV)', en: 'Landscape (CSV)' }, url: `${mappingBase}/landscape?format=csv`, media: 'csv' },
      ],
    });
  }

  // Without a host municipality (or its organisation number) the network itself is the publisher, by its public page.
  const publisher =
    host?.organizationNumber != null
      ? {
          '@id': organisationIri(host.organizationNumber),
          '@type': 'foaf:Agent',
          'foaf:name': host.name,
          'dct:identifier': host.organizationNumber,
        }
      : { '@id': page, '@type': 'foaf:Agent', 'foaf:name': name };
  const contactPoint = {
    '@id': `${self}#kontakt`,
    '@type': 'vcard:Organization',
    'vcard:fn': `${name}, sekretariatet`,
    'vcard:hasURL': iri(page),
  };
  const searchService = {
    '@id': `${self}#vedtakssok`,
    '@type': 'dcat:DataService',
    'dct:title': lang({ nb: `Søk i vedtakene i ${name}`, en: `Search in the decisions of ${name}` }),
    'dct:description': lang({
      nb: 'Fulltekstsøk i publiserte saker og vedtak (parametrene q og network); beskrevet i API-ets OpenAPI-dokument.',
      en: 'Full-text search in published cases and decisions (parameters q and network); described in the API’s OpenAPI document.',
    }),
    'dcat:endpointURL': iri(`${api}/public/search`),
    'dcat:endpointDescription': iri(`${api}/docs/json`),
    'dcat:servesDataset': iri(`${self}#moter`),
    'dct:publisher': iri(publisher['@id']),
    'dcat:contactPoint': iri(contactPoint['@id']),
    'dct:license': iri(NLOD),
    'dct:accessRights': iri(PUBLIC_ACCESS),
  };

  return {
    '@context': CONTEXT,
    '@graph': [
      {
        '@id': self,
        '@type': 'dcat:Catalog',
        'dct:title': lang({ nb: `Åpne data fra ${name}`, en: `Open data from ${name}` }),
        'dct:description': lang({
          nb: `Datasettene ${name} publiserer som åpne data: møter og vedtak, strategier, prosjektportefølje og kartlegging av kommunenes digitale løsninger.`,
          en: `The datasets ${name} publishes as open data: meetings and decisions, strategies, the project portfolio and the mapping of the municipalities' digital solutions.`,
        }),
        'dct:publisher': iri(publisher['@id']),
        'dcat:contactPoint': iri(contactPoint['@id']),
        'foaf:homepage': iri(page),
        'dct:license': iri(NLOD),
        'dct:language': [iri(BOKMAL), iri(NYNORSK)],
        'dcat:themeTaxonomy': iri(`${EU}/data-theme`),
        'dcat:dataset': datasets.map((d) => iri(`${self}#${d.key}`)),
        'dcat:service': [iri(searchService['@id'])],
      },
      publisher,
      contactPoint,
      searchService,
      ...datasets.map((d) => ({
        '@id': `${self}#${d.key}`,
        '@type': 'dcat:Dataset',
        'dct:title': lang(d.title),
        'dct:description': lang(d.description),
        'dcat:keyword': d.keywords.flatMap(lang),
        'dcat:theme': d.themes.map(iri),
        'dct:publisher': iri(publisher['@id']),
        'dcat:contactPoint': iri(contactPoint['@id']),
        'dct:accessRights': iri(PUBLIC_ACCESS),
        'dct:accrualPeriodicity': iri(FREQUENCY[d.frequency]),
        'dct:language': [iri(BOKMAL), iri(NYNORSK)],
        'dcat:landingPage': iri(d.landingPage),
        'dcat:distribution': d.distributions.map((x, index) => ({
          '@id': `${self}#${d.key}-${index + 1}`,
          '@type': 'dcat:Distribution',
          'dct:title': lang(x.title),
          'dcat:accessURL': iri(x.url),
          'dcat:downloadURL': iri(x.url),
          'dcat:mediaType': iri(MEDIA[x.media].mediaType),
          ...(MEDIA[x.media].format ? { 'dct:format': iri(MEDIA[x.media].format!) } : {}),
          'dct:license': iri(NLOD),
          ...(x.conformsTo ? { 'dct:conformsTo': iri(x.conformsTo) } : {}),
        })),
      })),
    ],
  };
}
