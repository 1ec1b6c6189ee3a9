export { enqueueJob, type JobHandler } from './queue.ts';
export { startJobRunner, type JobRunner } from './runner.ts';
