import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';

/**
 * The embedded demo's first start, in a process of its own. Creating a PGlite database, migrating it and loading the
 * demo leave the process that did it about 130 MB larger for good, though every object involved is collected: the C
 * heap that creating the database grew (+65 MB, not given back), the memory arenas of the threads that worked on it,
 * and the typesetter's code for the demo's minutes and summons (bench/README.md, «Startup and memory»). A child that
 * does all of it and exits takes that memory with it; the server then starts as it does on an existing database.
 */

/** The argument that makes the server's main module create the demo database and exit instead of serving. */
export const CREATE_DEMO_DATABASE = '--create-demo-database';

/** Whether `dataDir` has no embedded database yet (PGlite's initdb writes PG_VERSION, as backup.ts checks too). */
export function isNewPgliteDatabase(dataDir: string): boolean {
  return !existsSync(join(dataDir, 'PG_VERSION'));
}

/**
 * Runs `mainFile` with CREATE_DEMO_DATABASE in a child process with the same Node options (tsx from source), the same
 * environment and the same output, and waits for it. Rejects if the child fails: it has said why on its stderr. A
 * SIGINT or SIGTERM meanwhile goes to the child as well, and then ends this process by the same signal, as it would
 * have ended the process that loaded the demo itself.
 */
export async function createDemoDatabaseInChild(mainFile: string): Promise<void> {
  // An object: a variable set only in the listener would stay `null` to the type checker.
  const received: { signal?: NodeJS.Signals } = {};
  let child: ChildProcess | undefined;
  const forward = (signal: NodeJS.Signals) => {
    received.signal = signal;
    child?.kill(signal);
  };
  // Listening before the child exists: a signal that came between the spawn and the listeners would have ended this
  // process by its default action and left the child loading alone (main.test.ts caught it once). A listener runs
  // only once the event loop turns, after the spawn has returned.
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  let code: number | null;
  let signal: NodeJS.Signals | null;
  try {
    child = spawn(process.execPath, [...process.execArgv, mainFile, CREATE_DEMO_DATABASE], { stdio: 'inherit' });
    [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  } finally {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
  }
  if (received.signal) {
    // No listener is left, so the signal's default action ends the process; the exit is for the case it does not.
    process.kill(process.pid, received.signal);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    process.exit(128 + constants.signals[received.signal]);
  }
  if (code !== 0) throw new Error(`Creating the demo database failed: its process ended with ${signal ?? `exit code ${code}`}.`);
}
