import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type PostgresTool = 'pg_dump' | 'pg_restore';

/**
 * The pg_dump or pg_restore to use with a server of the given major version: the newest one installed, from
 * Debian's /usr/lib/postgresql/<version>/bin or the PATH, as long as it is at least the server's version
 * (an older pg_dump refuses a newer server).
 */
export async function findPostgresTool(tool: PostgresTool, serverMajor: number): Promise<string> {
  const root = '/usr/lib/postgresql';
  const candidates = [
    tool,
    ...(existsSync(root) ? readdirSync(root).map((version) => join(root, version, 'bin', tool)) : []).filter((path) => existsSync(path)),
  ];
  const found: { path: string; major: number }[] = [];
  for (const path of candidates) {
    const major = await toolMajorVersion(path);
    if (major !== null) found.push({ path, major });
  }
  const best = found.filter((f) => f.major >= serverMajor).sort((a, b) => b.major - a.major)[0];
  if (!best) {
    const seen = found.length > 0 ? ` (found ${found.map((f) => `${f.path}: ${f.major}`).join(', ')})` : '';
    throw new Error(
      `${tool} ${serverMajor} or newer is needed for this PostgreSQL ${serverMajor} server${seen}: install Debian's postgresql-client-${serverMajor} (or newer).`,
    );
  }
  return best.path;
}

async function toolMajorVersion(path: string): Promise<number | null> {
  try {
    const { stdout } = await run(path, ['--version']);
    // «pg_dump (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)»
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * How to hand a connection URL to a libpq tool: the URL without its password as --dbname, and the password in
 * the environment, so that it does not show in the process list.
 */
export function libpqConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = '';
  return { dbname: parsed.toString(), env: { ...process.env, ...(password !== undefined ? { PGPASSWORD: password } : {}) } };
}

/** Runs a libpq tool; its error output becomes the error's message. */
export async function runPostgresTool(path: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run(path, args, { env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`${path} failed${stderr ? `:\n${stderr}` : `: ${(error as Error).message}`}`, { cause: error });
  }
}
