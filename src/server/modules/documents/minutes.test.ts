import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { afterAll, describe, expect, it } from 'vitest';
import { expectArchivalPdf } from '../../../../test/pdf.ts';
import { markdownToBlocks } from './markdown-blocks.ts';
import { MINUTES_LABELS, renderMinutesDocx, renderMinutesPdf, type MinutesCase, type MinutesDocument } from './minutes.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'minutes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writeTemp(extension: string, body: Buffer): string {
  const file = path.join(tmp, `${randomUUID()}.${extension}`);
  writeFileSync(file, body);
  return file;
}

/** The text of a PDF file as pdftotext lays it out, without running headers and footers. */
function pdfFileText(file: string): string {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return text
    .split('\n')
    .filter((line) => !/Side \d+ av \d+/.test(line) && line.trim() !== 'UTKAST')
    .join('\n');
}

/** Line wrapping differs between PDF and DOCX, so texts are compared without any white space. */
const squash = (text: string): string => text.replace(/\s+/g, '');

/** Every expected text is found, each after the one before. */
function expectInOrder(text: string, expected: string[]): void {
  const haystack = squash(text);
  let from = 0;
  for (const fragment of expected) {
    const at = haystack.indexOf(squash(fragment), from);
    expect(at, `"${fragment}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + squash(fragment).length;
  }
}

/** The text of each paragraph of a Markdown text, as a reader sees it (no list markers, no asterisks). */
function markdownParagraphs(markdown: string): string[] {
  const texts: string[] = [];
  const visit = (node: Nodes): string => {
    if ('value' in node) return node.value;
    const inner = 'children' in node ? node.children.map(visit).join('') : '';
    if (node.type === 'paragraph') texts.push(inner);
    return inner;
  };
  visit(fromMarkdown(markdown));
  return texts;
}

/** What the minutes must show, in order. */
function expectedMinutes(doc: MinutesDocument): string[] {
  const labels = MINUTES_LABELS[doc.language];
  const date = doc.meeting.date.split('-').reverse().join('.');
  const fallback = { decided: [], noted: [labels.noted], postponed: [labels.postponed], withdrawn: [labels.withdrawn] };
  return [
    labels.title,
    doc.bodyName,
    ...doc.cases.flatMap((item) => [
      `${item.number}: ${item.title.toLocaleUpperCase('nb')}`,
      ...(item.closedBasis ? [item.closedBasis] : []),
      labels.recommendation,
      ...markdownParagraphs(item.recommendation),
      `${date} ${doc.bodyName}`,
      labels.deliberation,
      ...item.disqualifications,
      ...markdownParagraphs(item.deliberation),
      ...(item.vote ? [item.vote] : []),
      labels.decision(doc.bodyShortCode, item.number),
      ...(item.decision === null ? fallback[item.outcome] : markdownParagraphs(item.decision)),
      ...item.protocolRemarks.flatMap((remark) => [labels.protocolRemark(remark.author), ...markdownParagraphs(remark.text)]),
    ]),
    ...(doc.writtenDecisions.length > 0 ? [labels.writtenDecisions] : []),
    ...doc.writtenDecisions.flatMap((written) => [
      `${written.number}: ${written.title.toLocaleUpperCase('nb')}`,
      ...markdownParagraphs(written.decision),
    ]),
    ...(doc.approval.text ? [doc.approval.text] : []),
  ];
}

function decidedCase(number: string, title: string, recommendation: string, deliberation: string, decision = recommendation): MinutesCase {
  return {
    number,
    title,
    recommendation,
    deliberation,
    decision,
    outcome: 'decided',
    vote: null,
    disqualifications: [],
    protocolRemarks: [],
    closedBasis: null,
  };
}

const kduRecommendation = `1. Vesterålen regionråds arbeidsutvalg vedtar mandat for Vesterålen
   Kommunedirektørutvalg (KDU) som fremlagt.

2. Vesterålen regionråds arbeidsutvalg ber administrasjonen og leder for KDU vurdere
   og avklare

   1. arbeids- og samarbeidsform for KDU og sekretariatet på bakgrunn av gitt mandat.
   2. behov for ressurser knyttet til nye oppgaver for sekretariatet. Inntil
      sekretariatets stillinger er besatt, gis rådsleder og administrasjonen mandat
      til å løse nye oppgaver innenfor gjeldende økonomiske ramme.
`;

const kduDecision = `1. Vesterålen regionråds arbeidsutvalg vedtar mandat for Vesterålen
   Kommunedirektørutvalg (KDU) som fremlagt.

2. Vesterålen regionråds arbeidsutvalg ber administrasjonen og leder for KDU vurdere
   og avklare

   - arbeids- og samarbeidsform for KDU og sekretariatet på bakgrunn av gitt mandat.
   - behov for ressurser knyttet til nye oppgaver for sekretariatet. Inntil
     sekretariatets stillinger er besatt, gis rådsleder og administrasjonen
     mandat til å løse nye oppgaver innenfor gjeldende økonomiske ramme.
`;

const transportPlan = `1. Vesterålen regionråds arbeidsutvalg ber administrasjonen og kommunedirektørutvalget utforme utkast til innspill fra Vesterålen regionråd til Regional transportplan med handlingsprogram 2022 - 2033.
2. Innspill til Regional transportplan med handlingsprogram 2022 - 2033 fra Vesterålen regionråd godkjennes av arbeidsutvalget per e-post innen høringsfristen 22. april 2022.
`;

const coastalPlan = `1. Vesterålen regionråds arbeidsutvalgt vedtar at forslag til interkommunal kystsoneplan for Vesterålen sendes ut på høring og legges ut til offentlig ettersyn.
2. Høringsperioden settes til 27. mai 2022.

Vedtaket fattes med hjemmel i **plan- og bygningslovens § 11-14**.
`;

/** The meeting of seed 000: Vesterålen regionråds arbeidsutvalg, 25 March 2022. */
const seedMinutes: MinutesDocument = {
  language: 'nb',
  networkName: 'DigiVesterålen',
  bodyName: 'Vesterålen regionråds arbeidsutvalg',
  bodyShortCode: 'AU',
  meeting: { date: '2022-03-25', startTime: '09:00', endTime: '12:00', place: 'Sortland', writtenProcedure: false },
  attendance: { present: [], absent: [], deputies: [], others: [], notes: [] },
  cases: [
    decidedCase(
      '014/22',
      'Godkjenning av innkalling',
      'Innkalling til Arbeidsutvalgets møte den 25. mars 2022 godkjennes.',
      'Ingen merknader.',
    ),
    decidedCase(
      '015/22',
      'Godkjenning av saksliste',
      'Saksliste til Arbeidsutvalgets møte den 25. mars 2022 godkjennes.',
      'Ingen merknader.',
    ),
    {
      ...decidedCase(
        '016/22',
        'Orienteringssak - Digi Vesterålen',
        'Vesterålen regionråds arbeidsutvalg tar sak om Digi Vesterålen til orientering.',
        'Diskusjon fant sted.',
      ),
      outcome: 'noted',
    },
    decidedCase('017/22', 'Mandat for Vesterålen kommunedirektørutvalg (KDU)', kduRecommendation, 'Diskusjon fant sted.', kduDecision),
    decidedCase(
      '018/22',
      'Strategi for Vesterålen interkommunale politiske råd - rullering',
      `1. Vesterålen regionråds arbeidsutvalg ber administrasjonen og KDU rullere strategi for Vesterålen interkommunale politiske råd, vedtatt i Vesterålen regionråd 26.5.2020. Arbeidsutvalget skal fremlegges forslag til endringer og revidert strategi skal behandles i Vesterålen regionråd.
2. Før en formell overgang til Vesterålen interkommunale politiske råd i 2022, skal det utarbeides profilhåndbok og materiell for ny organisasjon. Rådsleder og administrasjonen gis mandat til å utføre dette innenfor gjeldende økonomisk ramme.`,
      'Diskusjon fant sted.',
      `1. Vesterålen regionråds arbeidsutvalg ber administrasjonen og kommunedirektørutvalget (KDU) utforme forslag til prosess for revisjon av strategi for VIPR. Forslag til prosess legges frem for arbeidsutvalget i møte 29/4-2022.
2. Det skal utarbeides profilhåndbok og materiell for ny organisasjon. Rådsleder og administrasjonen gis mandat til å utføre dette innenfor gjeldende økonomisk ramme.`,
    ),
    {
      ...decidedCase(
        '019/22',
        'Bionova - Hadsel som vertskommune',
        `1. Vesterålen regionråds arbeidsutvalg vedtar framlagt høringsuttalelse, som svar på regjeringens ønske om innspill til Bionova.
2. Vesterålen regionråds arbeidsutvalg stiller seg bak Hadsel kommune sitt kandidatur som vertskommune for Bionova.`,
        'Enstemmig vedtak om utsettelse og snarlig behandling av saken per e-post og innen høringsfristen for innspill.',
        'Vesterålen regionråds arbeidsutvalg utsetter sak om Bionova.',
      ),
      outcome: 'postponed',
    },
    decidedCase(
      '020/22',
      'Innspill til regional transportplan med handlingsprogram 2022-2033 fra Vesterålen regionråd',
      transportPlan,
      'Diskusjon fant sted.',
    ),
    {
      ...decidedCase(
        '021/22',
        'Interkommunal kystsoneplan for Vesterålen - høring og offentlig ettersyn',
        coastalPlan,
        'Diskusjon fant sted.\n\nØksnes kommune la inn protokollmerknad til saken.',
      ),
      protocolRemarks: [
        {
          author: 'Øksnes kommune',
          text: 'Øksnes kommune v/ordfører vil anmerke at kommunestyret i Øksnes vil behandle planbeskrivelse med kart og bestemmelser i møte 29/3-2022. Dette med bakgrunn i at beskrivelsen ankom først 18/3-2022. Eventuelle nye endringer av kommunestyret vil være retningsgivende for eventuell konsekvensutredning og offentlig ettersyn.',
        },
      ],
    },
  ],
  writtenDecisions: [],
  approval: { text: 'Protokollen er godkjent av møteleder og ett medlem 01.04.2022.' },
  draft: false,
};

/** The same body in nynorsk, a draft, with what seed 000 does not have: attendance, votes, a closed case, written decisions. */
const nynorskMinutes: MinutesDocument = {
  ...seedMinutes,
  language: 'nn',
  bodyShortCode: null,
  draft: true,
  approval: { text: null },
  attendance: {
    present: [{ name: 'Kari Nordmann', role: 'leiar', municipality: 'Sortland' }],
    absent: [{ name: 'Per Hansen', role: 'medlem', municipality: 'Hadsel' }],
    deputies: [{ name: 'Anne Berg', role: 'varamedlem', municipality: 'Hadsel', deputyFor: 'Per Hansen' }],
    others: [{ name: 'Siri Moe', role: 'sekretær', municipality: null }],
    notes: ['Anne Berg deltok berre under handsaminga av sak 030/22.'],
  },
  cases: [
    {
      ...decidedCase('030/22', 'Tilsetjing i sekretariatet', 'Kandidat A vert tilsett.', 'Framlegg frå Sortland: Kandidat B vert tilsett.'),
      closedBasis: 'Lukka møte, jf. kommunelova § 11-5 andre ledd bokstav a.',
      vote: 'Innstillinga vart vedteken med 4 mot 1 røyst.',
      disqualifications: ['Kari Nordmann vart kjend ugild, jf. forvaltningslova § 6 første ledd, og gjekk frå.'],
    },
    {
      ...decidedCase('031/22', 'Felles innkjøp av sakshandsamingssystem', 'Saka vert utsett.', 'Saka vart utsett.'),
      decision: null,
      outcome: 'postponed',
    },
    {
      ...decidedCase('032/22', 'Budsjett 2023', 'Budsjettet vert vedteke.', 'Saka vart trekt frå sakslista.'),
      decision: null,
      outcome: 'withdrawn',
    },
  ],
  writtenDecisions: [
    {
      number: '033/22',
      title: 'Høyringsfråsegn om Bionova',
      decidedOn: '2022-04-08',
      decision: 'Arbeidsutvalet vedtek *framlagd* høyringsfråsegn.',
    },
  ],
};

describe('markdownToBlocks', () => {
  it('keeps emphasis, nested lists and hard breaks, and reads soft line breaks as spaces', () => {
    expect(
      markdownToBlocks('Ein **viktig** og *lang*\ntekst.  \nNy linje.\n\n1. Eitt\n   1. a\n   2. b\n\n   Meir.\n2. To\n\n- punkt'),
    ).toEqual([
      {
        kind: 'paragraph',
        runs: [
          { text: 'Ein ' },
          { text: 'viktig', bold: true },
          { text: ' og ' },
          { text: 'lang', italic: true },
          { text: ' tekst.' },
          { text: '\n' },
          { text: 'Ny linje.' },
        ],
      },
      {
        kind: 'list',
        ordered: true,
        start: 1,
        items: [
          [
            { kind: 'paragraph', runs: [{ text: 'Eitt' }] },
            {
              kind: 'list',
              ordered: true,
              start: 1,
              items: [[{ kind: 'paragraph', runs: [{ text: 'a' }] }], [{ kind: 'paragraph', runs: [{ text: 'b' }] }]],
            },
            { kind: 'paragraph', runs: [{ text: 'Meir.' }] },
          ],
          [{ kind: 'paragraph', runs: [{ text: 'To' }] }],
        ],
      },
      { kind: 'list', ordered: false, start: 1, items: [[{ kind: 'paragraph', runs: [{ text: 'punkt' }] }]] },
    ]);
  });
});

describe('renderMinutesPdf', () => {
  it('renders the meeting of seed 000 with every case heading, recommendation, deliberation and decision in order', async () => {
    const pdf = await renderMinutesPdf(seedMinutes);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = writeTemp('pdf', pdf);
    expectInOrder(pdfFileText(file), expectedMinutes(seedMinutes));
    const raw = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(raw).toContain('Side 1 av');
    expect(raw).toContain('AU- 014/22 VEDTAK:');
    expect(raw).toContain('a. arbeids- og samarbeidsform');
    expect(raw).not.toContain('UTKAST');
    expectArchivalPdf(pdf, {
      title: 'Møteprotokoll Vesterålen regionråds arbeidsutvalg 25.03.2022',
      language: 'nb',
      headings: [
        ['H1', 'MØTEPROTOKOLL'],
        ...seedMinutes.cases.flatMap((item): Array<['H2' | 'H3', string]> => [
          ['H2', `${item.number}: ${item.title.toLocaleUpperCase('nb')}`],
          ['H3', 'INNSTILLING'],
          ['H3', 'BEHANDLING I MØTE'],
          ['H3', `AU- ${item.number} VEDTAK:`],
        ]),
        ['H3', 'Protokollmerknad fra Øksnes kommune:'],
      ],
      list: true,
    });
  });

  it('uses the nynorsk labels, and marks a draft', async () => {
    const pdf = await renderMinutesPdf(nynorskMinutes);
    const file = writeTemp('pdf', pdf);
    const raw = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expectInOrder(pdfFileText(file), [
      'MØTEPROTOKOLL',
      'Til stades',
      'Kari Nordmann, leiar, Sortland',
      'Forfall',
      'Varamedlemer',
      'Anne Berg, varamedlem, Hadsel (møtte for Per Hansen)',
      'Andre til stades',
      'Anne Berg deltok berre',
      ...expectedMinutes(nynorskMinutes).slice(2),
    ]);
    for (const label of [
      'HANDSAMING I MØTET',
      '030/22 VEDTAK:',
      'Saka vart utsett.',
      'Saka vart trekt.',
      'Vedtak gjort ved skriftleg handsaming',
      'Vedteke 08.04.2022',
    ]) {
      expect(raw).toContain(label);
    }
    expect(raw).not.toContain('BEHANDLING I MØTE');
    expect(raw).not.toContain('AU-');
    expect(raw).toContain('UTKAST');
    expect(raw).toContain('Side 1 av');
    const { structure } = expectArchivalPdf(pdf, {
      title: 'Møteprotokoll Vesterålen regionråds arbeidsutvalg 25.03.2022',
      language: 'nn',
      headings: [
        ['H1', 'MØTEPROTOKOLL'],
        ['H2', '030/22: TILSETJING I SEKRETARIATET'],
        ['H3', 'HANDSAMING I MØTET'],
        ['H3', '030/22 VEDTAK:'],
        ['H2', 'Vedtak gjort ved skriftleg handsaming'],
        ['H3', '033/22: HØYRINGSFRÅSEGN OM BIONOVA'],
      ],
      list: true,
    });
    // The draft mark on every page is page furniture, not part of the document's text.
    expect(JSON.stringify(structure)).not.toContain('UTKAST');
  });
});

describe('renderMinutesDocx', () => {
  it('renders a DOCX that LibreOffice opens, with the headings in order', { timeout: 120_000 }, async () => {
    const file = writeTemp('docx', await renderMinutesDocx(seedMinutes));
    const profile = path.join(tmpdir(), `lo-${randomUUID()}`);
    try {
      // A profile of its own, so conversions running at the same time do not wait for each other's lock.
      await promisify(execFile)(
        'libreoffice',
        [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, file],
        {
          timeout: 110_000,
        },
      );
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    const converted = file.replace(/\.docx$/, '.pdf');
    expect(existsSync(converted)).toBe(true);
    const text = pdfFileText(converted);
    expectInOrder(text, expectedMinutes(seedMinutes));
    expect(text).toContain('a. arbeids- og samarbeidsform');
  });
});
