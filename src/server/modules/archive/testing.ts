import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Client, TestApp } from '../../../../test/harness.ts';
import type { ArchiveExtract } from '../../../shared/archive/schema.ts';
import { PROJECT_ROOT } from '../../project-root.ts';

/** Test helpers of the archive module: extracts made and unpacked as a receiver would, XML checked with xmllint. */

export const SCHEMA_DIR = join(PROJECT_ROOT, 'data/reference/noark5');

/** Asks for an extract, runs the job that builds it, and answers it as the API then gives it. */
export async function makeExtract(t: TestApp, client: Client, network: string, input: Record<string, unknown>): Promise<ArchiveExtract> {
  const created = await client.post<ArchiveExtract>(`/api/networks/${network}/archive-extracts`, input);
  expect(created.status, JSON.stringify(created.body)).toBe(202);
  expect(created.body.status).toBe('queued');
  await t.app.jobs.drain();
  const ready = await client.get<ArchiveExtract>(`/api/archive-extracts/${created.body.id}`);
  expect(ready.body.status, ready.body.failure ?? '').toBe('ready');
  return ready.body;
}

export async function downloadTar(t: TestApp, client: Client, extractId: string): Promise<Buffer> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/archive-extracts/${extractId}/download`,
    headers: { cookie: client.cookie! },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/x-tar');
  return res.rawPayload;
}

/** The tar unpacked with GNU tar into a new folder; answers the extract's own folder in it. */
export function unpack(tar: Buffer, extractId: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'arkivuttrekk-'));
  writeFileSync(join(dir, 'uttrekk.tar'), tar);
  execFileSync('tar', ['-xf', 'uttrekk.tar'], { cwd: dir });
  return join(dir, extractId);
}

/** xmllint's verdict on a file against one of the Noark 5 schemas kept in the repository. */
export function validate(file: string, schema: string): { ok: boolean; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--schema', join(SCHEMA_DIR, schema), file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** The text of an XPath expression over a file, namespaces ignored (local names). */
export function xpath(file: string, expression: string): string {
  return execFileSync('xmllint', ['--xpath', expression, file], { encoding: 'utf8' }).trim();
}

/** Every element with this local name, as its inner XML (a light reading of files this module wrote itself). */
export function elements(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}(?: [^>]*)?>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => m[1]!);
}

/** The text of the first child element with this local name. */
export function text(xml: string, name: string): string | null {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return match
    ? match[1]!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
    : null;
}

/** A registration's own elements, its document descriptions taken out (they come first and have titles of their own). */
export const own = (registration: string) => registration.replace(/<dokumentbeskrivelse>[\s\S]*?<\/dokumentbeskrivelse>/g, '');
