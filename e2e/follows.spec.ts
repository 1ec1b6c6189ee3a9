import { expect, login, SECRETARIAT, test } from './fixtures.ts';
import { daysFromToday, loaded, logout, sessionApi } from './portfolio-helpers.ts';

/**
 * Follow and be told: a member follows a body on its page; when the body's next summons goes out, the member gets an
 * e-mail (the happenings are collected every half minute) with an unsubscribe link that works without login, through
 * a page with a button. Every page is checked with axe.
 */

const MEMBER = { email: 'medlem@digivesteralen.no', name: 'Styringsgruppemedlem DigiVesterålen' };

test('following a body sends an e-mail when its next summons goes out, and the e-mail unsubscribes without login', async ({
  page,
  a11y,
  browser,
  mailbox,
}) => {
  test.setTimeout(180_000);
  await login(page, a11y, SECRETARIAT);
  const secretariat = await sessionApi(page);
  const networks = await secretariat.get<{ id: string; slug: string }[]>('/networks');
  const networkId = networks.find((n) => n.slug === 'digivesteralen')!.id;
  const bodies = await secretariat.get<{ id: string; name: string; shortCode: string | null }[]>(`/networks/${networkId}/bodies`);
  const body = bodies.find((b) => b.shortCode === 'AU')!;
  const place = `Følgerom ${Date.now().toString(36)}`;
  const meeting = await secretariat.post<{ id: string; version: number }>(`/bodies/${body.id}/meetings`, {
    date: daysFromToday(12),
    startTime: '10:00',
    place,
  });
  await logout(page, SECRETARIAT.name);

  await login(page, a11y, MEMBER);
  await page.goto(`/n/digivesteralen/organer/${body.id}`);
  await loaded(page);
  await page.getByRole('button', { name: 'Følg', exact: true }).click();
  await expect(page.getByText(`Du følger nå «${body.name}».`)).toBeVisible();
  await expect(page.getByRole('radio', { name: 'E-post med en gang' })).toBeChecked();
  await a11y.check();
  await page.goto('/folger');
  await loaded(page);
  await expect(page.getByRole('link', { name: body.name, exact: true })).toBeVisible();
  await a11y.check();
  await logout(page, MEMBER.name);

  await login(page, a11y, SECRETARIAT);
  const api = await sessionApi(page);
  await api.post(`/meetings/${meeting.id}/summons`, { version: meeting.version });
  await logout(page, SECRETARIAT.name);

  // The happenings are collected every half minute: the e-mail may take a while.
  const told = await mailbox.find(MEMBER.email, (m) => !!m.subject?.startsWith('Nytt:') && !!m.text?.includes(body.name), {
    timeout: 90_000,
  });
  expect(told.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '').toContain('/avmeld/');
  const link = /\/avmeld\/[\w-]+/.exec(told.text ?? '')![0];
  // Without login, in a browser of its own: the page asks before it unsubscribes.
  const context = await browser.newContext();
  const stranger = await context.newPage();
  await stranger.goto(link);
  await loaded(stranger);
  await expect(stranger.getByRole('heading', { level: 1, name: 'Avslutt abonnement' })).toBeVisible();
  await a11y.check(stranger);
  await stranger.getByRole('button', { name: 'Avslutt abonnementet' }).click();
  await expect(stranger.getByText(`Ferdig: du får ikke lenger e-post om «${body.name}».`)).toBeVisible();
  // The public body page offers the e-mail subscription.
  await stranger.goto(`/innsyn/organ/${body.id}`);
  await loaded(stranger);
  await stranger.getByText('Abonner på e-post').click();
  await expect(stranger.getByRole('textbox', { name: 'E-postadresse' })).toBeVisible();
  await a11y.check(stranger);
  await context.close();

  await login(page, a11y, MEMBER);
  // The start page lists what is new in what the account follows, and leads to the page of follows.
  await page.goto('/');
  await loaded(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Nytt i det du følger' })).toBeVisible();
  await a11y.check();
  await page.getByRole('link', { name: 'Endre det du følger' }).click();
  await loaded(page);
  await expect(page.getByText('Du følger ingenting ennå.', { exact: false })).toBeVisible();
  await a11y.check();
});
