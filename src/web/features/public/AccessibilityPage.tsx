import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { Language } from '../../../shared/i18n/languages.ts';
import type { AccessibilityStatement, DeviationKey } from '../../../shared/accessibility/schema.ts';
import { useApi } from '../../app/api.ts';
import { fmt, useI18n } from '../../app/i18n/index.tsx';
import { Page } from '../../app/Page.tsx';
import { LoadState } from '../../app/ui.tsx';

const SUPERVISOR = 'https://www.uutilsynet.no/';

/** WCAG 2.1 success criteria by their names in each language (Digdir's Norwegian names). */
const CRITERIA: Record<string, Record<Language, string>> = {
  '1.1.1': { nb: 'Ikke-tekstlig innhold', nn: 'Ikkje-tekstleg innhald', en: 'Non-text Content' },
  '1.3.1': { nb: 'Informasjon og relasjoner', nn: 'Informasjon og relasjonar', en: 'Info and Relationships' },
  '2.4.2': { nb: 'Sidetitler', nn: 'Sidetitlar', en: 'Page Titled' },
};

const nb = {
  title: 'Tilgjengelighetserklæring',
  intro:
    'Digiregion skal være universelt utformet, slik likestillings- og diskrimineringsloven § 18 og forskrift om universell utforming av IKT-løsninger krever. Kravet er WCAG 2.1 nivå A og AA, med de unntakene forskriften gir.',
  coveredTitle: 'Hva erklæringen gjelder',
  covered:
    'Erklæringen gjelder hele løsningen på {url}: sidene for innloggede brukere, de offentlige innsynssidene, og dokumentene løsningen lager (innkallinger, saksframlegg, protokoller, strategier og rapporter). Filer som brukerne selv laster opp, som vedlegg til saker, lager løsningen ikke.',
  statusTitle: 'Status',
  status: 'Løsningen oppfyller delvis kravene: avvikene under er kjent og skal rettes.',
  testedTitle: 'Slik er løsningen testet',
  tested:
    'Hver side-type testes automatisk med axe på bokmål, nynorsk og engelsk ved hver endring, og sidene brukes med tastatur alene i de automatiske brukerreisene.',
  deviationsTitle: 'Kjente avvik',
  criteria: 'Bryter WCAG-kriterium',
  deviations: {
    uploadedDocuments:
      'Vedlegg som brukerne laster opp (for eksempel PDF-er fra andre systemer), kontrollerer ikke løsningen. De kan mangle tekstalternativ, struktur og tittel.',
  } satisfies Record<DeviationKey, string>,
  reportTitle: 'Meld fra om avvik',
  reportContact: 'Finner du noe som ikke er tilgjengelig, skriv til {contact}. Vi svarer så raskt vi kan.',
  reportNoContact: 'Finner du noe som ikke er tilgjengelig, ta kontakt med sekretariatet i samarbeidet som bruker løsningen.',
  supervisor: 'Får du ikke svar, eller er du ikke fornøyd med svaret, kan du klage til Tilsynet for universell utforming av IKT (Digdir):',
  supervisorLink: 'uutilsynet.no',
  reviewed: 'Erklæringen ble sist gjennomgått {date}.',
};
type AccessibilityMessages = typeof nb;

const nn: AccessibilityMessages = {
  title: 'Tilgjengeerklæring',
  intro:
    'Digiregion skal vere universelt utforma, slik likestillings- og diskrimineringslova § 18 og forskrift om universell utforming av IKT-løysingar krev. Kravet er WCAG 2.1 nivå A og AA, med dei unntaka forskrifta gjev.',
  coveredTitle: 'Kva erklæringa gjeld',
  covered:
    'Erklæringa gjeld heile løysinga på {url}: sidene for innlogga brukarar, dei offentlege innsynssidene, og dokumenta løysinga lagar (innkallingar, saksframlegg, protokollar, strategiar og rapportar). Filer som brukarane sjølve lastar opp, som vedlegg til saker, lagar ikkje løysinga.',
  statusTitle: 'Status',
  status: 'Løysinga oppfyller delvis krava: avvika under er kjende og skal rettast.',
  testedTitle: 'Slik er løysinga testa',
  tested:
    'Kvar sidetype vert testa automatisk med axe på bokmål, nynorsk og engelsk ved kvar endring, og sidene vert brukte med tastatur åleine i dei automatiske brukarreisene.',
  deviationsTitle: 'Kjende avvik',
  criteria: 'Bryt WCAG-kriterium',
  deviations: {
    uploadedDocuments:
      'Vedlegg som brukarane lastar opp (til dømes PDF-ar frå andre system), kontrollerer ikkje løysinga. Dei kan mangle tekstalternativ, struktur og tittel.',
  },
  reportTitle: 'Meld frå om avvik',
  reportContact: 'Finn du noko som ikkje er tilgjengeleg, skriv til {contact}. Vi svarar så snart vi kan.',
  reportNoContact: 'Finn du noko som ikkje er tilgjengeleg, ta kontakt med sekretariatet i samarbeidet som brukar løysinga.',
  supervisor: 'Får du ikkje svar, eller er du ikkje nøgd med svaret, kan du klage til Tilsynet for universell utforming av IKT (Digdir):',
  supervisorLink: 'uutilsynet.no',
  reviewed: 'Erklæringa vart sist gjennomgått {date}.',
};

