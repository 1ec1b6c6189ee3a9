import type { Language } from '../../../shared/i18n/languages.ts';
import type { FollowEventKind } from '../../../shared/follows/schema.ts';

/** The words of the e-mails and feeds, per language. `{x}` is filled in by fill(). */
interface Texts {
  event: Record<FollowEventKind, string>;
  decided: string;
  light: Record<string, string>;
  searchTitle: string;
  immediateSubject: string;
  digestSubject: string;
  greeting: string;
  immediateIntro: string;
  digestIntro: string;
  open: string;
  why: string;
  unsubscribe: string;
  unsubscribeAll: string;
  manage: string;
  confirmSubject: string;
  confirmText: string;
  confirmIgnore: string;
  feedTitle: string;
}

export const TEXTS: Record<Language, Texts> = {
  nb: {
    event: {
      summonsSent: '{body}: innkalling til møte {date}',
      minutesPublished: '{body}: protokollen fra møtet {date} er godkjent',
      caseDecided: '{body} har behandlet sak {number} «{title}»',
      projectDecided: '{project}: {decision}',
      statusReportPublished: '{project}: statusrapport for {period} ({light})',
    },
    decided: 'beslutningspunkt {point} er besluttet, fase nå: {phase}',
    light: { green: 'grønn', yellow: 'gul', red: 'rød' },
    searchTitle: 'Søk: «{q}»',
    immediateSubject: 'Nytt: {title}',
    digestSubject: 'Ukesoppsummering: {count} nye hendelser i det du følger',
    greeting: 'Hei,',
    immediateIntro: 'Dette har skjedd i noe du følger («{follow}»):',
    digestIntro: 'Dette har skjedd siste uke i det du følger:',
    open: 'Les mer:',
    why: 'Du får denne e-posten fordi du følger «{follow}».',
    unsubscribe: 'Slutt å følge «{follow}»:',
    unsubscribeAll: 'Slutt å følge alt i denne oppsummeringen:',
    manage: 'Endre hva du følger og hvordan du får varsel:',
    confirmSubject: 'Bekreft abonnementet ditt: {follow}',
    confirmText: 'Noen (forhåpentlig du) ba om e-post når det skjer noe i «{follow}». Bekreft at du vil ha det:',
    confirmIgnore:
      'Ba du ikke om dette, kan du se bort fra e-posten: uten bekreftelse sendes ingenting, og adressen slettes etter {days} dager.',
    feedTitle: '{title} – Digiregion',
  },
  nn: {
    event: {
      summonsSent: '{body}: innkalling til møte {date}',
      minutesPublished: '{body}: protokollen frå møtet {date} er godkjend',
      caseDecided: '{body} har handsama sak {number} «{title}»',
      projectDecided: '{project}: {decision}',
      statusReportPublished: '{project}: statusrapport for {period} ({light})',
    },
    decided: 'avgjerdspunkt {point} er avgjort, fase no: {phase}',
    light: { green: 'grøn', yellow: 'gul', red: 'raud' },
    searchTitle: 'Søk: «{q}»',
    immediateSubject: 'Nytt: {title}',
    digestSubject: 'Vekeoppsummering: {count} nye hendingar i det du følgjer',
    greeting: 'Hei,',
    immediateIntro: 'Dette har skjedd i noko du følgjer («{follow}»):',
    digestIntro: 'Dette har skjedd siste veka i det du følgjer:',
    open: 'Les meir:',
    why: 'Du får denne e-posten fordi du følgjer «{follow}».',
    unsubscribe: 'Slutt å følgje «{follow}»:',
    unsubscribeAll: 'Slutt å følgje alt i denne oppsummeringa:',
    manage: 'Endre kva du følgjer og korleis du får varsel:',
    confirmSubject: 'Stadfest abonnementet ditt: {follow}',
    confirmText: 'Nokon (forhåpentleg du) bad om e-post når det skjer noko i «{follow}». Stadfest at du vil ha det:',
    confirmIgnore:
      'Bad du ikkje om dette, kan du sjå bort frå e-posten: utan stadfesting blir ingenting sendt, og adressa blir sletta etter {days} dagar.',
    feedTitle: '{title} – Digiregion',
  },
  en: {
    event: {
      summonsSent: '{body}: summons to the meeting on {date}',
      minutesPublished: '{body}: the minutes of the meeting on {date} are approved',
      caseDecided: '{body} has dealt with case {number} “{title}”',
      projectDecided: '{project}: {decision}',
      statusReportPublished: '{project}: status report for {period} ({light})',
    },
    decided: 'decision point {point} is decided, phase now: {phase}',
    light: { green: 'green', yellow: 'yellow', red: 'red' },
    searchTitle: 'Search: “{q}”',
    immediateSubject: 'New: {title}',
    digestSubject: 'Weekly digest: {count} new events in what you follow',
    greeting: 'Hello,',
    immediateIntro: 'This has happened in something you follow (“{follow}”):',
    digestIntro: 'This has happened in the last week in what you follow:',
    open: 'Read more:',
    why: 'You get this e-mail because you follow “{follow}”.',
    unsubscribe: 'Stop following “{follow}”:',
    unsubscribeAll: 'Stop following everything in this digest:',
    manage: 'Change what you follow and how you are told:',
    confirmSubject: 'Confirm your subscription: {follow}',
    confirmText: 'Someone (hopefully you) asked for e-mail when something happens in “{follow}”. Confirm that you want it:',
    confirmIgnore:
      'If you did not ask for this, ignore this e-mail: without confirmation nothing is sent, and the address is deleted after {days} days.',
    feedTitle: '{title} – Digiregion',
  },
};

export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));
