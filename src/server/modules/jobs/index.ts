export { countJobsByState, enqueueJob, OPEN_JOB_STATES, type JobHandler } from './queue.ts';
export { startJobRunner, type JobOutcome, type JobRunner } from './runner.ts';
