import type { ErrorCode } from '../errors.ts';
import type { Language } from './languages.ts';

/**
 * Messages the server puts in error responses, per language. Field labels name the field in
 * validation messages; a field without a label is named by its path.
 */
interface ServerMessages {
  errors: Record<ErrorCode, string>;
  validation: {
    required: string;
    tooShort: string;
    tooLong: string;
    tooSmall: string;
    tooBig: string;
    email: string;
    format: string;
    date: string;
    choice: string;
    type: string;
    invalid: string;
    dateOrder: string;
    municipalityNumber: string;
    passwordMismatch: string;
    deputyNeedsMember: string;
  };
  fields: Record<string, string>;
}

const nb: ServerMessages = {
  errors: {
    unauthenticated: 'Du må logge inn.',
    invalid_credentials: 'Feil e-postadresse eller passord.',
    forbidden: 'Du har ikke tilgang til å gjøre dette.',
    csrf_failed: 'Forespørselen mangler gyldig sikkerhetsnøkkel. Last siden på nytt og prøv igjen.',
    not_found: 'Fant ikke det du ba om.',
    validation_failed: 'Noen felt er ikke riktig utfylt.',
    conflict: 'Dette finnes allerede.',
    in_use: 'Dette kan ikke fjernes fordi noe annet avhenger av det (for eksempel et varamedlem eller den siste plattformadministratoren).',
    stale_version: 'Noen andre har endret dette mens du arbeidet. Last inn på nytt for å se endringene før du lagrer.',
    rate_limited: 'For mange forsøk. Vent litt og prøv igjen.',
    oidc_failed: 'Innlogging med ekstern identitetsleverandør mislyktes.',
    internal_error: 'Noe gikk galt hos oss. Prøv igjen senere.',
  },
  validation: {
    required: '«{field}» må fylles ut.',
    tooShort: '«{field}» må ha minst {min} tegn.',
    tooLong: '«{field}» kan ha høyst {max} tegn.',
    tooSmall: '«{field}» må være minst {min}.',
    tooBig: '«{field}» kan være høyst {max}.',
    email: '«{field}» må være en gyldig e-postadresse.',
    format: '«{field}» har feil format.',
    date: '«{field}» må være en dato (ÅÅÅÅ-MM-DD).',
    choice: '«{field}» må være ett av valgene.',
    type: '«{field}» har feil type.',
    invalid: '«{field}» er ugyldig.',
    dateOrder: '«{field}» kan ikke være før startdatoen.',
    municipalityNumber: '«{field}» må være et kommunenummer med fire sifre.',
    passwordMismatch: '«{field}» stemmer ikke med ditt nåværende passord.',
    deputyNeedsMember: '«{field}» må peke på et medlem i samme organ.',
  },
  fields: {
    email: 'E-post',
    password: 'Passord',
    currentPassword: 'Nåværende passord',
    newPassword: 'Nytt passord',
    name: 'Navn',
    shortName: 'Kortnavn',
    slug: 'Nettadresse',
    description: 'Beskrivelse',
    phone: 'Telefon',
    title: 'Stilling',
    municipalityNumber: 'Kommune',
    competences: 'Kompetanse',
    umbrellaId: 'Paraplynettverk',
    joinedOn: 'Innmeldt dato',
    leftOn: 'Utmeldt dato',
    isHost: 'Vertskommune',
    kind: 'Type organ',
    shortCode: 'Forkortelse',
    mandate: 'Mandat',
    personId: 'Person',
    role: 'Rolle',
    votingRight: 'Rettigheter',
    deputyForId: 'Varamedlem for',
    fromDate: 'Fra dato',
    toDate: 'Til dato',
    version: 'Versjon',
    writtenStandard: 'Målform',
    number: 'Kommunenummer',
    municipalityName: 'Kommunenavn',
    countyName: 'Fylke',
    format: 'Filformat',
    population: 'Innbyggere',
    language: 'Språk',
    networkId: 'Nettverk',
    q: 'Søk',
  },
};

