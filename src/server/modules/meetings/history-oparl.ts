import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { bodies, municipalities, people } from '../../db/schema/index.ts';
import { AppError, invalidField, type RowProblem } from '../../errors.ts';
import { visibleInNetwork } from '../../access/index.ts';
import { CASE_TYPES, type AgendaOutcome, type CaseType, type StoredProtocolRemark } from '../../../shared/meetings/schema.ts';
import { MEETING_TERMS } from '../../../shared/meetings/terms.ts';
import { HISTORY_LIMITS } from '../../../shared/meetings/history.ts';
import { LANGUAGES, type Language } from '../../../shared/i18n/languages.ts';
import { checkUpload } from '../storage/index.ts';
import type { HistoryPlan, PlannedBody, PlannedCase, PlannedDocument, PlannedItem, PlannedMeeting } from './history-import.ts';

/**
 * History from another system's OParl 1.1 API, by its System URL (or one Body's URL): its organizations become bodies
 * (matched by name or short name, made when missing), its finished meetings with their agenda items, papers,
 * consultations and files come in as a plan for history-import.ts. Digiregion's own OParl output round-trips: its
 * `digiregion:` fields (outcome, deliberation, protocol remarks, the summons and approval dates) are read when there.
 *
 * Fetching is fenced, since the URL is the caller's: http(s) only; no address in a private, loopback, link-local or
 * otherwise internal range, checked on the address actually connected to (so a name that resolves there is refused
 * too) and on every redirect, unless the host is configured as allowed (OPARL_IMPORT_ALLOWED_HOSTS); a timeout and a
 * size bound on every answer; lists paged through `links.next`, the number of requests bounded.
 */

export interface OparlFetchOptions {
  /** Hosts (`name` or `name:port`) that may be fetched even at an internal address: a test's own server, an intranet. */
  allowedHosts: readonly string[];
}

const SHEET = 'OParl';
const MAX_REDIRECTS = 3;

const MESSAGES: Record<
  Language,
  {
    status: (status: number) => string;
    network: (why: string) => string;
    blocked: string;
    tooLarge: (mb: number) => string;
    notJson: string;
    notOparl: string;
    tooManyRequests: (max: number) => string;
    severalBodies: (names: string) => string;
    badNumber: (number: string) => string;
    noOrganization: string;
    file: string;
  }
> = {
  nb: {
    status: (s) => `Svarte med HTTP-status ${s}.`,
    network: (why) => `Kunne ikke hentes (${why}).`,
    blocked: 'Adressen peker til et internt nettverk, og hentes ikke.',
    tooLarge: (mb) => `Svaret er større enn ${mb} MB.`,
    notJson: 'Svaret er ikke JSON.',
    notOparl: 'Svaret er ikke et OParl-objekt av den ventede typen.',
    tooManyRequests: (max) => `Importen trenger mer enn ${max} forespørsler.`,
    severalBodies: (names) => `Systemet har flere organisasjoner (${names}). Oppgi adressen til den ene (OParl Body).`,
    badNumber: (n) => `Saksnummeret «${n}» kan ikke leses som NNN/ÅÅ.`,
    noOrganization: 'Møtet hører ikke til noe organ (organization).',
    file: 'Vedlegget er ikke en PDF-, DOCX- eller XLSX-fil.',
  },
  nn: {
    status: (s) => `Svarte med HTTP-status ${s}.`,
    network: (why) => `Kunne ikkje hentast (${why}).`,
    blocked: 'Adressa peikar til eit internt nettverk, og vert ikkje henta.',
    tooLarge: (mb) => `Svaret er større enn ${mb} MB.`,
    notJson: 'Svaret er ikkje JSON.',
    notOparl: 'Svaret er ikkje eit OParl-objekt av den venta typen.',
    tooManyRequests: (max) => `Importen treng meir enn ${max} førespurnader.`,
    severalBodies: (names) => `Systemet har fleire organisasjonar (${names}). Oppgi adressa til den eine (OParl Body).`,
    badNumber: (n) => `Saksnummeret «${n}» kan ikkje lesast som NNN/ÅÅ.`,
    noOrganization: 'Møtet høyrer ikkje til noko organ (organization).',
    file: 'Vedlegget er ikkje ei PDF-, DOCX- eller XLSX-fil.',
  },
  en: {
    status: (s) => `Answered with HTTP status ${s}.`,
    network: (why) => `Could not be fetched (${why}).`,
    blocked: 'The address points into an internal network and is not fetched.',
    tooLarge: (mb) => `The answer is larger than ${mb} MB.`,
    notJson: 'The answer is not JSON.',
    notOparl: 'The answer is not an OParl object of the expected type.',
    tooManyRequests: (max) => `The import needs more than ${max} requests.`,
    severalBodies: (names) => `The system has several bodies (${names}). Give the URL of one of them (OParl Body).`,
    badNumber: (n) => `The case number «${n}» cannot be read as NNN/YY.`,
    noOrganization: 'The meeting belongs to no organization.',
    file: 'The attachment is not a PDF, DOCX or XLSX file.',
  },
};

