import { parentPort } from 'node:worker_threads';
import { readInto } from './read.ts';
import { RefusedFile, type ReadOptions } from './types.ts';
import type { ReaderMessage } from './pool.ts';

/** The reader's worker thread: one file at a time, its rows sent back in batches as they are read. */
const port = parentPort!;
const post = (message: ReaderMessage) => port.postMessage(message);

port.on('message', (job: { bytes: Uint8Array; options: ReadOptions }) => {
  readInto(job.bytes, job.options, {
    sheet: (name, hidden) => post({ type: 'sheet', name, hidden }),
    rows: (rows) => post({ type: 'rows', rows }),
  }).then(
    (format) => post({ type: 'done', format }),
    (error: unknown) =>
      post(error instanceof RefusedFile ? { type: 'refused', refusal: error.refusal } : { type: 'failed', message: String(error) }),
  );
});
