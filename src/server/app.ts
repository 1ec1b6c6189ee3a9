import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuthConfig } from '../shared/auth/schema.ts';
import { allowHttpLinks } from '../shared/common.ts';
import type { AppConfig } from './config.ts';
import type { Database } from './db/client.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { registerAuthContext } from './plugins/auth.ts';
import { registerAccessDeclarations } from './access/index.ts';
import { capabilityRoutes } from './access/routes.ts';
import { frameworkError, registerErrorHandler, sendError } from './plugins/error-handler.ts';
import { loggerOptions, registerRequestLifecycle, requestIdGenerator, type Lifecycle, type LogDestination } from './plugins/logging.ts';
import { registerMetrics, type Metrics } from './plugins/metrics.ts';
import { registerRequestQueue } from './plugins/request-queue.ts';
import { registerSecurityHeaders, securityHeaders } from './plugins/security-headers.ts';
import { zodValidatorCompiler } from './plugins/validation.ts';
import { auditRoutes } from './modules/audit/index.ts';
import { healthRoutes } from './modules/health/index.ts';
import { authLinkIssuers, authRoutes } from './modules/auth/index.ts';
import { oidcRoutes } from './modules/auth/oidc.ts';
import { startJobRunner, type JobRunner } from './modules/jobs/index.ts';
import { BENEFIT_REMINDER_JOB, benefitReminderJob, benefitRoutes, scheduleBenefitReminders } from './modules/benefits/index.ts';
import { EMAIL_JOB, emailJobHandler } from './modules/mail/index.ts';
import { networkRoutes } from './modules/network/index.ts';
import { CLOSE_PROCEDURE_JOB, closeProcedureJob, historyRoutes, meetingLinkIssuers, meetingRoutes } from './modules/meetings/index.ts';
import { fileStorageFor, type FileStorage } from './modules/storage/index.ts';
import { oparlRoutes, publicRoutes } from './modules/publicAccess/index.ts';
import { issueSurveyLink, mappingRoutes, SURVEY_REMINDER_JOB, surveyReminderJob } from './modules/mapping/index.ts';
import { strategyRoutes } from './modules/strategy/index.ts';
import { portfolioRoutes } from './modules/portfolio/index.ts';
import { programmeRoutes } from './modules/programmes/index.ts';
import { financeRoutes, GRANT_REMINDER_JOB, grantReminderJob, scheduleGrantReminders } from './modules/finance/index.ts';
import { ARCHIVE_EXTRACT_JOB, archiveExtractJob, archivePublicRoutes, archiveRoutes } from './modules/archive/index.ts';
import { openDataRoutes } from './modules/openData/index.ts';
import { accessibilityRoutes } from './modules/accessibility/index.ts';
import { myWorkRoutes } from './modules/myWork/index.ts';
import {
  FOLLOW_COLLECT_JOB,
  FOLLOW_DIGEST_JOB,
  followCollectJob,
  followDigestJob,
  followRoutes,
  issueConfirmLink,
  issueDigestUnsubscribeLink,
  issueUnsubscribeLink,
  oneClickUnsubscribeRoutes,
  scheduleFollowJobs,
} from './modules/follows/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobRunner;
    metrics: Metrics;
    lifecycle: Lifecycle;
  }
}

export const VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export interface BuildOptions {
  config: AppConfig;
  database: Database;
  /** Shown on the login page in demo mode only. */
  demoUsers?: NonNullable<AuthConfig['demo']>['users'];
  /** Poll the job table in the background (off in tests, which drain it by hand); config.runJobs when not given. */
  runJobs?: boolean;
  logger?: boolean;
  /** Where log lines go instead of standard output (tests read them). */
  logStream?: LogDestination;
  /** The attachments' storage, shared with the demo seed; made from config.storage when not given. */
  storage?: FileStorage;
}

