export { archiveRoutes } from './routes.ts';
export { archivePublicRoutes } from './public-routes.ts';
export { ARCHIVE_EXTRACT_JOB, archiveExtractJob } from './extract.ts';
export { verifyTar } from './verify.ts';
