import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET } from './test/oidc-provider.ts';

/**
 * The end-to-end journeys, in Debian's Chromium (never a downloaded browser), against the app started
 * on its own port with a fresh embedded database and the demo data, and a test OpenID Connect provider.
 * `npm test` builds the web client before this runs; `npm run test:e2e` alone builds it only if missing.
 */
const APP_PORT = Number(process.env.E2E_PORT ?? 39210);
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 39211);
export const BASE_URL = `http://localhost:${APP_PORT}`;
const ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
const DATA_DIR = join(tmpdir(), `digiregion-e2e-${APP_PORT}`);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  // Two cores: one browser at a time, and a failure is a failure.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    // Dialogs and tags fade in and buttons change colour with a transition: without this, axe may measure a colour
    // half way (a contrast of 4.22 on a button caught mid-transition).
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
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
      env: { OIDC_PROVIDER_PORT: String(OIDC_PORT), OIDC_REDIRECT_URIS: `${BASE_URL}/api/auth/oidc/callback` },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      name: 'app',
      // A fresh database every run, so the journeys start from the demo data.
      command: `rm -rf '${DATA_DIR}' '${DATA_DIR}-files' && (test -f dist/web/index.html || node_modules/.bin/vite build --logLevel warn) && node_modules/.bin/tsx src/server/main.ts`,
      url: `${BASE_URL}/api/health`,
      env: {
        PORT: String(APP_PORT),
        PUBLIC_URL: BASE_URL,
        DATA_DIR,
        FILES_DIR: `${DATA_DIR}-files`,
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
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
  ],
});
