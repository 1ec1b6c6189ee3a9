import { pathToFileURL } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Db } from '../src/server/db/client.ts';
import { meetings } from '../src/server/db/schema/index.ts';
import { SEED_000_CASES } from '../src/server/demo/meetings.ts';
import { renderMinutesDocx, renderMinutesPdf, type MinutesDocument } from '../src/server/modules/documents/index.ts';
import { minutesDocument } from '../src/server/modules/meetings/minutes.ts';
import { findBody } from '../src/server/modules/meetings/records.ts';
import { loadMeeting } from '../src/server/modules/meetings/service.ts';

/**
 * Time to render the minutes (møteprotokoll) of a generated meeting with 20 cases, as PDF and as DOCX:
 * the document model is built from the database the way the meetings module does it (loadMeeting, then
 * minutesDocument), then each format is rendered `runs` times one after another, after one unmeasured
 * render that loads fonts and warms the code. The same meeting is rendered a second time with the texts
 * of the real minutes of seed 000 in its 20 cases (longer, with numbered lists and a protocol remark).
 * Target: under 1 s.
 *
 *   npx tsx bench/render.ts [--runs 20] [postgres-url]   without a URL: an in-memory PGlite, filled here
 */

export const RENDER_TARGET_MS = 1000;

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
  pdf: Timing & { pages: number };
  docx: Timing;
  /** The same meeting with the cases' texts taken from the minutes of seed 000. */
  seedTexts: { markdownChars: number; pdf: Timing & { pages: number }; docx: Timing };
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function time<T>(runs: number, work: () => Promise<T>): Promise<Timing & { last: T }> {
  let started = performance.now();
  let last = await work();
  const firstMs = performance.now() - started;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
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
    const { last: pdfBytes, ...pdf } = await time(runs, () => renderMinutesPdf(d));
    const { last: _docx, ...docx } = await time(runs, () => renderMinutesDocx(d));
    const pages = pdfBytes.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    return { pdf: { ...pdf, pages }, docx };
  };
  const markdownOf = (d: MinutesDocument) =>
    d.cases.reduce((sum, c) => sum + c.recommendation.length + c.deliberation.length + (c.decision ?? '').length, 0);
  const { pdf, docx } = await formats(doc);
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
    docx,
    seedTexts,
  };
}

/** The meeting's cases with the titles and texts of the real minutes of seed 000, in turn, keeping their numbers. */
function withSeedTexts(doc: MinutesDocument): MinutesDocument {
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
  console.log('| step | first ms | median ms | p95 ms | min ms | max ms | size | < 1 s |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  const row = (name: string, t: Timing, size: string, verdict: string) =>
    console.log(
      `| ${name} | ${ms(t.firstMs)} | ${ms(t.medianMs)} | ${ms(t.p95Ms)} | ${ms(t.minMs)} | ${ms(t.maxMs)} | ${size} | ${verdict} |`,
    );
  const verdict = (t: Timing) => (t.p95Ms < RENDER_TARGET_MS ? 'yes' : 'NO');
  row('load (loadMeeting + minutesDocument)', result.load, '', '');
  row('PDF (renderMinutesPdf)', result.pdf, `${Math.round(result.pdf.bytes / 1024)} kB, ${result.pdf.pages} pages`, verdict(result.pdf));
  row('DOCX (renderMinutesDocx)', result.docx, `${Math.round(result.docx.bytes / 1024)} kB`, verdict(result.docx));
  const seed = result.seedTexts;
  row(
    `PDF, seed 000 texts (${seed.markdownChars.toLocaleString('en-US')} characters)`,
    seed.pdf,
    `${Math.round(seed.pdf.bytes / 1024)} kB, ${seed.pdf.pages} pages`,
    verdict(seed.pdf),
  );
  row('DOCX, seed 000 texts', seed.docx, `${Math.round(seed.docx.bytes / 1024)} kB`, verdict(seed.docx));
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
