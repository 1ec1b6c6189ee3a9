import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { appUrl, mailDirOf } from '../playwright.config.ts';

export { expect };

/** The demo accounts of src/server/demo/seed.ts that the journeys use; all share one password. */
export const DEMO_PASSWORD = 'Digiregion-demo-2026';
export const SECRETARIAT = { email: 'sekretariat@digivesteralen.no', name: 'Sekretariatet DigiVesterålen' };

/** WCAG 2.2 A and AA, what Norwegian public-sector web pages must meet (likestillings- og diskrimineringsloven). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Accessibility {
  /**
   * Runs axe on the page as it is now and expects no violations. Call it on every page a journey
   * visits, once its content is shown; a journey that leaves a page of the app unchecked fails.
   */
  check(page?: Page): Promise<void>;
  /**
   * An address the journey passed through that shows nothing of its own: the app replaced it with another at once
   * (a record named by its reference takes its id's address). The address it became is checked instead.
   */
  passedThrough(path: string): void;
}

export interface Mailbox {
  /** Every e-mail the app has written to `to` so far, oldest first. */
  all(to: string): Promise<ParsedMail[]>;
  /**
   * The newest e-mail to `to` that `matches`, once the e-mail job has sent it. Wait for an e-mail by what it is, never
   * take the newest: the job sends in its own time.
   */
  find(to: string, matches: (mail: ParsedMail) => boolean, options?: { timeout?: number }): Promise<ParsedMail>;
  /**
   * The path of the personal link (`/forfall/…`) in the newest e-mail to `to` whose subject starts as given, as its
   * recipient reads it. The app itself shows the link to nobody else.
   */
  link(to: string, subjectStart: string, path: string): Promise<string>;
}

interface Fixtures {
  a11y: Accessibility;
  bokmalAfterwards: void;
  mailbox: Mailbox;
  noCspViolations: void;
}

const CSP_MARK = 'CSP violation:';

export const test = base.extend<Fixtures>({
  // Each worker has an app of its own (playwright.config.ts); pages and API requests, and contexts a journey makes, go to it.
  baseURL: async ({}, use, testInfo) => use(appUrl(testInfo.parallelIndex)),

  // The language is kept on the account: whatever a journey chose, the account it ends logged in with gets bokmål
  // back, so the journeys that follow on this worker's app start as the demo data has them.
  bokmalAfterwards: [
    async ({ page }, use) => {
      await use();
      const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken?: string };
      if (me.csrfToken)
        await page.request.put('/api/auth/preferences', { data: { language: 'nb' }, headers: { 'x-csrf-token': me.csrfToken } });
    },
    { auto: true },
  ],

  mailbox: async ({}, use, testInfo) => {
    const dir = mailDirOf(testInfo.parallelIndex);
    const all = async (to: string) => {
      const names = existsSync(dir)
        ? readdirSync(dir)
            .filter((n) => n.endsWith('.eml'))
            .sort()
        : [];
      const mails = await Promise.all(names.map(async (name) => simpleParser(readFileSync(join(dir, name)))));
      return mails.filter((mail) =>
        (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).some((a) => a.value.some((v) => v.address === to)),
      );
    };
    const find: Mailbox['find'] = async (to, matches, { timeout = 20_000 } = {}) => {
      let found: ParsedMail | undefined;
      await expect
        .poll(
          async () => {
            found = (await all(to)).reverse().find(matches);
            return found !== undefined;
          },
          { message: `an e-mail to ${to} as the journey expects`, timeout, intervals: [500, 1_000, 2_000] },
        )
        .toBe(true);
      return found!;
    };
    await use({
      all,
      find,
      async link(to, subjectStart, path) {
        const mail = await find(to, (m) => !!m.subject?.startsWith(subjectStart) && new RegExp(`/${path}/[\\w-]+`).test(m.text ?? ''));
        return new RegExp(`/${path}/[\\w-]+`).exec(mail.text ?? '')![0];
      },
    });
  },
  // The app answers with a strict Content-Security-Policy (src/server/plugins/security-headers.ts): any page of a journey
  // that breaks it fails the journey, in the built-in context and in every context the journey makes itself.
  noCspViolations: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      const watch = async (watched: BrowserContext) => {
        await watched.addInitScript((mark) => {
          document.addEventListener('securitypolicyviolation', (e) =>
            console.error(`${mark} ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`),
          );
        }, CSP_MARK);
        watched.on('console', (message) => {
          if (message.text().startsWith(CSP_MARK)) violations.push(`${message.page()?.url() ?? ''}: ${message.text()}`);
        });
      };
      await watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const made = await newContext(...args);
        await watch(made);
        return made;
      };
      await use();
      browser.newContext = newContext;
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],

  // The built-in `page` comes from a context made first (browser.newContext()), which axe needs.
  a11y: async ({ page, baseURL }, use, testInfo) => {
    const origin = new URL(baseURL!).origin;
    const visited = new Set<string>();
    const checked = new Set<string>();
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      const url = new URL(frame.url());
      if (url.origin === origin && !url.pathname.startsWith('/api/')) visited.add(url.pathname);
    });

    const passed = new Set<string>();
    await use({
      passedThrough: (path) => void passed.add(path),
      async check(target = page) {
        await expect(target.getByRole('heading', { level: 1 })).toBeVisible();
        // axe.run in the page itself (legacy mode): the same rules on the same document, without the blank page that the
        // default mode opens for every scan to merge the frames' results (the app has no frames). Only violations carry
        // their elements back: the rest would be sent over and thrown away. (options() replaces what withTags() set: first.)
        const results = await new AxeBuilder({ page: target })
          .options({ resultTypes: ['violations'] })
          .withTags(WCAG_TAGS)
          .setLegacyMode(true)
          .analyze();
        const violations = results.violations.map((v) => ({
          rule: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`.trim()),
        }));
        const where = new URL(target.url());
        await testInfo.attach(`axe ${where.pathname}`, {
          body: JSON.stringify(results.violations, null, 2),
          contentType: 'application/json',
        });
        expect(violations, `accessibility violations on ${where.pathname}`).toEqual([]);
        if (where.origin === origin) checked.add(where.pathname);
      },
    });

    if (testInfo.status === testInfo.expectedStatus) {
      const unchecked = [...visited].filter((path) => !checked.has(path) && !passed.has(path));
      expect(unchecked, 'pages the journey visited without an accessibility check').toEqual([]);
    }
  },
});

/**
 * Logs in with e-mail and password on the login page, as a person would, checking the login page
 * on the way; ends on the page the login leads to, with the user menu in the header.
 */
export async function login(page: Page, a11y: Accessibility, user: { email: string; name: string }, password = DEMO_PASSWORD) {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/logg-inn')) await page.goto('/logg-inn');
  await expect(page.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeVisible();
  await a11y.check(page);
  await page.getByRole('textbox', { name: 'E-post' }).fill(user.email);
  await page.getByLabel('Passord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await expect(page).not.toHaveURL(/\/logg-inn/);
  await openHeaderMenu(page);
  await expect(userMenu(page, user.name)).toBeVisible();
}

/** On a phone the header's tools fold behind its menu button: opens it (if folded) so that what the header holds is shown. */
export async function openHeaderMenu(page: Page) {
  const button = page.getByRole('banner').getByRole('button', { name: /^(Meny|Menu)$/ });
  if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/** The header's user menu button of the logged-in person. */
export function userMenu(page: Page, name: string) {
  return page.getByRole('button', { name: new RegExp(`^(Brukermeny|Brukarmeny|User menu) for ${escapeRegExp(name)}$`) });
}

export function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
