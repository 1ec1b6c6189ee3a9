import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET } from './test/oidc-provider.ts';

/**
 * The end-to-end journeys, in Debian's Chromium (never a downloaded browser), against the app started
 * on its own port with a fresh embedded database and the demo data, and a test OpenID Connect provider.
 * The app is the build (the web client in dist/web, the server compiled in dist/app) that `npm test` and
 * `npm run test:e2e` make before the journeys run.
 */
const APP_PORT = Number(process.env.E2E_PORT ?? 39210);
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 39211);
/**
 * Journeys run in parallel, each worker against an app of its own (its own port, embedded database and demo data),
 * so that a worker's journeys see the state they would see run one after another, whatever the other worker does.
 */
export const WORKERS = Number(process.env.E2E_WORKERS ?? 2);
/** The app of the worker with this parallel index: ports above the OIDC provider's. */
export const appUrl = (parallelIndex: number) => `http://localhost:${appPort(parallelIndex)}`;
const appPort = (parallelIndex: number) => (parallelIndex === 0 ? APP_PORT : OIDC_PORT + parallelIndex);
export const BASE_URL = appUrl(0);
/**
 * Where the app of the worker with this parallel index writes every e-mail, links included (MAIL_DIR): the journeys
 * read a person's link there, as the person reads it in their e-mail, since the app shows no link to anyone else.
 */
export const mailDirOf = (parallelIndex: number) => join(tmpdir(), `digiregion-e2e-${appPort(parallelIndex)}-mail`);
const ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
const appIndexes = Array.from({ length: WORKERS }, (_, i) => i);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  // A failure is a failure.
  workers: WORKERS,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  // All journeys together, when run by `npm test` (test/run-all.sh): past it the journeys running are named as interrupted.
  globalTimeout: Number(process.env.TEST_E2E_LIMIT ?? 0) * 1000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./e2e/unfinished-reporter.ts']],
  use: {
    baseURL: BASE_URL,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    // Dialogs and tags fade in and buttons change colour with a transition: without this, axe may measure a colour
    // half way (a contrast of 4.22 on a button caught mid-transition).
    reducedMotion: 'reduce',
    // A trace costs a fifth of a journey's time and nobody can open it from a CI log: kept for runs by hand only.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: [
    {
      name: 'oidc',
      command: 'node_modules/.bin/tsx test/oidc-provider.ts',
      url: `${ISSUER}/.well-known/openid-configuration`,
      env: {
        OIDC_PROVIDER_PORT: String(OIDC_PORT),
        OIDC_REDIRECT_URIS: appIndexes.map((i) => `${appUrl(i)}/api/auth/oidc/callback`).join(','),
      },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    ...appIndexes.map((index) => {
      const url = appUrl(index);
      const dataDir = join(tmpdir(), `digiregion-e2e-${appPort(index)}`);
      const mailDir = mailDirOf(index);
      return {
        name: `app ${index + 1}`,
        // A fresh database every run, so the journeys start from the demo data.
        command: `rm -rf '${dataDir}' '${dataDir}-files' '${mailDir}' && node dist/app/server/main.js`,
        url: `${url}/api/health`,
        env: {
          PORT: String(appPort(index)),
          PUBLIC_URL: url,
          DATA_DIR: dataDir,
          FILES_DIR: `${dataDir}-files`,
          MAIL_DIR: mailDir,
          DATABASE_URL: '',
          DEMO: 'true',
          OIDC_ISSUER: ISSUER,
          OIDC_CLIENT_ID: TEST_CLIENT_ID,
          OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET,
          OIDC_LABEL: 'Testinnlogging',
          LOG_LEVEL: 'warn',
          // No metrics listener: its fixed default port would clash between runs side by side on one machine.
          METRICS_PORT: '0',
        },
        reuseExistingServer: false,
        timeout: 180_000,
        stdout: 'pipe' as const,
        stderr: 'pipe' as const,
        gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
      };
    }),
  ],
});
