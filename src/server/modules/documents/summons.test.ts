import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectArchivalPdf } from '../../../../test/pdf.ts';
import { renderSummonsDocx, renderSummonsPdf, type SummonsDocument } from './summons.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'summons-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function summonsText(doc: SummonsDocument): Promise<string> {
  const file = path.join(tmp, `${doc.language}-${String(doc.publicVersion)}.pdf`);
  writeFileSync(file, await renderSummonsPdf(doc));
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

const squash = (text: string): string => text.replace(/\s+/g, '');

const exemptPaper = 'Søknadene fra de tre kandidatene er vurdert av innstillingsutvalget.';

const summons: SummonsDocument = {
  language: 'nb',
  networkName: 'DigiVesterålen',
  bodyName: 'Vesterålen regionråds arbeidsutvalg',
  bodyShortCode: 'AU',
  meeting: {
    date: '2022-03-25',
    startTime: '09:00',
    endTime: '12:00',
    place: 'Sortland rådhus',
    remoteLink: 'https://meet.example.no/au-2022-03',
    writtenProcedure: false,
  },
  recipients: [
    { group: 'voting', lines: ['Kari Nordmann, Leder, Sortland', 'Ola Nordmann, Medlem, Andøy'] },
    { group: 'speaking', lines: ['Randi Rådmann, Kommunedirektør, Hadsel'] },
    { group: 'deputy', lines: ['Vara Varesen, Varamedlem for Kari Nordmann, Sortland'] },
  ],
  deputiesForInformation: true,
  items: [
    {
      number: '014/22',
      title: 'Godkjenning av innkalling',
      type: 'Vedtakssak',
      casePaper: 'Innkallingen ble sendt ut **14 dager** før møtet.',
      recommendation: 'Innkalling til Arbeidsutvalgets møte den 25. mars 2022 godkjennes.',
      exempt: null,
      caseOfficer: 'Sara Saksbehandler',
      attachments: ['mandat.pdf'],
      plannedTime: '09:00–09:05',
    },
    {
      number: '017/22',
      title: 'Mandat for Vesterålen kommunedirektørutvalg (KDU)',
      type: 'Vedtakssak',
      casePaper: 'Mandatet beskriver\n\n1. organisering,\n2. oppgaver og\n3. økonomi.',
      recommendation: 'Vesterålen regionråds arbeidsutvalg vedtar mandat for KDU som fremlagt.',
      exempt: null,
      caseOfficer: 'Sara Saksbehandler',
      attachments: ['mandat.pdf'],
      plannedTime: '09:00–09:05',
    },
    {
      number: '022/22',
      title: 'Tilsetting av sekretariatsleder',
      type: 'Vedtakssak',
      casePaper: exemptPaper,
      recommendation: 'Kandidat A tilsettes.',
      exempt: 'offentleglova § 25',
      caseOfficer: null,
      attachments: ['søknader.pdf'],
      plannedTime: '09:35–10:00',
    },
  ],
  publicVersion: true,
};

describe('renderSummonsPdf', () => {
  it('shows the meeting, the agenda, and each case with its paper and recommendation', async () => {
    const text = squash(await summonsText({ ...summons, publicVersion: false }));
    const expected = [
      'INNKALLING TIL MØTE',
      'Vesterålen regionråds arbeidsutvalg',
      '25.03.2022',
      '09:00–12:00',
      'Sortland rådhus',
      'https://meet.example.no/au-2022-03',
      'Innkalte',
      'Medlemmer',
      'Kari Nordmann, Leder, Sortland',
      'Ola Nordmann',
      'Med møte-, tale- og forslagsrett',
      'Randi Rådmann',
      'Varamedlemmer (til orientering)',
      'Vara Varesen',
      'Varamedlemmer møter bare når de blir særskilt innkalt.',
      'Saksliste',
      'Planlagt tid',
      '017/22',
      'Tilsetting av sekretariatsleder',
      '014/22: GODKJENNING AV INNKALLING',
      'Saksbehandler',
      'Sara Saksbehandler',
      'Planlagt tid',
      '09:00–09:05',
      'Vedlegg',
      'mandat.pdf',
      'Saksframlegg',
      'Innkallingen ble sendt ut 14 dager før møtet.',
      'Innstilling',
      'Innkalling til Arbeidsutvalgets møte den 25. mars 2022 godkjennes.',
      '017/22: MANDAT FOR VESTERÅLEN KOMMUNEDIREKTØRUTVALG (KDU)',
      'økonomi.',
      '022/22: TILSETTING AV SEKRETARIATSLEDER',
      'Unntatt offentlighet, jf. offentleglova § 25',
      exemptPaper,
      'Kandidat A tilsettes.',
    ];
    let from = 0;
    for (const fragment of expected) {
      const at = text.indexOf(squash(fragment), from);
      expect(at, fragment).toBeGreaterThanOrEqual(0);
      from = at;
    }
    expect(text).toContain(squash('Side 1 av'));
  });

  it('in the public version shows an exempt case by its heading and legal basis only', async () => {
    const text = squash(await summonsText(summons));
    expect(text).toContain(squash('022/22: TILSETTING AV SEKRETARIATSLEDER'));
    expect(text).toContain(squash('Unntatt offentlighet, jf. offentleglova § 25'));
    expect(text).not.toContain(squash(exemptPaper));
    expect(text).not.toContain(squash('Kandidat A tilsettes.'));
    expect(text).toContain(squash('Innkallingen ble sendt ut 14 dager før møtet.'));
  });

  it('is a tagged PDF/A in bokmål and in nynorsk: title, language, headings, the agenda as a table with header cells', async () => {
    for (const language of ['nb', 'nn'] as const) {
      expectArchivalPdf(await renderSummonsPdf({ ...summons, language, publicVersion: false }), {
        title: 'Innkalling Vesterålen regionråds arbeidsutvalg 25.03.2022',
        language,
        headings: [
          ['H1', 'INNKALLING TIL MØTE'],
          ['H2', language === 'nb' ? 'Innkalte' : 'Innkalla'],
          ['H2', 'Saksliste'],
          ['H2', '014/22: GODKJENNING AV INNKALLING'],
          ['H3', 'Saksframlegg'],
          ['H3', 'Innstilling'],
          ['H2', '017/22: MANDAT FOR VESTERÅLEN KOMMUNEDIREKTØRUTVALG (KDU)'],
          ['H2', '022/22: TILSETTING AV SEKRETARIATSLEDER'],
        ],
        table: true,
        list: true,
      });
    }
  });

  it('uses the nynorsk labels', async () => {
    const text = await summonsText({ ...summons, language: 'nn', meeting: { ...summons.meeting, writtenProcedure: true } });
    for (const label of [
      'INNKALLING TIL MØTE',
      'Stad',
      'Innkalla',
      'Skriftleg handsaming',
      'Saksframlegg',
      'Unnateke offentlegheit, jf. offentleglova § 25',
    ]) {
      expect(text).toContain(label);
    }
  });

  it('is also a Word document from the same model: LibreOffice reads the groups in order and each case with its facts', async () => {
    const file = path.join(tmp, 'innkalling.docx');
    writeFileSync(file, await renderSummonsDocx({ ...summons, publicVersion: false }));
    execFileSync('soffice', ['--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', tmp, file], { stdio: 'ignore' });
    const text = squash(execFileSync('cat', [path.join(tmp, 'innkalling.txt')], { encoding: 'utf8' }));
    let from = 0;
    for (const fragment of [
      'INNKALLING TIL MØTE',
      'Medlemmer',
      'Kari Nordmann, Leder, Sortland',
      'Med møte-, tale- og forslagsrett',
      'Randi Rådmann',
      'Varamedlemmer (til orientering)',
      'Vara Varesen',
      'Saksliste',
      '014/22: GODKJENNING AV INNKALLING',
      'Sara Saksbehandler',
      '09:00–09:05',
      'mandat.pdf',
      'Innkalling til Arbeidsutvalgets møte den 25. mars 2022 godkjennes.',
      '022/22: TILSETTING AV SEKRETARIATSLEDER',
      'Kandidat A tilsettes.',
    ]) {
      const at = text.indexOf(squash(fragment), from);
      expect(at, fragment).toBeGreaterThanOrEqual(0);
      from = at;
    }
  }, 60_000);
});