const nn: ServerMessages = {
  errors: {
    unauthenticated: 'Du må logge inn.',
    invalid_credentials: 'Feil e-postadresse eller passord.',
    forbidden: 'Du har ikkje tilgang til å gjere dette.',
    csrf_failed: 'Førespurnaden manglar gyldig tryggleiksnøkkel. Last sida på nytt og prøv igjen.',
    not_found: 'Fann ikkje det du bad om.',
    validation_failed: 'Nokre felt er ikkje rett utfylte.',
    conflict: 'Dette finst allereie.',
    in_use: 'Dette kan ikkje fjernast fordi noko anna er avhengig av det (til dømes eit varamedlem eller den siste plattformadministratoren).',
    stale_version: 'Nokon andre har endra dette medan du arbeidde. Last inn på nytt for å sjå endringane før du lagrar.',
    rate_limited: 'For mange forsøk. Vent litt og prøv igjen.',
    oidc_failed: 'Innlogging med ekstern identitetsleverandør mislukkast.',
    internal_error: 'Noko gjekk gale hos oss. Prøv igjen seinare.',
  },
  validation: {
    required: '«{field}» må fyllast ut.',
    tooShort: '«{field}» må ha minst {min} teikn.',
    tooLong: '«{field}» kan ha høgst {max} teikn.',
    tooSmall: '«{field}» må vere minst {min}.',
    tooBig: '«{field}» kan vere høgst {max}.',
    email: '«{field}» må vere ei gyldig e-postadresse.',
    format: '«{field}» har feil format.',
    date: '«{field}» må vere ein dato (ÅÅÅÅ-MM-DD).',
    choice: '«{field}» må vere eitt av vala.',
    type: '«{field}» har feil type.',
    invalid: '«{field}» er ugyldig.',
    dateOrder: '«{field}» kan ikkje vere før startdatoen.',
    municipalityNumber: '«{field}» må vere eit kommunenummer med fire siffer.',
    passwordMismatch: '«{field}» stemmer ikkje med passordet ditt no.',
    deputyNeedsMember: '«{field}» må peike på eit medlem i same organ.',
  },
  fields: {
    email: 'E-post',
    password: 'Passord',
    currentPassword: 'Noverande passord',
    newPassword: 'Nytt passord',
    name: 'Namn',
    shortName: 'Kortnamn',
    slug: 'Nettadresse',
    description: 'Skildring',
    phone: 'Telefon',
    title: 'Stilling',
    municipalityNumber: 'Kommune',
    competences: 'Kompetanse',
    umbrellaId: 'Paraplynettverk',
    joinedOn: 'Innmeldt dato',
    leftOn: 'Utmeldt dato',
    isHost: 'Vertskommune',
    kind: 'Type organ',
    shortCode: 'Forkorting',
    mandate: 'Mandat',
    personId: 'Person',
    role: 'Rolle',
    votingRight: 'Rettar',
    deputyForId: 'Varamedlem for',
    fromDate: 'Frå dato',
    toDate: 'Til dato',
    version: 'Versjon',
    writtenStandard: 'Målform',
    number: 'Kommunenummer',
    municipalityName: 'Kommunenamn',
    countyName: 'Fylke',
    format: 'Filformat',
    population: 'Innbyggjarar',
    language: 'Språk',
    networkId: 'Nettverk',
    q: 'Søk',
  },
};

const en: ServerMessages = {
  errors: {
    unauthenticated: 'You need to log in.',
    invalid_credentials: 'Wrong e-mail address or password.',
    forbidden: 'You are not allowed to do this.',
    csrf_failed: 'The request lacks a valid security token. Reload the page and try again.',
    not_found: 'What you asked for was not found.',
    validation_failed: 'Some fields are not filled in correctly.',
    conflict: 'This already exists.',
    in_use: 'This cannot be removed because something else depends on it (such as a deputy, or the last platform administrator).',
    stale_version: 'Someone else changed this while you were working. Reload to see their changes before you save.',
    rate_limited: 'Too many attempts. Wait a little and try again.',
    oidc_failed: 'Login with the external identity provider failed.',
    internal_error: 'Something went wrong on our side. Try again later.',
  },
  validation: {
    required: '“{field}” is required.',
    tooShort: '“{field}” must have at least {min} characters.',
    tooLong: '“{field}” can have at most {max} characters.',
    tooSmall: '“{field}” must be at least {min}.',
    tooBig: '“{field}” can be at most {max}.',
    email: '“{field}” must be a valid e-mail address.',
    format: '“{field}” has the wrong format.',
    date: '“{field}” must be a date (YYYY-MM-DD).',
    choice: '“{field}” must be one of the choices.',
    type: '“{field}” has the wrong type.',
    invalid: '“{field}” is invalid.',
    dateOrder: '“{field}” cannot be before the start date.',
    municipalityNumber: '“{field}” must be a four-digit municipality number.',
    passwordMismatch: '“{field}” does not match your current password.',
    deputyNeedsMember: '“{field}” must point to a member of the same body.',
  },
  fields: {
    email: 'E-mail',
    password: 'Password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    name: 'Name',
    shortName: 'Short name',
    slug: 'Web address',
    description: 'Description',
    phone: 'Phone',
    title: 'Job title',
    municipalityNumber: 'Municipality',
    competences: 'Competences',
    umbrellaId: 'Umbrella network',
    joinedOn: 'Joined on',
    leftOn: 'Left on',
    isHost: 'Host municipality',
    kind: 'Kind of body',
    shortCode: 'Short code',
    mandate: 'Mandate',
    personId: 'Person',
    role: 'Role',
    votingRight: 'Rights',
    deputyForId: 'Deputy for',
    fromDate: 'From',
    toDate: 'To',
    version: 'Version',
    writtenStandard: 'Written standard',
    number: 'Municipality number',
    municipalityName: 'Municipality name',
    countyName: 'County',
    format: 'File format',
    population: 'Population',
    language: 'Language',
    networkId: 'Network',
    q: 'Search',
  },
};

export const SERVER_MESSAGES: Record<Language, ServerMessages> = { nb, nn, en };

export type ValidationKey = keyof ServerMessages['validation'];

export function fieldLabel(language: Language, path: string): string {
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? path;
  return SERVER_MESSAGES[language].fields[last] ?? path;
}

export function formatMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}
