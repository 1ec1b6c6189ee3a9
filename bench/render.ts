import { pathToFileURL } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Db } from '../src/server/db/client.ts';
import { meetings } from '../src/server/db/schema/index.ts';
import { SEED_000_CASES } from '../src/server/demo/meetings.ts';
import { forgetTypesetting, renderMinutesDocx, renderMinutesPdf, type MinutesDocument } from '../src/server/modules/documents/index.ts';
import { minutesDocument } from '../src/server/modules/meetings/minutes.ts';
import { findBody } from '../src/server/modules/meetings/records.ts';
import { loadMeeting } from '../src/server/modules/meetings/service.ts';

/**
 * Time to render the minutes (møteprotokoll) of a generated meeting with 20 cases, as PDF (tagged PDF/A-2a, Typst)
 * and as DOCX: the document model is built from the database the way the meetings module does it (loadMeeting,
 * then minutesDocument), then each format is rendered `runs` times one after another, after one unmeasured render
 * that loads the typesetter and fonts and warms the code. Typst keeps layout between renders and reuses it for
 * text it has set before, so each measured PDF render starts from nothing (`forgetTypesetting`), as a document
 * rendered for the first time does; the same document rendered again is measured too. The same meeting is
 * rendered a second time with the texts of the real minutes of seed 000 in its 20 cases (longer, with numbered
 * lists and a protocol remark). Targets: under 1 s (p95), and a median under pdfmake's 0.25 s, which rendered these
 * minutes untagged before decision 0011.
 *
 *   npx tsx bench/render.ts [--runs 20] [postgres-url]   without a URL: an in-memory PGlite, filled here
 */

export const RENDER_TARGET_MS = 1000;
/** The median of pdfmake, the renderer before decision 0011, on this benchmark (bench/README.md). */
export const PDFMAKE_MEDIAN_MS = 250;

export interface Timing {
  runs: number;
  /** The first, unmeasured render (fonts loaded, code cold). */
  firstMs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  bytes: number;
}

export interface RenderResult {
  meeting: { id: string; bodyName: string; date: string; cases: number; attendees: number; markdownChars: number };
  /** loadMeeting + minutesDocument, the database part of a minutes download. */
  load: Timing;
  pdf: PdfTiming;
  /** The same document rendered again and again, with what Typst kept from the render before. */
  pdfAgain: Timing;
  docx: Timing;
  /** The same meeting with the cases' texts taken from the minutes of seed 000. */
  seedTexts: { markdownChars: number; pdf: PdfTiming; docx: Timing };
}

export interface PdfTiming extends Timing {
  pages: number;
  /** The bytes carry the PDF/A-2 identification and a structure tree. */
  taggedPdfA: boolean;
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Times `work` after one unmeasured run; `before` runs unmeasured before each. */
async function time<T>(runs: number, work: () => Promise<T>, before = () => {}): Promise<Timing & { last: T }> {
  let started = performance.now();
  let last = await work();
  const firstMs = performance.now() - started;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    before();
    started = performance.now();
    last = await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    runs,
    firstMs,
    medianMs: percentile(times, 50),
    p95Ms: percentile(times, 95),
    minMs: times[0]!,
    maxMs: times[times.length - 1]!,
    bytes: Buffer.isBuffer(last) ? last.length : 0,
    last,
  };
}

/** Builds the minutes of the meeting and times loading and both renderings. */
export async function measureRender(db: Db, meetingId: string, runs = 20): Promise<RenderResult> {
  const build = async (): Promise<MinutesDocument> => {
    const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
    if (!meeting) throw new Error(`bench/render: no meeting ${meetingId}`);
    const body = await findBody(db, meeting.bodyId);
    if (!body) throw new Error(`bench/render: no body for meeting ${meetingId}`);
    return minutesDocument(await loadMeeting(db, meeting, body), body);
  };
  const { last: doc, ...load } = await time(runs, build);
  const formats = async (d: MinutesDocument) => {
    const { last: pdfBytes, ...pdf } = await time(runs, () => renderMinutesPdf(d), forgetTypesetting);
    const { last: _docx, ...docx } = await time(runs, () => renderMinutesDocx(d));
    const raw = pdfBytes.toString('latin1');
    const pages = raw.match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    const taggedPdfA = raw.includes('<pdfaid:part>2</pdfaid:part>') && raw.includes('/StructTreeRoot');
    return { pdf: { ...pdf, pages, taggedPdfA }, docx };
  };
  const markdownOf = (d: MinutesDocument) =>
    d.cases.reduce((sum, c) => sum + c.recommendation.length + c.deliberation.length + (c.decision ?? '').length, 0);
  const { pdf, docx } = await formats(doc);
  const { last: _again, ...pdfAgain } = await time(runs, () => renderMinutesPdf(doc));
  const seedDoc = withSeedTexts(doc);
  const seedTexts = { markdownChars: markdownOf(seedDoc), ...(await formats(seedDoc)) };
  const markdownChars = markdownOf(doc);
  return {
    meeting: {
      id: meetingId,
      bodyName: doc.bodyName,
      date: doc.meeting.date,
      cases: doc.cases.length,
      attendees:
        doc.attendance.present.length + doc.attendance.absent.length + doc.attendance.deputies.length + doc.attendance.others.length,
      markdownChars,
    },
    load,
    pdf,
    pdfAgain,
    docx,
    seedTexts,
  };
}

