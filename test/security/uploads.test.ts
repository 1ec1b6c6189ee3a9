import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, caseDocuments, projectDocuments } from '../../src/server/db/schema/index.ts';
import { renderTable } from '../../src/server/modules/documents/index.ts';
import { DATABASE_KINDS, startTestApp, USERS, type Client, type TestApp } from '../harness.ts';
import { expectError } from '../helpers.ts';
import { storedFiles } from './stored-files.ts';
import { zipOf } from './zip.ts';

/**
 * Failure 8 of the attack (issue 15): uploads were trusted by name. EXE and HTML bytes named `.pdf` were stored and
 * served as PDF, and a quote in a file name broke Content-Disposition. Now the bytes decide, on every upload route.
 */
const EXE = Buffer.concat([
  Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
  Buffer.alloc(56),
  Buffer.from('PE\0\0', 'latin1'),
  Buffer.alloc(200),
]);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script>%PDF-1.4 %%EOF</body></html>');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

async function docxBytes(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Saksframlegg')] }] }));
}
async function xlsxBytes(): Promise<Buffer> {
  return (await renderTable('xlsx', 'vedlegg', [{ header: 'Navn', value: (r: { n: string }) => r.n }], [{ n: 'Bø' }])).body;
}

describe.each(DATABASE_KINDS)('uploads checked by content, on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let caseId: string;
  let projectId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.as(USERS.vesteralenAdmin);
    const networkId = await t.networkId('digivesteralen');
    const body = await admin.post(`/api/networks/${networkId}/bodies`, { kind: 'workingGroup', name: 'Opplastingsgruppe' });
    const meeting = await admin.post(`/api/bodies/${body.body.id}/meetings`, { date: '2031-06-01', startTime: '09:00' });
    const withCase = await admin.post(`/api/meetings/${meeting.body.id}/cases`, { type: 'decision', title: 'Sak', recommendation: 'Ja.' });
    caseId = withCase.body.items.at(-1).caseId;
    projectId = (await admin.post(`/api/networks/${networkId}/projects`, { title: 'Opplastingsprosjekt', focusAreaKeys: [] })).body.id;
  });
  afterAll(() => t.close());

  const uploadToCase = (fileName: string, bytes: Buffer, contentType = 'application/pdf') =>
    admin.request('POST', `/api/cases/${caseId}/documents?fileName=${encodeURIComponent(fileName)}`, bytes, {
      'content-type': contentType,
    });
  const uploadToProject = (fileName: string, bytes: Buffer, contentType = 'application/pdf') =>
    admin.request('POST', `/api/projects/${projectId}/documents?kind=mandate&fileName=${encodeURIComponent(fileName)}`, bytes, {
      'content-type': contentType,
    });

  /** The upload is refused with 415 naming the file, and nothing is left: no row, no audit entry, no file. */
  async function refusedByContent(send: () => ReturnType<Client['request']>, message: string) {
    const before = { files: storedFiles(t.filesDir), audit: await t.db.$count(auditEntries) };
    const rows = { cases: await t.db.$count(caseDocuments), projects: await t.db.$count(projectDocuments) };
    const res = await send();
    expect(expectError(res, 415, 'unsupported_media_type')).toEqual({ fileName: message });
    expect(storedFiles(t.filesDir)).toEqual(before.files);
    expect(await t.db.$count(auditEntries)).toBe(before.audit);
    expect({ cases: await t.db.$count(caseDocuments), projects: await t.db.$count(projectDocuments) }).toEqual(rows);
  }
  const NOT_A_DOCUMENT = '«Fil» er ikke en PDF-, DOCX- eller XLSX-fil: innholdet stemmer ikke med noen av dem.';

  it('refuses EXE and HTML bytes named .pdf, on every upload route', async () => {
    for (const send of [uploadToCase, uploadToProject]) {
      await refusedByContent(() => send('tilbud.pdf', EXE), NOT_A_DOCUMENT);
      await refusedByContent(() => send('tilbud.pdf', HTML), NOT_A_DOCUMENT);
      // Declared as something else, with nothing else to go by.
      await refusedByContent(() => send('tilbud.pdf', EXE, 'application/octet-stream'), NOT_A_DOCUMENT);
    }
  });

  it('refuses a PDF header without its end, and a zip that is no office document', async () => {
    await refusedByContent(() => uploadToCase('halv.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n')), NOT_A_DOCUMENT);
    const plainZip = zipOf({ 'readme.txt': 'hei', 'word/document.xml': '<w:document/>' });
    await refusedByContent(() => uploadToCase('brev.docx', plainZip, UPLOAD_DOCX), NOT_A_DOCUMENT);
    const macros = zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>', 'word/vbaProject.bin': 'x' });
    await refusedByContent(() => uploadToCase('brev.docx', macros, UPLOAD_DOCX), NOT_A_DOCUMENT);
    // A zip's end record that points outside the file.
    const broken = Buffer.from(plainZip);
    broken.writeUInt32LE(0x7fffffff, broken.length - 6);
    await refusedByContent(() => uploadToCase('brev.docx', broken, UPLOAD_DOCX), NOT_A_DOCUMENT);
  });

  it('refuses a real document whose name says another kind', async () => {
    const docx = await docxBytes();
    const xlsx = await xlsxBytes();
    await refusedByContent(() => uploadToCase('rapport.pdf', docx), '«Fil» er en DOCX-fil, men navnet slutter ikke på .docx.');
    await refusedByContent(
      () => uploadToProject('budsjett.docx', xlsx, UPLOAD_DOCX),
      '«Fil» er en XLSX-fil, men navnet slutter ikke på .xlsx.',
    );
  });

  it('takes PDF, DOCX and XLSX by their bytes, and keeps the type it found, not the one declared', async () => {
    const docx = await uploadToCase('saksframlegg.docx', await docxBytes(), 'application/octet-stream');
    expect(docx.status).toBe(201);
    expect(docx.body.contentType).toBe(UPLOAD_DOCX);
    const xlsx = await uploadToProject('budsjett.xlsx', await xlsxBytes(), 'application/pdf');
    expect(xlsx.status).toBe(201);
    expect(xlsx.body.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const pdf = await uploadToCase('notat.pdf', PDF);
    expect(pdf.status).toBe(201);
    const download = await admin.get(`/api/case-documents/${docx.body.id}/file`);
    expect(download.headers['content-type']).toBe(UPLOAD_DOCX);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps the name without path parts or control characters, and a quote no longer breaks Content-Disposition', async () => {
    const quoted = await uploadToCase('Sak "014-22" – tilbud; 100%.pdf', PDF);
    expect(quoted.status).toBe(201);
    expect(quoted.body.fileName).toBe('Sak "014-22" – tilbud; 100%.pdf');
    const download = await admin.get(`/api/case-documents/${quoted.body.id}/file`);
    const header = String(download.headers['content-disposition']);
    // attachment; filename="<ASCII without quotes>"; filename*=UTF-8''<attr-chars and %XX only>
    expect(header).toMatch(/^attachment; filename="[\x20\x21\x23-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe(quoted.body.fileName);

    const path = await uploadToProject('C:\\fakepath\\..\\mandat\u202Efdp.exe.pdf', PDF);
    expect(path.status).toBe(201);
    expect(path.body.fileName).toBe('mandatfdp.exe.pdf');
    const project = await admin.get(`/api/project-documents/${path.body.id}/file`);
    expect(project.headers['content-disposition']).toBe(`attachment; filename="mandatfdp.exe.pdf"; filename*=UTF-8''mandatfdp.exe.pdf`);
  });
});

const UPLOAD_DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