/** The Fastify instance with every module registered; used by serve.ts and by the tests. */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const storage = options.storage ?? fileStorageFor(config.storage);
  const setSecurityHeaders = securityHeaders({ publicUrl: config.publicUrl });
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(config.logLevel, options.logStream),
    // A hop count as proxy-addr's trust function (Fastify's types leave the number form out).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    genReqId: requestIdGenerator(config.trustProxy),
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    // Requests that arrive while stopping get the one error shape (registerRequestLifecycle), not Fastify's own 503.
    return503OnClosing: false,
    // A path that cannot be decoded answers in the one error shape too, with the headers every answer has.
    frameworkErrors: (error, request, reply) => {
      setSecurityHeaders(request, reply);
      frameworkError(error, request, reply);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(zodValidatorCompiler);
  // The schemas are the process's, so this is too: the app built last decides, and closing gives back the default.
  allowHttpLinks(config.allowHttpLinks);
  app.addHook('onClose', async () => allowHttpLinks(false));
  // The API takes JSON, and files only where a route says so: a text body elsewhere is 415, not a string for zod.
  app.removeContentTypeParser('text/plain');
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerSecurityHeaders(app, { publicUrl: config.publicUrl });
  const lifecycle: Lifecycle = { shuttingDown: false };
  app.decorate('lifecycle', lifecycle);
  registerRequestLifecycle(app, lifecycle);
  // Before the session is read: that is a database read too, and waits its turn with the rest.
  const queue = registerRequestQueue(app, config.requestQueue);
  const metrics = registerMetrics(app, database, queue);
  app.decorate('metrics', metrics);

  await registerCompression(app);
  // The API documentation is public.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config as object), public: true };
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Digiregion API',
        version: VERSION,
        description:
          'Every action in the Digiregion UI, as an HTTP API. Errors have one shape: { error: { code, message, fields?, requestId } }.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'dr_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  registerAuthContext(app, database.db);
  registerAccessDeclarations(app);

  const jobs = startJobRunner(
    database.db,
    {
      [EMAIL_JOB]: emailJobHandler({
        smtp: config.smtp,
        mailDir: config.mailDir,
        publicUrl: config.publicUrl,
        issuers: {
          ...meetingLinkIssuers,
          surveyResponse: issueSurveyLink,
          ...authLinkIssuers,
          followConfirm: issueConfirmLink,
          unsubscribe: issueUnsubscribeLink,
          unsubscribeDigest: issueDigestUnsubscribeLink,
        },
      }),
      [CLOSE_PROCEDURE_JOB]: closeProcedureJob,
      [SURVEY_REMINDER_JOB]: surveyReminderJob,
      [BENEFIT_REMINDER_JOB]: benefitReminderJob,
      [GRANT_REMINDER_JOB]: grantReminderJob,
      [ARCHIVE_EXTRACT_JOB]: archiveExtractJob(storage),
      [FOLLOW_COLLECT_JOB]: followCollectJob,
      [FOLLOW_DIGEST_JOB]: followDigestJob,
    },
    { log: app.log, autoStart: options.runJobs ?? config.runJobs, onFinished: metrics.countJob },
  );
  app.decorate('jobs', jobs);
  await scheduleBenefitReminders(database.db, config.publicUrl);
  await scheduleGrantReminders(database.db, config.publicUrl);
  await scheduleFollowJobs(database.db, config.publicUrl);
  app.addHook('onClose', () => jobs.stop());

  const authConfig: AuthConfig = {
    oidc: { enabled: config.oidc !== null, label: config.oidc?.label ?? '' },
    demo: config.demo && options.demoUsers ? { users: options.demoUsers } : null,
  };

  await app.register(
    async (api) => {
      await api.register(healthRoutes, { database, version: VERSION });
      await api.register(authRoutes, { authConfig });
      await api.register(capabilityRoutes);
      await api.register(oidcRoutes, { oidc: config.oidc, publicUrl: config.publicUrl });
      await api.register(networkRoutes);
      await api.register(meetingRoutes, {
        publicUrl: config.publicUrl,
        senderEmail: config.smtp ? (/<([^>]+)>/.exec(config.smtp.from)?.[1] ?? config.smtp.from) : undefined,
        storage,
      });
      await api.register(historyRoutes, { storage, oparlAllowedHosts: config.oparlImportAllowedHosts });
      await api.register(auditRoutes);
      await api.register(publicRoutes, { publicUrl: config.publicUrl, storage, searchCache: config.searchCache });
      await api.register(oparlRoutes, { prefix: '/oparl/v1', publicUrl: config.publicUrl });
      await api.register(mappingRoutes, { publicUrl: config.publicUrl });
      await api.register(strategyRoutes);
      await api.register(portfolioRoutes, { storage });
      await api.register(programmeRoutes);
      await api.register(benefitRoutes);
      await api.register(financeRoutes);
      await api.register(archiveRoutes, { storage });
      await api.register(archivePublicRoutes, { publicUrl: config.publicUrl });
      await api.register(openDataRoutes, { publicUrl: config.publicUrl });
      await api.register(myWorkRoutes);
      await api.register(followRoutes, { publicUrl: config.publicUrl });
      await api.register(accessibilityRoutes, { publicUrl: config.publicUrl, ...config.accessibility });
    },
    { prefix: '/api' },
  );

  await app.register(oneClickUnsubscribeRoutes);
  serveWeb(app, config.webRoot, config.webSourceMaps);
  return app;
}

