import { DEMO_PASSWORD, expect, login, SECRETARIAT, test, userMenu } from './fixtures.ts';

const INVITED = { email: 'ny.kontakt@bo.kommune.no', name: 'Nora Kontakt' };

test('the secretariat invites a person, who chooses a password and logs in with the role given', async ({
  page,
  browser,
  a11y,
  mailbox,
}) => {
  await page.goto('/logg-inn');
  await login(page, a11y, SECRETARIAT);
  await a11y.check();
  await userMenu(page, SECRETARIAT.name).click();
  await page.getByRole('button', { name: 'Administrasjon' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administrasjon' })).toBeVisible();
  await a11y.check();

  await page.getByRole('button', { name: 'Inviter bruker' }).click();
  const dialog = page.getByRole('dialog');
  // A bad address is named next to the field, and nothing is sent.
  await dialog.getByRole('textbox', { name: 'E-post' }).fill('ikke-en-adresse');
  await dialog.getByRole('textbox', { name: 'Navn' }).fill(INVITED.name);
  await dialog.getByRole('button', { name: 'Send invitasjon' }).click();
  await expect(dialog.getByText('«E-post» må være en gyldig e-postadresse.').first()).toBeVisible();
  await a11y.check();

  await dialog.getByRole('textbox', { name: 'E-post' }).fill(INVITED.email);
  await dialog.getByLabel('Rolle').selectOption({ label: 'Nettverksmedlem' });
  await dialog.getByLabel('Nettverk').selectOption({ label: 'DigiVesterålen' });
  await dialog.getByRole('button', { name: 'Send invitasjon' }).click();
  // The link goes to the person alone, by e-mail: the secretariat is told it went, and never sees it.
  await expect(dialog.getByRole('status')).toContainText(`Invitasjonen er sendt til ${INVITED.email}`);
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  await a11y.check();
  await dialog.getByRole('button', { name: 'Lukk dialogvindu' }).first().click();

  const users = page.getByRole('table', { name: 'Brukere' });
  await expect(users.getByRole('row').filter({ hasText: INVITED.email })).toContainText('Invitert');

  // The invited person opens the link from the e-mail in a browser of their own.
  const invitationPath = await mailbox.link(INVITED.email, 'Invitasjon til Digiregion', 'invitasjon');
  const context = await browser.newContext();
  const invited = await context.newPage();
  await invited.goto(invitationPath);
  await expect(invited.getByRole('heading', { level: 1, name: 'Godta invitasjonen' })).toBeVisible();
  await a11y.check(invited);
  await invited.getByLabel('Nytt passord', { exact: true }).fill('et-langt-passord');
  await invited.getByLabel('Gjenta passordet').fill('et-langt-passord');
  await invited.getByRole('button', { name: 'Lagre passord og logg inn' }).click();
  await expect(userMenu(invited, INVITED.name)).toBeVisible();
  await invited.goto('/n/digivesteralen/personer');
  await expect(invited.getByRole('heading', { level: 1 })).toContainText('Personer');
  await a11y.check(invited);
  await context.close();

  // The secretariat sees the person active now, and the invitation e-mail in the outbox.
  await page.reload();
  await expect(page.getByRole('table', { name: 'Brukere' }).getByRole('row').filter({ hasText: INVITED.email })).toContainText(
    'Nettverksmedlem',
  );
  const sent = page
    .getByRole('table', { name: /Utgående e-post/ })
    .getByRole('row')
    .filter({ hasText: INVITED.email });
  await expect(sent).toBeVisible();
  // The outbox shows the e-mail with its link hidden, and sends it again on request.
  await sent.getByText('Invitasjon til Digiregion').click();
  await expect(sent.locator('pre')).toContainText('/invitasjon/•••');
  await expect(sent.locator('pre')).not.toContainText(invitationPath);
  await a11y.check();
  await sent.getByRole('button', { name: `Send «Invitasjon til Digiregion» til ${INVITED.email} på nytt` }).click();
  await expect(page.getByRole('status').filter({ hasText: `E-posten til ${INVITED.email} sendes på nytt` })).toBeVisible();
  await a11y.check();
});

test('a person who forgot the password asks for a link, chooses a new password there and is logged in', async ({
  page,
  browser,
  a11y,
  mailbox,
}) => {
  // An account of its own, made by the secretariat through the API, so no demo account's password changes.
  const person = { email: `glemsk.${Date.now().toString(36)}@bo.kommune.no`, name: 'Gunnar Glemsk' };
  const loggedIn = (await (
    await page.request.post('/api/auth/login', { data: { email: SECRETARIAT.email, password: DEMO_PASSWORD } })
  ).json()) as {
    csrfToken: string;
  };
  const network = (await (await page.request.get('/api/networks/digivesteralen')).json()) as { id: string };
  const created = await page.request.post('/api/admin/invitations', {
    headers: { 'x-csrf-token': loggedIn.csrfToken },
    data: { ...person, roles: [{ role: 'networkMember', networkId: network.id }] },
  });
  expect(created.status()).toBe(201);
  await page.request.post('/api/auth/logout', { headers: { 'x-csrf-token': loggedIn.csrfToken } });

  const context = await browser.newContext();
  const browserOfPerson = await context.newPage();
  await browserOfPerson.goto('/logg-inn');
  await browserOfPerson.getByRole('link', { name: 'Glemt passordet?' }).click();
  await expect(browserOfPerson.getByRole('heading', { level: 1, name: 'Glemt passordet' })).toBeVisible();
  await a11y.check(browserOfPerson);
  await browserOfPerson.getByRole('textbox', { name: 'E-post' }).fill(person.email);
  await browserOfPerson.getByRole('button', { name: 'Send lenke' }).click();
  await expect(browserOfPerson.getByRole('status')).toContainText(`Hvis ${person.email} hører til en konto`);
  await a11y.check(browserOfPerson);

  await browserOfPerson.goto(await mailbox.link(person.email, 'Nytt passord til Digiregion', 'nytt-passord'));
  await expect(browserOfPerson.getByRole('heading', { level: 1, name: 'Velg nytt passord' })).toBeVisible();
  await a11y.check(browserOfPerson);
  await browserOfPerson.getByLabel('Nytt passord', { exact: true }).fill('et-helt-nytt-passord');
  await browserOfPerson.getByLabel('Gjenta passordet').fill('et-helt-nytt-passord');
  await browserOfPerson.getByRole('button', { name: 'Lagre passord og logg inn' }).click();
  await expect(userMenu(browserOfPerson, person.name)).toBeVisible();
  await context.close();
});
