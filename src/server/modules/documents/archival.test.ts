import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectArchivalPdf, readPdf, structElements, structText } from '../../../../test/pdf.ts';
import { printable } from './fonts.ts';
import { heading, markdownToBlocks, MAX_LIST_DEPTH, type Block, type BlockDocument } from './markdown-blocks.ts';
import { MINUTES_LABELS, renderMinutesPdf, type MinutesDocument } from './minutes.ts';
import { renderBlocksPdf } from './pdf.ts';
import { renderStatusReportPdf, type StatusReportDocument } from './status-report.ts';
import { renderStrategyPdf, type StrategyDocument } from './strategy.ts';

/**
 * Every PDF type is a tagged PDF/A-2 in bokmål and in nynorsk (minutes and summons in their own tests, statements
 * and the benefits plan in their modules'), and no text a user writes can change a document's layout or content
 * beyond being shown as written.
 */

const strategy: StrategyDocument = {
  language: 'nb',
  networkName: 'DigiVesterålen',
  title: 'Digitaliseringsstrategi for Vesterålen',
  periodStart: 2024,
  periodEnd: 2027,
  versionNumber: 2,
  publishedOn: '2025-03-13',
  content: {
    vision: 'Sammen om digitale tjenester.',
    mainGoal: 'Innbyggerne møter én digital kommune.',
    statement: null,
    principles: [{ title: 'Gjenbruk før nytt', text: 'Vi bruker **nasjonale** fellesløsninger:\n\n- ID-porten\n- SvarUt' }],
    focusAreas: [{ title: 'Digital kompetanse', text: null }],
    benefitAreas: { better: ['Bedre tjenester'], more: [], shorter: ['Kortere saksbehandlingstid'], reduce: [] },
  },
  local: null,
};

const statusReport: StatusReportDocument = {
  language: 'nb',
  networkName: 'DigiVesterålen',
  projectReference: 'DV-2026-01',
  projectTitle: 'DigiHelse',
  phase: 'Planlegging',
  ownerName: 'Kari Nordmann',
  managerName: null,
  period: 'mars 2026',
  overall: 'yellow',
  summary: 'Integrasjonen er forsinket.',
  parameters: [
    { name: 'Gevinster', status: 'green', comment: 'Gevinstkartet er ferdig.' },
    { name: 'Tid', status: 'red', comment: 'Tre uker bak planen.' },
  ],
  budget: 1_250_000,
  spent: 430_500,
  forecast: 1_310_000,
  publishedAt: new Date('2026-03-12T13:05:00Z'),
  publishedBy: 'Mona Prosjektleder',
};

describe('strategy PDF', () => {
  it('is a tagged PDF/A for the network in bokmål: headings, the benefit areas as lists', async () => {
    expectArchivalPdf(await renderStrategyPdf(strategy), {
      title: strategy.title,
      language: 'nb',
      headings: [
        ['H1', strategy.title],
        ['H2', 'Visjon'],
        ['H2', 'Hovedmål'],
        ['H2', 'Prinsipper'],
        ['H3', 'Gjenbruk før nytt'],
        ['H2', 'Innsatsområder'],
        ['H2', 'Gevinstområder'],
        ['H3', 'Bedre'],
        ['H3', 'Kortere'],
      ],
      list: true,
    });
  });

  it('is a tagged PDF/A for a nynorsk municipality in nynorsk, its decision last', async () => {
    const pdf = expectArchivalPdf(
      await renderStrategyPdf({
        ...strategy,
        language: 'nn',
        local: {
          municipalityName: 'Hadsel',
          texts: { mainGoal: 'Hadsel sitt eige *hovudmål*.' },
          decision: { status: 'adopted', bodyName: 'Kommunestyret', date: '2025-04-02', caseNumber: '25/118' },
        },
      }),
      {
        title: strategy.title,
        language: 'nn',
        headings: [
          ['H1', strategy.title],
          ['H2', 'Hovudmål'],
          ['H3', 'Lokal tilpassing for Hadsel'],
          ['H2', 'Gevinstområde'],
          ['H3', 'Betre'],
          ['H2', 'Politisk vedtak'],
        ],
        list: true,
      },
    );
    expect(pdf.text).toContain('Vedteken i Kommunestyret 02.04.2025, sak 25/118.');
  });
});