// ---------------------------------------------------------------- fenced fetching

/** Ranges no import fetches from unless allowed: this host, private networks, link-local (cloud metadata), and the like. */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  INTERNAL.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  INTERNAL.addSubnet(network, prefix, 'ipv6');

/** Whether an address is internal; an IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 one. */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return INTERNAL.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return INTERNAL.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a fetch failed, carried to the problem list. */
export class FetchRefused extends Error {
  constructor(
    readonly url: string,
    readonly reason:
      { kind: 'blocked' } | { kind: 'status'; status: number } | { kind: 'tooLarge'; max: number } | { kind: 'network'; why: string },
  ) {
    super(`${url}: ${reason.kind}`);
  }
}

const hostAllowed = (url: URL, allowed: readonly string[]) => allowed.includes(url.host) || allowed.includes(url.hostname);

/**
 * One GET, fenced as above: the address connected to is checked in the socket's own look-up, so a name cannot resolve
 * to one address for a check and another for the connection. Redirects are followed by hand, each fenced again.
 */
export async function fencedGet(
  rawUrl: string,
  options: OparlFetchOptions & { maxBytes: number; accept?: string },
): Promise<{ body: Buffer; contentType: string; url: string }> {
  let url = new URL(rawUrl);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefused(url.toString(), { kind: 'blocked' });
    const allowed = hostAllowed(url, options.allowedHosts);
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    if (!allowed && isIP(hostname) && isInternalAddress(hostname)) throw new FetchRefused(url.toString(), { kind: 'blocked' });
    const answer = await getOnce(url, allowed, options);
    if ('redirect' in answer) {
      url = new URL(answer.redirect, url);
      continue;
    }
    return { ...answer, url: url.toString() };
  }
  throw new FetchRefused(rawUrl, { kind: 'network', why: 'too many redirects' });
}

function getOnce(
  url: URL,
  allowed: boolean,
  options: { maxBytes: number; accept?: string },
): Promise<{ body: Buffer; contentType: string } | { redirect: string }> {
  const lookup = (
    hostname: string,
    lookupOptions: { all?: boolean },
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const usable = allowed ? addresses : addresses.filter((a) => !isInternalAddress(a.address));
      if (usable.length === 0) return callback(Object.assign(new Error('blocked'), { code: 'EBLOCKED' }), []);
      if (lookupOptions.all) callback(null, usable);
      else callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(
      url,
      {
        lookup,
        // Idle sockets time out; the whole answer, the name's look-up included, must come within the same bound.
        timeout: HISTORY_LIMITS.oparlTimeoutSeconds * 1000,
        signal: AbortSignal.timeout(HISTORY_LIMITS.oparlTimeoutSeconds * 1000),
        headers: { accept: options.accept ?? 'application/json', 'user-agent': 'Digiregion history import' },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          resolve({ redirect: response.headers.location });
          return;
        }
        if (status !== 200) {
          response.resume();
          reject(new FetchRefused(url.toString(), { kind: 'status', status }));
          return;
        }
        const declared = Number(response.headers['content-length']);
        if (declared > options.maxBytes) {
          response.destroy();
          reject(new FetchRefused(url.toString(), { kind: 'tooLarge', max: options.maxBytes }));
          return;
        }
        const parts: Buffer[] = [];
        let total = 0;
        response.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > options.maxBytes) {
            response.destroy();
            reject(new FetchRefused(url.toString(), { kind: 'tooLarge', max: options.maxBytes }));
            return;
          }
          parts.push(chunk);
        });
        response.on('end', () =>
          resolve({ body: Buffer.concat(parts, total), contentType: String(response.headers['content-type'] ?? '') }),
        );
        response.on('error', (error) => reject(new FetchRefused(url.toString(), { kind: 'network', why: error.message })));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new FetchRefused(
          url.toString(),
          error.code === 'EBLOCKED' ? { kind: 'blocked' } : { kind: 'network', why: error.code ?? error.message },
        ),
      ),
    );
  });
}

