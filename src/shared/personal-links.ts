/**
 * Personal links: addresses in an e-mail that act for one person without a login (report absence, answer in
 * writing, sign minutes, answer a survey, accept an invitation, choose a new password). The token in the path is
 * the key, so it must never be shown, logged or exported anywhere but the e-mail that carries it.
 */
export const PERSONAL_LINK_PATHS = {
  absence: 'forfall',
  writtenProcedure: 'skriftlig',
  minutesSignature: 'signer',
  surveyResponse: 'svar',
  invitation: 'invitasjon',
  passwordReset: 'nytt-passord',
  /** A resident's subscription, confirmed before anything is sent. */
  followConfirm: 'bekreft-abonnement',
  /** Stops a follow; the same address takes the one-click POST of RFC 8058. */
  unsubscribe: 'avmeld',
  /** A weekly digest's: stops every follow the digest was about. */
  unsubscribeDigest: 'avmeld',
} as const;

export type PersonalLinkKind = keyof typeof PERSONAL_LINK_PATHS;
export const PERSONAL_LINK_KINDS = Object.keys(PERSONAL_LINK_PATHS) as PersonalLinkKind[];

/** The API routes whose next path segment is a personal link's token. */
const API_PREFIXES = [
  'api/links',
  'api/survey-answers',
  'api/invitations',
  'api/password-resets',
  'api/follows/confirm',
  'api/follows/unsubscribe',
];

/** What stands in for a token wherever a link is shown to anyone but its person. */
export const HIDDEN_TOKEN = '•••';

const prefixes = [...Object.values(PERSONAL_LINK_PATHS), ...API_PREFIXES].map((p) => p.replace(/[-/]/g, (c) => `\\${c}`));
/**
 * A personal link's path with its token: the web page or the API route, in any letter case (a route that does
 * not match still logs its address). The token is whatever the segment holds, percent-escapes included.
 */
const LINK_IN_TEXT = new RegExp(`(/(?:${prefixes.join('|')})/)[A-Za-z0-9_%.~+=-]+`, 'gi');

/** The text with the token of every personal link in it replaced by `replacement`. */
export function redactPersonalLinks(text: string, replacement: string = HIDDEN_TOKEN): string {
  return text.replace(LINK_IN_TEXT, (_match, path: string) => `${path}${replacement}`);
}
