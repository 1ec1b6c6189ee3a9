import type { Benefit } from '../src/shared/benefits/schema.ts';
import type { MunicipalityPanel, MyWork } from '../src/shared/myWork/schema.ts';
import { DEMO_PASSWORD, expect, login, SECRETARIAT, test, userMenu } from './fixtures.ts';
import { daysFromToday, loaded, logout, sessionApi } from './portfolio-helpers.ts';

/**
 * «Mitt arbeid», one journey per role on the demo data: the secretariat sees the meeting whose summons is due and
 * sends it; a member sees the written procedure awaiting their answer and answers with their own link; Sortland's
 * chief executive reads Sortland's amount for the year and DigiHelse's light on the municipality page; Sortland's
 * contact registers a due measurement on the start page. Every page is checked with axe.
 */

const STAMP = Date.now().toString(36);
const CHIEF = { email: 'kommunedirektor@sortland.example.no' };
const CONTACT = { email: 'kontakt@sortland.kommune.no', name: 'Kommunekontakt Sortland' };
const MEMBER = { email: 'medlem@digivesteralen.no', name: 'Styringsgruppemedlem DigiVesterålen' };

type Api = Awaited<ReturnType<typeof sessionApi>>;

async function networkId(api: Api) {
  const networks = await api.get<{ id: string; slug: string }[]>('/networks');
  return networks.find((n) => n.slug === 'digivesteralen')!.id;
}

/** A benefit of the project, planned through the API as the secretariat does. */
function plannedBenefit(api: Api, projectId: string, title: string) {
  return api.post<Benefit>(`/projects/${projectId}/benefits`, {
    title,
    description: null,
    type: 'timeSaved',
    beneficiaries: null,
    changes: null,
    deliverableIds: [],
    benefitAreas: ['shorter'],
    ownerPersonId: null,
  });
}

/** An additive indicator of the benefit with one municipality's target; answers the indicator's id. */
async function indicatorWithTarget(
  api: Api,
  benefitId: string,
  indicator: { name: string; unit: string; direction: 'increase' | 'decrease'; frequency: 'monthly' | 'yearly' },
  municipalityNumber: string,
  target: { baselineValue: number; baselineDate: string; targetValue: number },
): Promise<string> {
  const withIndicator = await api.post<Benefit>(`/benefits/${benefitId}/indicators`, { ...indicator, additive: true, dataSource: null });
  const { id } = withIndicator.indicators.find((i) => i.name === indicator.name)!;
  await api.put(`/benefit-indicators/${id}/targets/${municipalityNumber}`, {
    ...target,
    targetDate: daysFromToday(300),
    interimTargets: [],
    responsiblePersonId: null,
    weight: null,
  });
  return id;
}