describe('status report PDF', () => {
  for (const language of ['nb', 'nn'] as const) {
    it(`is a tagged PDF/A in ${language}: the facts as label and value, the parameters as a table with header cells`, async () => {
      const pdf = expectArchivalPdf(await renderStatusReportPdf({ ...statusReport, language }), {
        title: 'Statusrapport mars 2026: DV-2026-01 DigiHelse',
        language,
        headings: [
          ['H1', 'Statusrapport mars 2026'],
          ['H2', 'Oppsummering'],
          ['H2', language === 'nb' ? 'Styringsparametere' : 'Styringsparametrar'],
          ['H2', 'Økonomi'],
        ],
        table: true,
        list: true,
      });
      const header = structElements(pdf.structure).filter((e) => e.type === 'TH');
      expect(header.map(structText)).toEqual(['Styringsparameter', 'Status', 'Kommentar']);
      // The light is in words beside its dot, so the colour is never the only sign.
      const squashed = pdf.text.replace(/\s+/g, ' ');
      expect(squashed).toContain(language === 'nb' ? 'Tid Rød – avvik Tre uker bak planen.' : 'Tid Raud – avvik Tre uker bak planen.');
      expect(squashed).toContain('Samla status Gul – risiko for avvik'.replace('Samla', language === 'nb' ? 'Samlet' : 'Samla'));
    });
  }

  it('gives the same bytes for the same report, dated when it was published', async () => {
    const first = await renderStatusReportPdf(statusReport);
    expect((await renderStatusReportPdf(statusReport)).equals(first)).toBe(true);
    expect(readPdf(first).xmp).toContain('<xmp:CreateDate>2026-03-12T13:05:00');
  });
});

/** The minutes of one case whose every text is the given one. */
function minutesWith(text: string, language: 'nb' | 'nn' = 'nb'): MinutesDocument {
  return {
    language,
    networkName: text,
    bodyName: `Arbeidsutvalet ${text}`,
    bodyShortCode: null,
    meeting: { date: '2022-03-25', startTime: '09:00', endTime: null, place: text, writtenProcedure: false },
    attendance: { present: [{ name: text, role: 'leiar', municipality: text }], absent: [], deputies: [], others: [], notes: [] },
    cases: [
      {
        number: '001/22',
        title: text,
        recommendation: text,
        deliberation: text,
        decision: text,
        outcome: 'decided',
        vote: text,
        disqualifications: [text],
        protocolRemarks: [{ author: text, text }],
        closedBasis: null,
      },
    ],
    writtenDecisions: [],
    approval: { text },
    draft: false,
  };
}