// ---------------------------------------------------------------- reading OParl

type Json = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const isType = (object: Json, type: string) => typeof object.type === 'string' && object.type.endsWith(`/${type}`);

class OparlReader {
  requests = 0;
  constructor(
    private readonly options: OparlFetchOptions,
    private readonly language: Language,
  ) {}

  private count() {
    this.requests++;
    if (this.requests > HISTORY_LIMITS.oparlRequests)
      throw new ImportStop({
        sheet: SHEET,
        row: 0,
        column: null,
        message: MESSAGES[this.language].tooManyRequests(HISTORY_LIMITS.oparlRequests),
      });
  }

  async object(url: string): Promise<Json> {
    this.count();
    const { body } = await fencedGet(url, { ...this.options, maxBytes: HISTORY_LIMITS.oparlResponseBytes });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new ImportStop({ sheet: SHEET, row: 0, column: url, message: MESSAGES[this.language].notJson });
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new ImportStop({ sheet: SHEET, row: 0, column: url, message: MESSAGES[this.language].notOparl });
    return parsed as Json;
  }

  /** Every object of a list, page after page through `links.next` (never the same page twice). */
  async list(url: string): Promise<Json[]> {
    const out: Json[] = [];
    const seen = new Set<string>();
    let next: string | null = url;
    while (next && !seen.has(next)) {
      seen.add(next);
      const page = await this.object(next);
      if (!Array.isArray(page.data))
        throw new ImportStop({ sheet: SHEET, row: 0, column: next, message: MESSAGES[this.language].notOparl });
      for (const item of page.data) if (item && typeof item === 'object') out.push(item as Json);
      const links = page.links as Json | undefined;
      next = links ? str(links.next) : null;
    }
    return out;
  }

  async file(url: string): Promise<Buffer> {
    this.count();
    return (await fencedGet(url, { ...this.options, maxBytes: HISTORY_LIMITS.oparlFileBytes, accept: '*/*' })).body;
  }
}

/** A problem that ends the reading: the source as a whole cannot be read on. */
class ImportStop extends Error {
  constructor(readonly problem: RowProblem) {
    super(problem.message);
  }
}

function fetchProblem(error: FetchRefused, language: Language): RowProblem {
  const p = MESSAGES[language];
  const r = error.reason;
  const message =
    r.kind === 'blocked'
      ? p.blocked
      : r.kind === 'status'
        ? p.status(r.status)
        : r.kind === 'tooLarge'
          ? p.tooLarge(Math.round(r.max / (1024 * 1024)))
          : p.network(r.why);
  return { sheet: SHEET, row: 0, column: error.url, message };
}

const fold = (text: string) => text.normalize('NFKC').trim().toLocaleLowerCase('nb').replace(/\s+/g, ' ');

const TYPE_BY_NAME = new Map<string, CaseType>();
const OUTCOME_BY_NAME = new Map<string, Exclude<AgendaOutcome, 'pending'>>();
for (const language of LANGUAGES) {
  for (const type of CASE_TYPES) TYPE_BY_NAME.set(fold(MEETING_TERMS[language].caseTypes[type]), type);
  for (const outcome of ['decided', 'noted', 'postponed', 'withdrawn'] as const)
    OUTCOME_BY_NAME.set(fold(MEETING_TERMS[language].outcomes[outcome]), outcome);
}
const BODY_KINDS = new Set<string>([
  'steeringGroup',
  'workingCommittee',
  'chiefExecutivesCouncil',
  'regionalCouncil',
  'workingGroup',
  'resourceGroup',
  'referenceGroup',
]);