test('the secretariat sees the meeting whose summons is due on the start page and sends it', async ({ page, a11y }) => {
  await login(page, a11y, SECRETARIAT);
  const api = await sessionApi(page);
  const bodies = await api.get<{ id: string; shortCode: string | null }[]>(`/networks/${await networkId(api)}/bodies`);
  const au = bodies.find((b) => b.shortCode === 'AU')!;
  const meeting = await api.post<{ id: string }>(`/bodies/${au.id}/meetings`, {
    date: daysFromToday(5),
    startTime: '09:00',
    place: `Sortland rådhus ${STAMP}`,
  });

  await page.goto('/');
  await loaded(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Mitt arbeid' })).toBeVisible();
  const tasks = page.getByRole('region', { name: 'Sekretariatet i DigiVesterålen' });
  const task = tasks.getByRole('listitem').filter({ has: page.locator(`a[href="/moter/${meeting.id}"]`) });
  await expect(task).toContainText('Innkalling skal sendes');
  await expect(task).toContainText('Forfalt');
  // The networks are still below.
  await expect(page.getByRole('link', { name: 'DigiVesterålen', exact: true })).toBeVisible();
  await a11y.check();

  await task.getByRole('link').click();
  await loaded(page);
  await page.getByRole('button', { name: 'Send innkalling' }).click();
  await page.getByRole('dialog', { name: 'Send innkalling' }).getByRole('button', { name: 'Send innkalling' }).click();
  await expect(page.getByText('Innkallingen er sendt.')).toBeVisible();
  await a11y.check();

  await page.goto('/');
  await loaded(page);
  await expect(page.locator(`a[href="/moter/${meeting.id}"]`)).toHaveCount(0);
  await logout(page, SECRETARIAT.name);
});

test('a member sees the written procedure awaiting them and answers it', async ({ page, a11y, mailbox }) => {
  await login(page, a11y, SECRETARIAT);
  const api = await sessionApi(page);
  const vest = await networkId(api);
  const body = await api.post<{ id: string }>(`/networks/${vest}/bodies`, {
    kind: 'workingCommittee',
    name: `Hasteutvalg ${STAMP}`,
    shortCode: 'HU',
  });
  const person = await api.post<{ id: string }>('/people', {
    networkId: vest,
    name: `Medlem ${STAMP}`,
    email: MEMBER.email,
    municipalityNumber: '1866',
  });
  await api.post(`/bodies/${body.id}/memberships`, {
    personId: person.id,
    role: 'chair',
    fromDate: '2020-01-01',
    municipalityNumber: '1866',
  });
  const meeting = await api.post<{ id: string }>(`/bodies/${body.id}/meetings`, { date: daysFromToday(40), startTime: '10:00' });
  const title = `Hastesak om DigiHelse ${STAMP}`;
  const withCase = await api.post<{ items: { title: string; consultationId: string; number: string }[] }>(`/meetings/${meeting.id}/cases`, {
    type: 'decision',
    title,
    recommendation: 'Vedtas.',
  });
  const item = withCase.items.find((i) => i.title === title)!;
  await api.post(`/consultations/${item.consultationId}/written-procedure`, {
    reason: 'Frist fra leverandøren',
    deadline: new Date(Date.now() + 86_400_000).toISOString(),
  });
  await logout(page, SECRETARIAT.name);

  await login(page, a11y, MEMBER);
  await page.goto('/');
  await loaded(page);
  const awaited = page.getByRole('region', { name: 'Svar som venter på deg' });
  await expect(awaited.getByRole('listitem').filter({ hasText: title })).toContainText('Skriftlig behandling');
  await a11y.check();

  // The answer is given with the member's own link, which only their e-mail holds.
  await page.goto(await mailbox.link(MEMBER.email, 'Skriftlig behandling', 'skriftlig'));
  await loaded(page);
  await a11y.check();
  await page.getByRole('radio', { name: 'Jeg er enig i innstillingen' }).check();
  await page.getByRole('button', { name: 'Send svar' }).click();
  await expect(page.getByText('Svaret ditt er registrert: Enig.')).toBeVisible();

  await page.goto('/');
  await loaded(page);
  await expect(page.getByRole('region', { name: 'Svar som venter på deg' }).getByText(title)).toHaveCount(0);
  await logout(page, MEMBER.name);
});

test("Sortland's chief executive sees Sortland's amount for the year and DigiHelse's light on the municipality page", async ({
  page,
  a11y,
}) => {
  // Logged in through the API (the login page's journey is the others'): the account's name is the person's, generated.
  const response = await page.request.post('/api/auth/login', { data: { email: CHIEF.email, password: DEMO_PASSWORD } });
  expect(response.ok()).toBe(true);
  const { user } = (await response.json()) as { user: { name: string } };
  await page.goto('/');
  await expect(userMenu(page, user.name)).toBeVisible();
  await loaded(page);
  const year = new Date().getFullYear();
  await a11y.check();
  await page.getByRole('link', { name: /Se Sortland - Suortás side/ }).click();
  await loaded(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Sortland - Suortá' })).toBeVisible();
  const panel = (await (await page.request.get(`/api/municipalities/1870/panel?year=${year}`)).json()) as MunicipalityPanel;
  const amount = new Intl.NumberFormat('nb-NO').format(panel.paysInYear);
  await expect(page.getByTestId('pays-in-year')).toHaveText(`Til sammen i ${year}: ${amount} kr`);
  const digiHelse = page
    .getByRole('region', { name: 'Prosjekter kommunen deltar i' })
    .getByRole('listitem')
    .filter({ hasText: 'DigiHelse' });
  await expect(digiHelse).toContainText(/Status: (Grønn|Gul|Rød)/);
  await a11y.check();
});

test('a benefit owner registers a due measurement on the start page', async ({ page, a11y }) => {
  await login(page, a11y, SECRETARIAT);
  const api = await sessionApi(page);
  const projects = await api.get<{ id: string; title: string }[]>(`/networks/${await networkId(api)}/projects`);
  const digiHelse = projects.find((p) => p.title === 'Felles innføring av DigiHelse i Vesterålen')!;
  const benefit = await plannedBenefit(api, digiHelse.id, `Færre purringer ${STAMP}`);
  const indicatorName = `Purringer per måned ${STAMP}`;
  const indicatorId = await indicatorWithTarget(
    api,
    benefit.id,
    { name: indicatorName, unit: 'purringer', direction: 'decrease', frequency: 'monthly' },
    '1870',
    { baselineValue: 120, baselineDate: daysFromToday(-60), targetValue: 60 },
  );
  await logout(page, SECRETARIAT.name);

  await login(page, a11y, CONTACT);
  await page.goto('/');
  await loaded(page);
  const section = page.getByRole('region', { name: 'Målinger som skal registreres' });
  await expect(section.getByRole('link', { name: `${indicatorName} i Sortland - Suortá` })).toBeVisible();
  await a11y.check();
  await section.getByRole('button', { name: `Registrer måling: ${indicatorName} i Sortland - Suortá` }).click();
  const form = section.getByRole('form', { name: `Registrer måling: ${indicatorName} i Sortland - Suortá` });
  await form.getByLabel('Verdi (purringer)').fill('104');
  await a11y.check();
  await form.getByRole('button', { name: 'Registrer måling' }).click();
  await expect(page.getByText('Målingen for Sortland - Suortá er lagret.')).toBeVisible();
  await expect(section.getByRole('link', { name: `${indicatorName} i Sortland - Suortá` })).toHaveCount(0);
  const work = (await (await page.request.get('/api/me/work')).json()) as MyWork;
  expect(work.measurements.some((m) => m.indicatorId === indicatorId)).toBe(false);
  await logout(page, CONTACT.name);
});

test('a municipality with many benefit targets sees the first 20 and opens the rest', async ({ page, a11y }) => {
  test.setTimeout(180_000);
  await login(page, a11y, SECRETARIAT);
  await a11y.check();
  const api = await sessionApi(page);
  // A project of its own in Bø, so no other journey's project or municipality gains the targets.
  const project = await api.post<{ id: string }>(`/networks/${await networkId(api)}/projects`, {
    title: `Mange gevinstmål ${STAMP}`,
    description: null,
    focusAreaKeys: [],
  });
  await api.put(`/projects/${project.id}/participants/1867`, { participation: 'in' });
  const benefit = await plannedBenefit(api, project.id, `Mange mål ${STAMP}`);
  for (let i = 1; i <= 21; i++) {
    const name = `Mål ${String(i).padStart(2, '0')} ${STAMP}`;
    await indicatorWithTarget(api, benefit.id, { name, unit: 'timer', direction: 'increase', frequency: 'yearly' }, '1867', {
      baselineValue: 0,
      baselineDate: daysFromToday(-30),
      targetValue: 10,
    });
  }
  const count = (await (await page.request.get('/api/municipalities/1867/panel?all=true')).json()) as MunicipalityPanel;
  expect(count.benefitCount).toBeGreaterThan(20);

  await page.goto('/kommuner/1867');
  await loaded(page);
  const benefits = page.getByRole('region', { name: 'Gevinster fra kommunens egne målinger' });
  await expect(benefits.getByRole('table').getByRole('row')).toHaveCount(21); // the heading row and 20
  await expect(benefits.getByText(`Viser 20 av ${count.benefitCount}.`)).toBeVisible();
  const more = benefits.getByRole('button', { name: `Vis alle ${count.benefitCount} gevinstmålene` });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await a11y.check();
  await more.click();
  await expect(benefits.getByRole('table').getByRole('row')).toHaveCount(count.benefitCount + 1);
  const fewer = benefits.getByRole('button', { name: 'Vis færre rader' });
  await expect(fewer).toHaveAttribute('aria-expanded', 'true');
  await expect(fewer).toBeFocused();
  await a11y.check();
  await fewer.click();
  await expect(benefits.getByRole('table').getByRole('row')).toHaveCount(21);
});