describe('user text in a PDF', () => {
  // Typst markup, Markdown and both at once; if any of it were read as markup, a page would break, a file would be
  // read, a heading or emphasis would appear, or the text would change.
  const attack =
    'Sak #pagebreak() #read("/etc/passwd") #set text(fill: red) [x] $1+1$ *fet* _kursiv_ \\ <etikett> @ref `kode` = Ikke overskrift #heading[Falsk] ]) } "';

  it('shows Typst markup in titles, names and places exactly as written, and nothing more', async () => {
    const pdf = readPdf(await renderMinutesPdf(minutesWith(attack)));
    expect(pdf.info.Pages).toBe('1');
    expect(pdf.info.Title).toBe(`Møteprotokoll Arbeidsutvalet ${attack} 25.03.2022`);
    const shown = pdf.text.replace(/\s+/g, '');
    expect(shown).toContain(attack.replace(/\s+/g, ''));
    expect(shown).toContain(attack.toLocaleUpperCase('nb').replace(/\s+/g, ''));
    expect(pdf.text).not.toContain('root:');
    const headings = structElements(pdf.structure).filter((e) => /^H\d$/.test(e.type));
    const labels = MINUTES_LABELS.nb;
    const squash = (text: string) => text.replace(/\s+/g, '');
    expect(headings.map((h) => squash(structText(h)))).toEqual(
      [
        labels.title,
        `001/22: ${attack.toLocaleUpperCase('nb')}`,
        labels.recommendation,
        labels.deliberation,
        labels.decision(null, '001/22'),
        labels.protocolRemark(attack),
      ].map(squash),
    );
  });

  it('reads Markdown as Markdown and Typst markup inside it as text', async () => {
    const markdown = 'Avsnitt med **fet** tekst og `#pagebreak()`.\n\n- #heading[Falsk]\n- $x$ <a> @b\n\n# Ekte overskrift';
    const doc: BlockDocument = {
      language: 'nn',
      title: 'Saksframlegg',
      runningHeader: null,
      footer: '#pagebreak()',
      pageLabel: { page: 'Side', of: 'av' },
      blocks: [heading(1, 'Saksframlegg'), ...markdownToBlocks(markdown)],
    };
    const pdf = expectArchivalPdf(await renderBlocksPdf(doc), {
      title: 'Saksframlegg',
      language: 'nn',
      headings: [
        ['H1', 'Saksframlegg'],
        ['H4', 'Ekte overskrift'],
      ],
      list: true,
    });
    expect(pdf.info.Pages).toBe('1');
    expect(pdf.text).toContain('Avsnitt med fet tekst og #pagebreak().');
    expect(pdf.text).toContain('#heading[Falsk]');
    expect(pdf.text).toContain('$x$ <a> @b');
    expect(pdf.text).toMatch(/#pagebreak\(\)\s+Side 1 av 1/);
    expect(structElements(pdf.structure).filter((e) => /^H\d$/.test(e.type))).toHaveLength(2);
  });

  it('keeps links to the web and e-mail only, and shows their text', async () => {
    const blocks = markdownToBlocks(
      'Sjå [nettsida](https://example.no/æøå?a=1) og [fila](file:///etc/passwd) og [skript](javascript:alert(1)).',
    );
    const pdf = await renderBlocksPdf({
      language: 'nn',
      title: 'Lenker',
      runningHeader: null,
      footer: '',
      pageLabel: { page: 'Side', of: 'av' },
      blocks: [heading(1, 'Lenker'), ...blocks],
    });
    const raw = pdf.toString('latin1');
    expect(raw).toContain('https://example.no/%C3%A6%C3%B8%C3%A5?a=1');
    expect(raw).not.toContain('file:///etc/passwd');
    expect(raw).not.toContain('javascript:');
    expect(readPdf(pdf).text).toContain('Sjå nettsida og fila og skript.');
  });

  it('replaces what the fonts cannot show instead of failing: emoji, Chinese, control and private-use characters', async () => {
    expect(printable('Sámi: Suortá, Hámmárfeasta ŋ č đ ŧ ž – «Æ Ø Å»')).toBe('Sámi: Suortá, Hámmárfeasta ŋ č đ ŧ ž – «Æ Ø Å»');
    expect(printable('a\u0000b\u0007c\td\r\ne')).toBe('abc d \ne');
    expect(printable('😀 中文 \uE000 \uFEFFx \uD800y')).toBe('? ?? ? x y');
    expect(printable('1\u202F000 kr')).toBe('1\u00A0000 kr');
    const pdf = expectArchivalPdf(await renderMinutesPdf(minutesWith('Møte 😀 中文 \uE000\uFEFF\u0007 \uD800slutt', 'nn')), {
      title: 'Møteprotokoll Arbeidsutvalet Møte ? ?? ? slutt 25.03.2022',
      language: 'nn',
      headings: [['H1', 'MØTEPROTOKOLL']],
      list: true,
    });
    expect(pdf.text).toContain('Møte ? ?? ? slutt');
  });

  it('renders Markdown lists nested a hundred deep, at most eight levels of them as lists', async () => {
    const deep = (marker: string, indent: number) =>
      Array.from({ length: 100 }, (_, i) => `${' '.repeat(indent * i)}${marker} nivå ${i}`).join('\n');
    for (const markdown of [deep('-', 2), deep('1.', 3)]) {
      const blocks = markdownToBlocks(markdown);
      const depthOf = (list: Block[]): number =>
        Math.max(0, ...list.map((b) => (b.kind === 'list' ? 1 + Math.max(0, ...b.items.map(depthOf)) : 0)));
      expect(depthOf(blocks)).toBe(MAX_LIST_DEPTH);
      const pdf = readPdf(
        await renderBlocksPdf({
          language: 'nb',
          title: 'Dypt',
          runningHeader: null,
          footer: '',
          pageLabel: { page: 'Side', of: 'av' },
          blocks: [heading(1, 'Dypt'), ...blocks],
        }),
      );
      expect(pdf.info.Tagged).toBe('yes');
      // Every level's text is there, in order.
      const shown = pdf.text.replace(/\s+/g, ' ');
      let at = 0;
      for (let i = 0; i < 100; i++) {
        const found = shown.indexOf(`nivå ${i} `, at);
        expect(found, `nivå ${i}`).toBeGreaterThanOrEqual(at);
        at = found;
      }
    }
  });

  it('renders any text at all as a PDF/A (property test)', async () => {
    const character = fc.oneof(
      fc.constantFrom('#', '[', ']', '$', '*', '_', '\\', '<', '>', '@', '`', '"', '=', '\n', ' ', 'æ', 'ø', 'å'),
      fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: character, maxLength: 60 }), async (text) => {
        const pdf = await renderMinutesPdf(minutesWith(text));
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdf.toString('latin1')).toContain('<pdfaid:part>2</pdfaid:part>');
      }),
      { numRuns: 40 },
    );
  });
});
