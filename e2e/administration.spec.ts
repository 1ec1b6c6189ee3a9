import { expect, login, SECRETARIAT, test, userMenu } from './fixtures.ts';

const INVITED = { email: 'ny.kontakt@bo.kommune.no', name: 'Nora Kontakt' };

test('the secretariat invites a person, who chooses a password and logs in with the role given', async ({ page, browser, a11y }) => {
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
  const link = dialog.getByRole('textbox', { name: 'Invitasjonslenke' });
  await expect(link).toHaveValue(/\/invitasjon\/[\w-]+$/);
  const invitationUrl = new URL(await link.inputValue());
  await a11y.check();
  await dialog.getByRole('button', { name: 'Lukk dialogvindu' }).first().click();

  const users = page.getByRole('table', { name: 'Brukere' });
  await expect(users.getByRole('row').filter({ hasText: INVITED.email })).toContainText('Invitert');

  // The invited person opens the link in a browser of their own.
  const context = await browser.newContext();
  const invited = await context.newPage();
  await invited.goto(invitationUrl.pathname);
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
  await expect(
    page
      .getByRole('table', { name: /Utgående e-post/ })
      .getByRole('row')
      .filter({ hasText: INVITED.email }),
  ).toBeVisible();
  await a11y.check();
});