/** The meeting's cases with the titles and texts of the real minutes of seed 000, in turn, keeping their numbers. */
export function withSeedTexts(doc: MinutesDocument): MinutesDocument {
  return {
    ...doc,
    cases: doc.cases.map((c, i) => {
      const seed = SEED_000_CASES[i % SEED_000_CASES.length]!;
      return {
        ...c,
        title: seed.title,
        recommendation: seed.recommendation,
        deliberation: seed.deliberation,
        decision: seed.outcome === 'postponed' ? seed.decision! : (seed.decision ?? seed.recommendation),
        outcome: seed.outcome ?? (seed.type === 'information' ? 'noted' : 'decided'),
        vote: 'Enstemmig vedtatt.',
        protocolRemarks: seed.remark ? [{ author: 'Øksnes kommune', text: seed.remark }] : [],
      };
    }),
  };
}

const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));

export function printRender(result: RenderResult) {
  const m = result.meeting;
  console.log(
    `\n## Minutes render (${m.bodyName} ${m.date}: ${m.cases} cases, ${m.attendees} attendees, ${m.markdownChars.toLocaleString('en-US')} characters of Markdown; ${result.pdf.runs} runs each)\n`,
  );
  console.log('| step | first ms | median ms | p95 ms | min ms | max ms | size | p95 < 1 s | median < 0.25 s |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|---|');
  const row = (name: string, t: Timing, size: string, pdf: boolean) =>
    console.log(
      `| ${name} | ${ms(t.firstMs)} | ${ms(t.medianMs)} | ${ms(t.p95Ms)} | ${ms(t.minMs)} | ${ms(t.maxMs)} | ${size} | ${
        t.p95Ms < RENDER_TARGET_MS ? 'yes' : 'NO'
      } | ${pdf ? (t.medianMs < PDFMAKE_MEDIAN_MS ? 'yes' : 'NO') : ''} |`,
    );
  const pdfSize = (t: PdfTiming) =>
    `${Math.round(t.bytes / 1024)} kB, ${t.pages} pages${t.taggedPdfA ? ', tagged PDF/A-2' : ', NOT PDF/A'}`;
  console.log(
    `| load (loadMeeting + minutesDocument) | ${ms(result.load.firstMs)} | ${ms(result.load.medianMs)} | ${ms(result.load.p95Ms)} | ${ms(result.load.minMs)} | ${ms(result.load.maxMs)} |  |  |  |`,
  );
  row('PDF (renderMinutesPdf), each render the first', result.pdf, pdfSize(result.pdf), true);
  row('PDF, the same document again', result.pdfAgain, '', true);
  row('DOCX (renderMinutesDocx)', result.docx, `${Math.round(result.docx.bytes / 1024)} kB`, false);
  const seed = result.seedTexts;
  row(`PDF, seed 000 texts (${seed.markdownChars.toLocaleString('en-US')} characters)`, seed.pdf, pdfSize(seed.pdf), true);
  row('DOCX, seed 000 texts', seed.docx, `${Math.round(seed.docx.bytes / 1024)} kB`, false);
}

// `tsx bench/render.ts [--runs n] [postgres-url]`: the render benchmark on its own.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { parseArgs } = await import('node:util');
  const { values, positionals } = parseArgs({ options: { runs: { type: 'string', default: '20' } }, allowPositionals: true });
  const { openDatabase } = await import('../src/server/db/client.ts');
  const { loadMunicipalitiesFile } = await import('../src/server/modules/network/index.ts');
  const { generateDataset } = await import('./generate.ts');
  const url = positionals[0];
  const database = await openDatabase({ url });
  try {
    let meetingId: string;
    if (url) {
      // A database filled by bench/generate.ts: the sample is the last approved meeting with 20 items of the largest network's working committee.
      const { queryRows } = await import('../src/server/db/client.ts');
      const { sql } = await import('drizzle-orm');
      const [row] = await queryRows<{ id: string }>(
        database.db,
        sql`select m.id from meetings m join bodies b on b.id = m.body_id join networks n on n.id = b.network_id
          where n.slug = 'digiost' and b.kind = 'workingCommittee' and m.status = 'minutesApproved'
            and (select count(*) from agenda_items ai where ai.meeting_id = m.id) = 20
          order by m.date desc limit 1`,
      );
      if (!row) throw new Error('bench/render: no approved 20-item meeting; fill the database with bench/generate.ts first');
      meetingId = row.id;
    } else {
      console.log('Generating the national dataset in an in-memory PGlite …');
      await database.migrate();
      await loadMunicipalitiesFile(database.db);
      meetingId = (await generateDataset(database.db)).minutesSample.meetingId;
    }
    printRender(await measureRender(database.db, meetingId, Number(values.runs)));
  } finally {
    await database.close();
  }
}
