import { expect, login, SECRETARIAT, test, userMenu } from './fixtures.ts';

const AU = 'Vesterålen regionråds arbeidsutvalg';

test('the DigiVesterålen secretariat adds a deputy to the working committee, reads the page in nynorsk and logs out', async ({
  page,
  a11y,
}) => {
  await login(page, a11y, SECRETARIAT);

  await test.step('finds the working committee from the front page', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Mitt arbeid' })).toBeVisible();
    await a11y.check();

    await page.getByRole('main').getByRole('link', { name: 'DigiVesterålen', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'DigiVesterålen' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Deltakerkommuner i DigiVesterålen' })).toBeVisible();
    await a11y.check();

    await page.getByRole('navigation', { name: 'Sider i DigiVesterålen' }).getByRole('link', { name: 'Organer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Organer i DigiVesterålen' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Organer i DigiVesterålen' })).toBeVisible();
    await a11y.check();

    await page.getByRole('link', { name: AU }).click();
    await expect(page.getByRole('heading', { level: 1, name: AU })).toBeVisible();
    await expect(page.getByRole('table', { name: `Nåværende medlemmer av ${AU}` })).toBeVisible();
    await a11y.check();
  });

  const members = page.getByRole('table', { name: `Nåværende medlemmer av ${AU}` });
  const chair = members.getByRole('row').filter({ has: page.getByRole('cell', { name: 'Leder', exact: true }) });
  const chairName = (await chair.getByRole('link').first().textContent())!.trim();

  await test.step(`adds Lars Karlsen as deputy for the chair, ${chairName}`, async () => {
    await page.getByRole('button', { name: 'Legg til medlem' }).click();
    const dialog = page.getByRole('dialog', { name: 'Legg til medlem' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('searchbox', { name: 'Søk etter person' }).fill('Lars Karlsen');
    await expect(dialog.getByText('Treff: 1', { exact: true })).toBeVisible();
    await a11y.check();

    await dialog
      .getByRole('combobox', { name: 'Person' })
      .selectOption({ label: 'Lars Karlsen, Digitaliseringskontakt, Sortland - Suortá' });
    await dialog.getByRole('combobox', { name: 'Rolle' }).selectOption({ label: 'Varamedlem' });
    await dialog.getByRole('combobox', { name: 'Varamedlem for' }).selectOption({ label: `${chairName} (Leder)` });
    await dialog.getByRole('combobox', { name: 'Kommune representert' }).selectOption({ label: 'Sortland - Suortá' });
    await dialog.getByRole('button', { name: 'Legg til medlem' }).click();

    await expect(dialog).toBeHidden();
    await expect(page.getByText('Lars Karlsen er lagt til.')).toBeVisible();
    const deputy = members.getByRole('row').filter({ has: page.getByRole('link', { name: 'Lars Karlsen' }) });
    await expect(deputy.getByText(`Varamedlem for ${chairName}`, { exact: true })).toBeVisible();
    await a11y.check();
  });

  await test.step('switches the language to nynorsk', async () => {
    await page.getByRole('combobox', { name: 'Språk' }).selectOption({ label: 'Norsk nynorsk' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
    await expect(page.getByRole('table', { name: `Noverande medlemmer av ${AU}` })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Rettar' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Leiar', exact: true })).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Sider i DigiVesterålen' }).getByRole('link', { name: 'Organ', exact: true }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Hopp til hovudinnhaldet' })).toBeAttached();
    await a11y.check();
  });

  await test.step('switches back to bokmål, which the account keeps for the next login', async () => {
    await page.getByRole('combobox', { name: 'Språk' }).selectOption({ label: 'Norsk bokmål' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    await expect(page.getByRole('columnheader', { name: 'Rettigheter' })).toBeVisible();
  });

  await test.step('logs out', async () => {
    await userMenu(page, SECRETARIAT.name).click();
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Logg inn' })).toBeVisible();
    await expect(userMenu(page, SECRETARIAT.name)).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await a11y.check();
    // The session is gone on the server too.
    expect((await (await page.request.get('/api/auth/me')).json()).user).toBeNull();
  });
});
