import { Worker } from 'node:worker_threads';
import { SPREADSHEET_READER } from '../../../shared/spreadsheets/limits.ts';
import { RefusedFile, type ReadOptions, type Refusal, type Sheet, type SheetRow, type SpreadsheetFormat, type Workbook } from './types.ts';

/**
 * The worker threads the reader runs in, so that reading a large file takes no time from the event loop that answers
 * every other request. At most `workers` read at once and `queue` more wait; a further file is refused at once (a
 * burst of uploads cannot pile up files in memory). Each worker has a heap of its own of at most `heapMb` (a file that
 * needs more ends its worker, not the server) and `seconds` to finish. A worker is kept a while after a file, for the
 * next one; one that failed or ran out of time is ended.
 */

export type ReaderMessage =
  | { type: 'sheet'; name: string; hidden: boolean }
  | { type: 'rows'; rows: SheetRow[] }
  | { type: 'done'; format: SpreadsheetFormat }
  | { type: 'refused'; refusal: Refusal }
  | { type: 'failed'; message: string };

/** All workers are reading and the queue is full. */
export class ReaderBusy extends Error {
  constructor() {
    super('every spreadsheet reader is busy');
  }
}

/** The worker ran out of memory or time, or died. */
export class ReaderFailed extends Error {
  constructor(
    readonly why: 'memory' | 'timeout' | 'crashed',
    detail = '',
  ) {
    super(`spreadsheet reader ${why}${detail ? `: ${detail}` : ''}`);
  }
}

export interface PoolSettings {
  workers: number;
  queue: number;
  heapMb: number;
  seconds: number;
  /** How long a worker is kept for the next file. */
  idleMs: number;
}

// Built (dist/app), the reader is JavaScript a worker loads as it is; from source, the worker must register tsx first.
const BUILT = import.meta.url.endsWith('.js');
const ENTRY = new URL(BUILT ? './worker.js' : './worker-entry.mjs', import.meta.url);
const READER = new URL('./worker.ts', import.meta.url).href;

export class ReaderPool {
  private readonly idle: Worker[] = [];
  private readonly idleTimers = new Map<Worker, NodeJS.Timeout>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;

  constructor(readonly settings: PoolSettings = { ...SPREADSHEET_READER, idleMs: 15_000 }) {}

  /** Reads the file in a worker; rejects with RefusedFile, ReaderBusy or ReaderFailed. */
  async read(bytes: Uint8Array, options: ReadOptions): Promise<Workbook> {
    await this.acquire();
    try {
      return await this.run(bytes, options);
    } finally {
      this.release();
    }
  }

  /** How many files are being read and waiting: for the tests. */
  get load() {
    return { running: this.running, waiting: this.waiting.length, idle: this.idle.length };
  }

  /** Ends the idle workers (the busy ones end with their file). */
  async close(): Promise<void> {
    const idle = this.idle.splice(0);
    for (const worker of idle) clearTimeout(this.idleTimers.get(worker));
    this.idleTimers.clear();
    await Promise.all(idle.map((worker) => worker.terminate()));
  }

  private async acquire() {
    if (this.running < this.settings.workers) {
      this.running++;
      return;
    }
    if (this.waiting.length >= this.settings.queue) throw new ReaderBusy();
    // The slot passes straight from the file that finishes to this one, so `running` stays as it is.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  private spawn(): Worker {
    const worker = new Worker(ENTRY, {
      workerData: { entry: READER },
      resourceLimits: { maxOldGenerationSizeMb: this.settings.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    // An idle worker that dies is forgotten; a busy one's failure is answered by run().
    worker.on('error', () => undefined);
    worker.on('exit', () => this.forget(worker));
    return worker;
  }

  private forget(worker: Worker) {
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    clearTimeout(this.idleTimers.get(worker));
    this.idleTimers.delete(worker);
  }

  private take(): Worker {
    const worker = this.idle.pop();
    if (!worker) return this.spawn();
    clearTimeout(this.idleTimers.get(worker));
    this.idleTimers.delete(worker);
    worker.ref();
    return worker;
  }

  private park(worker: Worker) {
    // An idle worker does not keep the process alive.
    worker.unref();
    this.idle.push(worker);
    const timer = setTimeout(() => {
      this.forget(worker);
      void worker.terminate();
    }, this.settings.idleMs);
    timer.unref();
    this.idleTimers.set(worker, timer);
  }

  private run(bytes: Uint8Array, options: ReadOptions): Promise<Workbook> {
    const worker = this.take();
    return new Promise<Workbook>((resolve, reject) => {
      const sheets: Sheet[] = [];
      let settled = false;
      const finish = (keep: boolean, outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (keep) this.park(worker);
        else void worker.terminate();
        outcome();
      };
      const onMessage = (message: ReaderMessage) => {
        switch (message.type) {
          case 'sheet':
            sheets.push({ name: message.name, hidden: message.hidden, rows: [] });
            break;
          case 'rows': {
            const sheet = sheets.at(-1);
            if (sheet) for (const row of message.rows) sheet.rows.push(row);
            break;
          }
          case 'done':
            finish(true, () => resolve({ format: message.format, sheets }));
            break;
          case 'refused':
            finish(true, () => reject(new RefusedFile(message.refusal)));
            break;
          case 'failed':
            finish(false, () => reject(new ReaderFailed('crashed', message.message)));
            break;
        }
      };
      const onError = (error: Error & { code?: string }) =>
        finish(false, () => reject(new ReaderFailed(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crashed', error.message)));
      const onExit = (code: number) => finish(false, () => reject(new ReaderFailed('crashed', `exit ${code}`)));
      const timer = setTimeout(() => finish(false, () => reject(new ReaderFailed('timeout'))), this.settings.seconds * 1000);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      // A copy of exactly the file, moved rather than copied again into the worker.
      const copy = new Uint8Array(bytes);
      worker.postMessage({ bytes: copy, options }, [copy.buffer]);
    });
  }
}
