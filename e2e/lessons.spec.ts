import type { Project } from '../src/shared/portfolio/projects.ts';
import { expect, SECRETARIAT, test } from './fixtures.ts';
import { loaded, loginInBokmal, logout, openProjectTab, sessionApi } from './portfolio-helpers.ts';

/**
 * Lessons learned (erfaringslogg) in DigiVesterålen: a new proposal with DigiHelse's focus area shows DigiHelse's
 * lessons, in the form and on the proposal's page; a lesson recorded on a project's «Erfaringer» tab is found by the
 * portfolio's lessons search; Lofoten IKT's secretariat finds DigiHelse's shared lessons and never its other one.
 */

const NETWORK = 'digivesteralen';
const STAMP = Date.now().toString(36);
const FOCUS_AREA = 'Felles nasjonale løsninger og digitale tjenester, standardisering';
/** DigiHelse's demo lessons: two shared with other networks, one not. */
const SHARED_LESSON = 'Sett av ressurspersoner i helse og omsorg før oppstart';
const OWN_LESSON = 'Felles gevinstberegning sparer arbeid i hver kommune';
const LOFOTEN = { email: 'sekretariat@lofotenikt.no', name: 'Sekretariatet Lofoten IKT' };

test('a new proposal shows lessons of earlier projects with its focus area; a lesson recorded on a project is found', async ({
  page,
  a11y,
}) => {
  test.setTimeout(180_000);
  await loginInBokmal(page, a11y, SECRETARIAT);

  // The proposal form: choosing DigiHelse's focus area brings DigiHelse's lessons into the form.
  await page.goto(`/n/${NETWORK}/forslag`);
  await loaded(page);
  await page.getByRole('button', { name: 'Nytt forslag' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nytt forslag' });
  await expect(dialog.getByText('Velg et innsatsområde for å se erfaringer fra tidligere prosjekter med det.')).toBeVisible();
  await dialog.getByRole('radio', { name: 'Idé' }).check();
  const title = `Felles innføring av Digital hjemmeoppfølging ${STAMP}`;
  await dialog.getByRole('textbox', { name: 'Tittel' }).fill(title);
  await dialog
    .getByRole('textbox', { name: 'Hva er problemet eller behovet?' })
    .fill('Kommunene innfører den samme nasjonale løsningen hver for seg.');
  await dialog.getByRole('combobox', { name: /^Innsatsområde/ }).selectOption({ label: FOCUS_AREA });
  const related = dialog.getByRole('region', { name: 'Erfaringer fra tidligere prosjekter' });
  await expect(related.getByRole('heading', { name: SHARED_LESSON })).toBeVisible();
  await expect(related.getByRole('heading', { name: OWN_LESSON })).toBeVisible();
  await expect(related.getByRole('link', { name: /Felles innføring av DigiHelse i Vesterålen/ }).first()).toBeVisible();
  await a11y.check();
  await dialog.getByRole('button', { name: 'Send inn forslaget' }).click();

  // The proposal's page shows them too.
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`: ${title}$`) })).toBeVisible();
  await loaded(page);
  const onPage = page.getByRole('region', { name: 'Erfaringer fra tidligere prosjekter' });
  await expect(onPage.getByRole('heading', { name: SHARED_LESSON })).toBeVisible();
  await a11y.check();

  // A project's «Erfaringer» tab: record a lesson, shared with other networks.
  const api = await sessionApi(page);
  const project = await api.post<Project>(`/networks/${NETWORK}/projects`, {
    title: `Erfaringsprosjekt ${STAMP}`,
    focusAreaKeys: ['nasjonale-losninger'],
  });
  await page.goto(`/n/${NETWORK}/prosjekter/${project.id}`);
  await loaded(page);
  await a11y.check();
  await openProjectTab(page, 'Erfaringer');
  await expect(page).toHaveURL(new RegExp(`/prosjekter/${project.id}/erfaringer$`));
  await expect(page.getByText('Prosjektet har ikke registrert erfaringer ennå.')).toBeVisible();
  await a11y.check();
  await page.getByRole('button', { name: 'Registrer erfaring' }).click();
  const form = page.getByRole('dialog', { name: 'Ny erfaring' });
  await form.getByRole('button', { name: 'Lagre erfaringen' }).click();
  await expect(form.getByRole('link', { name: '«Tittel» må fylles ut.' })).toBeVisible();
  await a11y.check();
  const word = `Pilotkommunemodell${STAMP}`;
  await form.getByRole('textbox', { name: 'Tittel' }).fill(`Start med ${word}`);
  await form.getByRole('textbox', { name: 'Hva skjedde' }).fill('To kommuner tok løsningen i bruk først og fant feilene.');
  await form.getByRole('textbox', { name: 'Hva vi lærte' }).fill('De andre kommunene slapp de samme feilene.');
  await form.getByRole('textbox', { name: 'Hva vi gjør neste gang' }).fill('Velg pilotkommuner i mandatet.');
  await expect(form.getByRole('checkbox', { name: FOCUS_AREA })).toBeChecked();
  await form.getByRole('checkbox', { name: 'Del med andre nettverk' }).check();
  await form.getByRole('button', { name: 'Lagre erfaringen' }).click();
  await expect(page.getByText(`Erfaringen «Start med ${word}» er registrert.`)).toBeVisible();
  const article = page.getByRole('article', { name: `Start med ${word}` });
  await expect(article).toContainText('Delt med andre nettverk');
  await expect(article).toContainText('Velg pilotkommuner i mandatet.');
  await a11y.check();

  // The portfolio's lessons search finds it by a word of its title, with its project.
  await page.goto(`/n/${NETWORK}/prosjekter`);
  await loaded(page);
  await a11y.check();
  await page.getByRole('link', { name: 'Erfaringer fra prosjektene' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Erfaringer i DigiVesterålen' })).toBeVisible();
  await loaded(page);
  await a11y.check();
  await page.getByRole('searchbox', { name: 'Søkeord' }).fill(word);
  await page.getByRole('button', { name: 'Søk', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  await expect(page.getByRole('heading', { level: 2, name: '1 erfaring' })).toBeVisible();
  const found = page.getByRole('article', { name: `Start med ${word}` });
  await expect(found.getByRole('link', { name: new RegExp(`${project.reference} Erfaringsprosjekt ${STAMP}`) })).toBeVisible();
  await a11y.check();
  await logout(page, SECRETARIAT.name);

  // Another network's secretariat finds the shared lessons, from DigiVesterålen, and never the one not shared.
  await loginInBokmal(page, a11y, LOFOTEN);
  await page.goto('/n/lofoten-ikt/prosjekter/erfaringer');
  await loaded(page);
  await expect(page.getByRole('article', { name: `Start med ${word}` })).toContainText('Fra DigiVesterålen');
  await expect(page.getByRole('article', { name: SHARED_LESSON })).toBeVisible();
  await expect(page.getByRole('article', { name: OWN_LESSON })).toHaveCount(0);
  await a11y.check();
});