const OSLO = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** An OParl date-time as the wall-clock date and time in Oslo. */
function osloWallClock(value: string): { date: string; time: string } | null {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  const parts = Object.fromEntries(OSLO.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Whether the meeting is history: approved minutes when the source says so (Digiregion does), else in the past. */
function finished(meeting: Json): boolean {
  if (meeting.deleted === true || meeting.cancelled === true) return false;
  const status = str(meeting['digiregion:status']);
  if (status) return status === 'minutesApproved' || (meeting['digiregion:writtenProcedure'] === true && status === 'held');
  const start = str(meeting.start);
  return start !== null && new Date(start).getTime() < Date.now();
}

/**
 * Reads the OParl system into a plan for the network. Throws 400 naming systemUrl when that address itself is refused,
 * and 422 listing the problems (each with the URL it concerns) when anything in the source cannot be taken.
 */
export async function planFromOparl(
  ctx: RequestContext,
  networkId: string,
  systemUrl: string,
  options: OparlFetchOptions,
): Promise<{ plan: HistoryPlan; problems: RowProblem[] }> {
  const p = MESSAGES[ctx.language];
  const reader = new OparlReader(options, ctx.language);
  const problems: RowProblem[] = [];
  const none = (): { plan: HistoryPlan; problems: RowProblem[] } => ({
    plan: { networkId, newBodies: [], meetings: [], cases: [], source: {} },
    problems,
  });
  try {
    let start: Json;
    try {
      start = await reader.object(systemUrl);
    } catch (error) {
      if (error instanceof FetchRefused && error.reason.kind === 'blocked') throw invalidField('systemUrl', 'internalAddress');
      throw error;
    }
    let body: Json;
    if (isType(start, 'System')) {
      const bodyList = str(start.body);
      const found = bodyList ? await reader.list(bodyList) : [];
      const live = found.filter((b) => b.deleted !== true);
      if (live.length !== 1) {
        problems.push({
          sheet: SHEET,
          row: 0,
          column: systemUrl,
          message: live.length === 0 ? p.notOparl : p.severalBodies(live.map((b) => String(b.name)).join(', ')),
        });
        return none();
      }
      body = live[0]!;
    } else if (isType(start, 'Body')) body = start;
    else {
      problems.push({ sheet: SHEET, row: 0, column: systemUrl, message: p.notOparl });
      return none();
    }
    const listOf = async (field: string) => {
      const url = str(body[field]);
      return url ? reader.list(url) : [];
    };
    const organizations = (await listOf('organization')).filter((o) => o.deleted !== true);
    const papers = new Map((await listOf('paper')).map((x) => [String(x.id), x]));
    const consultationList = new Map((await listOf('consultation')).map((x) => [String(x.id), x]));
    const meetingList = (await listOf('meeting')).filter(finished);

    // organizations → bodies of the network, by name or short name; those missing are made
    const ours = await ctx.db
      .select({ id: bodies.id, name: bodies.name, shortCode: bodies.shortCode })
      .from(bodies)
      .where(eq(bodies.networkId, networkId));
    const bodyIdOf = new Map<string, string>();
    const newBodies: PlannedBody[] = [];
    for (const o of organizations) {
      const name = str(o.name) ?? String(o.id);
      const short = str(o.shortName);
      const match =
        ours.find((b) => fold(b.name) === fold(name)) ??
        (short ? ours.find((b) => b.shortCode && fold(b.shortCode) === fold(short)) : undefined);
      if (match) bodyIdOf.set(String(o.id), match.id);
      else {
        const kind = str(o['digiregion:kind']);
        const planned: PlannedBody = {
          id: crypto.randomUUID(),
          name: name.slice(0, 200),
          shortCode: short?.slice(0, 20) ?? null,
          kind: kind && BODY_KINDS.has(kind) ? (kind as PlannedBody['kind']) : 'workingCommittee',
        };
        newBodies.push(planned);
        bodyIdOf.set(String(o.id), planned.id);
      }
    }

    const authors = await authorLookups(ctx, networkId);
    const casesByKey = new Map<string, PlannedCase>();
    const plannedMeetings: PlannedMeeting[] = [];
    for (const m of meetingList) {
      const meetingUrl = String(m.id);
      const organization = Array.isArray(m.organization) ? str(m.organization[0]) : null;
      const bodyId = organization ? bodyIdOf.get(organization) : undefined;
      const start = str(m.start) ? osloWallClock(String(m.start)) : null;
      if (!bodyId || !start) {
        problems.push({ sheet: SHEET, row: 0, column: meetingUrl, message: bodyId ? p.notOparl : p.noOrganization });
        continue;
      }
      const end = str(m.end) ? osloWallClock(String(m.end)) : null;
      const location = m.location && typeof m.location === 'object' ? (m.location as Json) : null;
      const dateAt = (field: string) => {
        const value = str(m[field]);
        const at = value ? new Date(value) : null;
        return at && !Number.isNaN(at.getTime()) ? at : new Date(String(m.start));
      };
      const items: PlannedItem[] = [];
      const rawItems = Array.isArray(m.agendaItem) ? m.agendaItem : [];
      for (const raw of rawItems) {
        const item = typeof raw === 'string' ? await reader.object(raw) : (raw as Json);
        if (item.deleted === true) continue;
        const itemUrl = String(item.id);
        const numberText = str(item.number) ?? '';
        const parsed = /(\d{1,4})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(numberText);
        if (!parsed) {
          problems.push({ sheet: SHEET, row: Number(item.order) || 0, column: itemUrl, message: p.badNumber(numberText) });
          continue;
        }
        const moetesak = (item['digiregion:moetesak'] ?? null) as Json | null;
        const year = Number(moetesak?.moetesaksaar) || (parsed[2]!.length === 4 ? Number(parsed[2]) : 2000 + Number(parsed[2]));
        const sequence = Number(parsed[1]);
        const consultation = str(item.consultation) ? consultationList.get(String(item.consultation)) : undefined;
        const paperUrl = consultation ? str(consultation.paper) : null;
        const paper = paperUrl ? papers.get(paperUrl) : undefined;
        const exemptBasis = str(item['digiregion:exemptLegalBasis']) ?? (paper ? str(paper['digiregion:exemptLegalBasis']) : null);
        const exempt = exemptBasis !== null || paper?.['digiregion:exemptFromPublic'] === true;
        const type =
          (str(paper?.['digiregion:caseType']) && (CASE_TYPES as readonly string[]).includes(String(paper!['digiregion:caseType']))
            ? (paper!['digiregion:caseType'] as CaseType)
            : undefined) ??
          TYPE_BY_NAME.get(fold(str(paper?.paperType) ?? str(consultation?.role) ?? '')) ??
          'decision';
        const resolution = str(item.resolutionText);
        const outcomeCode = str(item['digiregion:outcome']);
        const outcome: Exclude<AgendaOutcome, 'pending'> =
          outcomeCode && outcomeCode !== 'pending' && OUTCOME_BY_NAME.has(outcomeCode)
            ? (outcomeCode as Exclude<AgendaOutcome, 'pending'>)
            : (OUTCOME_BY_NAME.get(fold(str(item.result) ?? '')) ?? (type === 'information' || type === 'report' ? 'noted' : 'decided'));
        const documents: PlannedDocument[] = [];
        const files = Array.isArray(item.auxiliaryFile) ? item.auxiliaryFile : [];
        for (const rawFile of files) {
          const file = typeof rawFile === 'string' ? await reader.object(rawFile) : (rawFile as Json);
          if (file.deleted === true) continue;
          const download = str(file.downloadUrl) ?? str(file.accessUrl);
          if (!download) continue;
          const bytes = await reader.file(download);
          try {
            const checked = checkUpload({ fileName: str(file.fileName) ?? str(file.name) ?? 'vedlegg', bytes });
            documents.push({ fileName: checked.fileName, contentType: checked.contentType, extension: checked.extension, bytes });
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            problems.push({ sheet: SHEET, row: Number(item.order) || 0, column: str(file.id) ?? download, message: p.file });
          }
        }
        const externalId = paperUrl ?? itemUrl;
        const previous = casesByKey.get(`${bodyId}|${externalId}`);
        casesByKey.set(`${bodyId}|${externalId}`, {
          externalId: `${externalId}#${bodyId}`,
          bodyId,
          year,
          sequence,
          type,
          title: (str(item.name) ?? str(paper?.name) ?? numberText).slice(0, 300),
          caseOfficerId: null,
          casePaper: str(paper?.['digiregion:casePaper']) ?? '',
          recommendation: str(consultation?.['digiregion:recommendation']) ?? previous?.recommendation ?? '',
          exemptFromPublic: exempt,
          exemptLegalBasis: exempt ? (exemptBasis ?? 'Ukjent hjemmel') : null,
          documents: [
            ...(previous?.documents ?? []),
            ...documents.filter((d) => !previous?.documents.some((x) => x.fileName === d.fileName)),
          ],
          at: { sheet: SHEET, row: Number(item.order) || 0, column: itemUrl },
        });
        const remarks = Array.isArray(item['digiregion:protocolRemarks']) ? (item['digiregion:protocolRemarks'] as Json[]) : [];
        items.push({
          caseExternalId: `${externalId}#${bodyId}`,
          deliberation: str(item['digiregion:deliberation']) ?? '',
          decision: resolution,
          outcome,
          protocolRemarks: remarks.map((r) => authors(str(r.authorName) ?? '', str(r.text) ?? '')),
          closedBasis: str(item['digiregion:closedBasis']),
        });
      }
      plannedMeetings.push({
        externalId: meetingUrl,
        bodyId,
        date: start.date,
        startTime: start.time,
        endTime: end?.time ?? null,
        place: location ? (str(location.description) ?? null) : null,
        isPublic: true,
        writtenProcedure: m['digiregion:writtenProcedure'] === true,
        summonsPublishedAt: dateAt('digiregion:summonsPublishedAt'),
        minutesApprovedAt: dateAt('digiregion:minutesApprovedAt'),
        items,
        at: { sheet: SHEET, row: 0, column: meetingUrl },
      });
    }
    return {
      plan: {
        networkId,
        newBodies,
        meetings: plannedMeetings,
        cases: [...casesByKey.values()],
        source: { kind: 'oparl', systemUrl, body: String(body.id), requests: reader.requests },
      },
      problems,
    };
  } catch (error) {
    if (error instanceof FetchRefused) problems.push(fetchProblem(error, ctx.language));
    else if (error instanceof ImportStop) problems.push(error.problem);
    else throw error;
    return none();
  }
}

/** A protocol remark's author as this network knows them: a municipality («Øksnes kommune»), a person, or a name only. */
async function authorLookups(ctx: RequestContext, networkId: string) {
  const places = await ctx.db.select({ number: municipalities.number, name: municipalities.name }).from(municipalities);
  const byMunicipality = new Map(places.map((m) => [fold(`${m.name} kommune`), m]));
  const persons = await ctx.db.select({ id: people.id, name: people.name }).from(people).where(visibleInNetwork(networkId));
  const byPerson = new Map(persons.map((x) => [fold(x.name), x]));
  return (authorName: string, text: string): StoredProtocolRemark => {
    const municipality = byMunicipality.get(fold(authorName));
    if (municipality)
      return {
        id: crypto.randomUUID(),
        authorKind: 'municipality',
        personId: null,
        municipalityNumber: municipality.number,
        authorName,
        text,
      };
    return {
      id: crypto.randomUUID(),
      authorKind: 'person',
      personId: byPerson.get(fold(authorName))?.id ?? null,
      municipalityNumber: null,
      authorName,
      text,
    };
  };
}
