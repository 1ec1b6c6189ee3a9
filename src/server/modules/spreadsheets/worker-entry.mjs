import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// The reader's worker thread. The server runs TypeScript through tsx (npm start, the tests, the benchmarks), and a
// worker thread does not get the parent's loader hooks, whether they came from the command line or from Vitest: it
// registers tsx itself before it loads the reader.
register();
await import(workerData.entry);