const en: AccessibilityMessages = {
  title: 'Accessibility statement',
  intro:
    'Digiregion must be universally designed, as the Norwegian Equality and Anti-Discrimination Act § 18 and the regulation on universal design of ICT solutions require: WCAG 2.1 levels A and AA, with the exceptions the regulation gives.',
  coveredTitle: 'What this statement covers',
  covered:
    'The statement covers the whole solution at {url}: the pages for signed-in users, the public pages, and the documents the solution makes (summonses, case papers, minutes, strategies and reports). Files that users upload themselves, such as attachments to cases, are not made by the solution.',
  statusTitle: 'Status',
  status: 'The solution partly meets the requirements: the deviations below are known and will be fixed.',
  testedTitle: 'How the solution is tested',
  tested:
    'Every kind of page is tested automatically with axe in Bokmål, Nynorsk and English on every change, and the pages are used with the keyboard alone in the automated user journeys.',
  deviationsTitle: 'Known deviations',
  criteria: 'Fails WCAG success criterion',
  deviations: {
    uploadedDocuments:
      'Attachments that users upload (for example PDFs from other systems) are not checked by the solution. They may lack text alternatives, structure and a title.',
  },
  reportTitle: 'Report a deviation',
  reportContact: 'If you find something that is not accessible, write to {contact}. We answer as soon as we can.',
  reportNoContact: 'If you find something that is not accessible, contact the secretariat of the collaboration that uses the solution.',
  supervisor:
    'If you get no answer, or are not satisfied with the answer, you may complain to the Norwegian Authority for Universal Design of ICT (Digdir):',
  supervisorLink: 'uutilsynet.no',
  reviewed: 'The statement was last reviewed on {date}.',
};

const CATALOG: Record<Language, AccessibilityMessages> = { nb, nn, en };

/** `/tilgjengelighet`: the installation's accessibility statement, in the form Digdir's uustatus asks for. */
export function AccessibilityPage() {
  const { lang, date } = useI18n();
  const am = CATALOG[lang];
  const statement = useApi<AccessibilityStatement>('/public/accessibility');
  return (
    <Page title={am.title}>
      <LoadState loaded={statement}>
        {(s) => (
          <>
            <Paragraph>{am.intro}</Paragraph>
            <Heading level={2} data-size="sm">
              {am.coveredTitle}
            </Heading>
            <Paragraph>{fmt(am.covered, { url: s.url.replace(/\/tilgjengelighet$/, '') })}</Paragraph>
            <Heading level={2} data-size="sm">
              {am.statusTitle}
            </Heading>
            <Paragraph>{am.status}</Paragraph>
            <Heading level={2} data-size="sm">
              {am.deviationsTitle}
            </Heading>
            <ul>
              {s.deviations.map((d) => (
                <li key={d.key}>
                  <Paragraph>{am.deviations[d.key as DeviationKey] ?? d.key}</Paragraph>
                  <Paragraph data-size="sm">
                    {am.criteria}: {d.criteria.map((c) => `${c} ${CRITERIA[c]?.[lang] ?? ''}`.trim()).join(', ')}
                  </Paragraph>
                </li>
              ))}
            </ul>
            <Heading level={2} data-size="sm">
              {am.testedTitle}
            </Heading>
            <Paragraph>{am.tested}</Paragraph>
            <Heading level={2} data-size="sm">
              {am.reportTitle}
            </Heading>
            {s.contact ? (
              <Paragraph>
                {am.reportContact.split('{contact}')[0]}
                <Link href={`mailto:${s.contact}`}>{s.contact}</Link>
                {am.reportContact.split('{contact}')[1]}
              </Paragraph>
            ) : (
              <Paragraph>{am.reportNoContact}</Paragraph>
            )}
            <Paragraph>
              {am.supervisor} <Link href={SUPERVISOR}>{am.supervisorLink}</Link>
            </Paragraph>
            <Paragraph>{fmt(am.reviewed, { date: date(s.reviewedOn) })}</Paragraph>
          </>
        )}
      </LoadState>
    </Page>
  );
}