/**
 * What is compressed per request: HTML, JavaScript, CSS, JSON, XML and other text. Not event streams, which must
 * reach the browser as they are written, and not files that are compressed already (PDF, DOCX, XLSX, ZIP, images)
 * or sent as octet-stream (attachments of any kind).
 */
export const COMPRESSIBLE_TYPES = /^text\/(?!event-stream)|^application\/(?:javascript|xml)(?:;|$)|[+/]json(?:;|$)|\+xml(?:;|$)/;

/**
 * Answers above 1 kB in br or gzip, as the request's Accept-Encoding prefers. The built web client's files are
 * compressed once at build (`.br` and `.gz` beside each, build/precompress.ts) and sent as they are, so their
 * routes are left out here; answers that are compressed already (sendPrepared's gzip) pass through untouched.
 */
async function registerCompression(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    // @fastify/static's routes (one per built file) carry the file and its root in their config.
    const config = route.config as { file?: unknown; rootPath?: unknown } | undefined;
    if (config?.file !== undefined && config.rootPath !== undefined) route.compress = false;
  });
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    customTypes: COMPRESSIBLE_TYPES,
  });
}

/** Content-hashed: a changed file gets a new name, so a browser may keep each one as long as it likes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built React app when there is one, with index.html for every non-API path so client-side
 * routes load. Everything else not found gets the one error shape. Files under assets/ carry a content hash in
 * their names and are cached for a year; index.html is revalidated on every load (`no-cache`, its ETag answers
 * 304), so a new build reaches the browser at once. Each file goes out as its `.br` or `.gz` sibling when the
 * browser accepts one. Source maps are served only with WEB_SOURCE_MAPS=true.
 */
function serveWeb(app: FastifyInstance, webRoot: string | null, sourceMaps: boolean) {
  const hasWeb = webRoot !== null && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) {
    void app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      preCompressed: true,
      // The compressed siblings are sent in place of their file, never by their own names.
      globIgnore: ['**/*.br', '**/*.gz', ...(sourceMaps ? [] : ['**/*.map'])],
      setHeaders: (reply, path) => {
        reply.header('cache-control', relative(webRoot, path).startsWith(`assets${sep}`) ? IMMUTABLE : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    // /metrics lives on the internal listener only; here it is not found, not the web app. A missing build file
    // (an old hash, a source map not served) is not found either: index.html in its place would be cached as it.
    if (!hasWeb || request.method !== 'GET' || path.startsWith('/api/') || path === '/metrics' || path.startsWith('/assets/')) {
      return sendError(request, reply, 'not_found');
    }
    return reply.type('text/html').sendFile('index.html');
  });
}

/** Trusts the given number of proxies nearest to this server, and no further hop. */
function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}
