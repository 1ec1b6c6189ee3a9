/**
 * Follow and be told (issue 18): what an account or a resident follows, the happenings read from the audit log, the
 * e-mails at once and weekly with a one-click unsubscribe, the in-app list of changes, and public Atom feeds.
 */
export { followRoutes, oneClickUnsubscribeRoutes } from './routes.ts';
export { issueConfirmLink, issueUnsubscribeLink, issueDigestUnsubscribeLink } from './service.ts';
export {
  FOLLOW_COLLECT_JOB,
  FOLLOW_DIGEST_JOB,
  followCollectJob,
  followDigestJob,
  scheduleFollowJobs,
  collectAndDeliver,
  sendWeeklyDigests,
} from './deliver.ts';
