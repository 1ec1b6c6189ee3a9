import { readFileSync } from 'node:fs';
import type { Benefit } from '../src/shared/benefits/schema.ts';
import type { Project } from '../src/shared/portfolio/projects.ts';
import { expect, SECRETARIAT, test } from './fixtures.ts';
import { daysFromToday, loaded, loginInBokmal, logout, openProjectTab, osloToday, sessionApi } from './portfolio-helpers.ts';

/**
 * Benefits in DigiVesterålen: the secretariat plans a project's benefit and its indicator through the dialogs on the
 * project page; Hadsel, Sortland and Andøy take part and each gets a baseline and a target (one the wrong way first,
 * named in Norwegian); Hadsel measures twice and the page shows (value − baseline) ÷ (target − baseline); a measurement
 * is deleted after a confirmation; the benefits plan downloads as DOCX; a member reads it all without a button;
 * Sortland's editor changes only Sortland's figures and measures, and the network's achievement is the average; the
 * section speaks English too.
 */

const NETWORK = 'digivesteralen';
const STAMP = Date.now().toString(36);
const SORTLAND_EDITOR = { email: 'kontakt@sortland.kommune.no', name: 'Kommunekontakt Sortland' };
const MEMBER = { email: 'medlem@digivesteralen.no', name: 'Styringsgruppemedlem DigiVesterålen' };
const HADSEL = { number: '1866', name: 'Hadsel' };
/** Sortland's name as the municipality register has it, with its Sámi name. */
const SORTLAND = { number: '1870', name: 'Sortland - Suortá' };
const ANDOY = { number: '1871', name: 'Andøy' };
const BENEFIT = `Færre søknader på papir ${STAMP}`;
const INDICATOR = `Andel søknader levert digitalt ${STAMP}`;
const DELIVERABLE = 'Digitalt søknadsskjema i drift';
/** Every button that changes something in the section. */
const CHANGE = /^(Legg til|Endre|Slett|Sett|Registrer|Lagre)/;

/** An achievement as the page shows it: percent with one decimal, in Norwegian («56,7 %»). */
const percent = (value: number) =>
  new Intl.NumberFormat('nb-NO', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

/** The three municipalities' plans: the indicator should increase (a share in %). */
const PLANS = [
  { municipality: HADSEL, baseline: 40, target: 70, baselineDate: daysFromToday(-200) },
  { municipality: SORTLAND, baseline: 50, target: 80, baselineDate: daysFromToday(-365) },
  { municipality: ANDOY, baseline: 30, target: 60, baselineDate: daysFromToday(-100) },
];
const TARGET_DATE = daysFromToday(365);
/** Hadsel's two measurements; the latest counts. */
const FIRST = { on: daysFromToday(-100), value: 48 };
const LATEST = { on: osloToday(), value: 57 };

test('the secretariat plans a benefit and its indicator, sets three targets and measures; a member reads it', async ({ page, a11y }) => {
  test.setTimeout(240_000);
  await loginInBokmal(page, a11y, SECRETARIAT);
  const api = await sessionApi(page);
  const network = await api.get<{ id: string }>(`/networks/${NETWORK}`);
  const project = await api.post<Project>(`/networks/${network.id}/projects`, {
    title: `Digitale søknader ${STAMP}`,
    description: 'Felles digitale søknadsskjema i kommunene.',
    focusAreaKeys: [],
  });
  await api.post(`/projects/${project.id}/deliverables`, { title: DELIVERABLE, status: 'planned' });
  for (const { number } of [HADSEL, SORTLAND, ANDOY]) {
    await api.put(`/projects/${project.id}/participants/${number}`, { participation: 'in' });
  }
  const projectUrl = `/n/${NETWORK}/prosjekter/${project.id}`;
  const section = page.getByRole('region', { name: 'Nytte', exact: true });
  const benefit = section.getByRole('article', { name: BENEFIT });
  const table = benefit.getByRole('table', { name: `Utgangsverdi, mål og siste måling per kommune for «${INDICATOR}»` });
  const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) });
  let owner = '';

  await test.step('the section is the project page’s «Nytte» tab, reached by the anchor links written before the tabs', async () => {
    await page.goto(`${projectUrl}#nytte`);
    await expect(page).toHaveURL(new RegExp(`${projectUrl}/nytte#nytte$`));
    await loaded(page);
    await expect(section).toHaveAttribute('id', 'nytte');
    await expect(section.getByText('Ingen nyttevirkninger er planlagt ennå.')).toBeVisible();
    await a11y.check();
    // The summary the anchor passed through, and back to the tab by its link.
    await openProjectTab(page, 'Sammendrag');
    await a11y.check();
    await openProjectTab(page, 'Nytte');
    await expect(section.getByText('Ingen nyttevirkninger er planlagt ennå.')).toBeVisible();
  });

  await test.step('adds a benefit through the dialog; a missing title and type are named', async () => {
    await section.getByRole('button', { name: 'Legg til nyttevirkning' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny nyttevirkning' });
    await dialog.getByRole('button', { name: 'Lagre nyttevirkningen' }).click();
    await expect(dialog.getByRole('link', { name: '«Nyttevirkning» må fylles ut.' })).toBeVisible();
    await expect(dialog.getByRole('link', { name: '«Type nytte» må være ett av valgene.' })).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Nyttevirkning', exact: true }).fill(BENEFIT);
    await dialog.getByRole('textbox', { name: 'Beskrivelse' }).fill('Innbyggerne søker digitalt i stedet for på papir.');
    await dialog.getByLabel('Type nytte').selectOption({ label: 'Spart tid' });
    await dialog.getByRole('textbox', { name: /^For hvem/ }).fill('Innbyggere og saksbehandlere');
    await dialog.getByRole('textbox', { name: /^Endringer som gir nytten/ }).fill('Søknadene kommer ferdig utfylt og blir ikke skannet.');
    await dialog
      .getByRole('group', { name: /^Leveranser/ })
      .getByRole('checkbox', { name: DELIVERABLE })
      .check();
    const areas = dialog.getByRole('group', { name: 'Gevinstområder' });
    await areas.getByRole('checkbox', { name: 'Bedre' }).check();
    await areas.getByRole('checkbox', { name: 'Kortere' }).check();
    const ownerSelect = dialog.getByLabel(/^Nytteeier/);
    await expect(ownerSelect.locator('option')).not.toHaveCount(1);
    owner = ((await ownerSelect.locator('option').nth(1).textContent()) ?? '').trim();
    await ownerSelect.selectOption({ index: 1 });
    await a11y.check();
    await dialog.getByRole('button', { name: 'Lagre nyttevirkningen' }).click();
    await expect(page.getByText(`Nyttevirkningen «${BENEFIT}» er lagt til.`)).toBeVisible();
    await expect(benefit).toContainText('Spart tid');
    await expect(benefit).toContainText(DELIVERABLE);
    await expect(benefit).toContainText('Bedre, Kortere');
    await expect(benefit).toContainText(owner);
    await expect(benefit.getByText('Ingen indikator ennå: nytten er beskrevet, men ikke målbar.')).toBeVisible();
    await a11y.check();
  });

  await test.step('adds an indicator through the dialog', async () => {
    await benefit.getByRole('button', { name: `Legg til indikator for «${BENEFIT}»` }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny indikator' });
    await dialog.getByRole('textbox', { name: 'Indikator', exact: true }).fill(INDICATOR);
    await dialog.getByRole('textbox', { name: /^Enhet/ }).fill('%');
    await dialog.getByRole('radio', { name: 'Skal øke' }).check();
    await dialog.getByRole('textbox', { name: 'Datakilde' }).fill('Fagsystemets statistikk');
    await dialog.getByLabel('Målefrekvens').selectOption({ label: 'Per tertial' });
    await a11y.check();
    await dialog.getByRole('button', { name: 'Lagre indikatoren' }).click();
    await expect(page.getByText(`Indikatoren «${INDICATOR}» er lagt til.`)).toBeVisible();
    await expect(benefit.getByRole('heading', { level: 4, name: INDICATOR })).toBeVisible();
    await expect(benefit.getByText('Ingen indikator ennå')).toHaveCount(0);
    await expect(table.getByRole('row')).toHaveCount(4);
    await a11y.check();
  });

  await test.step('a target in the wrong direction is named in Norwegian, by the form and by the server', async () => {
    await row(HADSEL.name)
      .getByRole('button', { name: `Sett utgangsverdi og mål for ${HADSEL.name}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Utgangsverdi og mål for ${HADSEL.name}` });
    await dialog.getByRole('textbox', { name: /^Utgangsverdi/ }).fill('40');
    await dialog.getByLabel('Dato for utgangsverdi').fill(PLANS[0]!.baselineDate);
    await dialog.getByRole('textbox', { name: /^Målverdi/ }).fill('30');
    await dialog.getByLabel('Måldato').fill(TARGET_DATE);
    await dialog.getByRole('button', { name: 'Lagre utgangsverdi og mål' }).click();
    const message = '«Målverdi» må ligge i indikatorens retning fra utgangsverdien (høyere når den skal øke, lavere når den skal minke).';
    await expect(dialog.getByRole('link', { name: message })).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: /^Målverdi/ })).toHaveAttribute('aria-invalid', 'true');
    await a11y.check();

    const benefits = await api.get<Benefit[]>(`/projects/${project.id}/benefits`);
    const indicator = benefits[0]!.indicators[0]!;
    const refused = await api.fetch('PUT', `/benefit-indicators/${indicator.id}/targets/${HADSEL.number}`, {
      baselineValue: 40,
      baselineDate: PLANS[0]!.baselineDate,
      targetValue: 30,
      targetDate: TARGET_DATE,
      interimTargets: [],
    });
    expect(refused.status()).toBe(400);
    expect(((await refused.json()) as { error: { fields: Record<string, string> } }).error.fields.targetValue).toBe(message);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
  });

  await test.step('sets a baseline and a target for each of the three, Hadsel with an interim target and a responsible person', async () => {
    for (const [i, plan] of PLANS.entries()) {
      const { name } = plan.municipality;
      await row(name)
        .getByRole('button', { name: `Sett utgangsverdi og mål for ${name}` })
        .click();
      const dialog = page.getByRole('dialog', { name: `Utgangsverdi og mål for ${name}` });
      await dialog.getByRole('textbox', { name: /^Utgangsverdi/ }).fill(String(plan.baseline));
      await dialog.getByLabel('Dato for utgangsverdi').fill(plan.baselineDate);
      await dialog.getByRole('textbox', { name: /^Målverdi/ }).fill(String(plan.target));
      await dialog.getByLabel('Måldato').fill(TARGET_DATE);
      if (i === 0) {
        await dialog.getByRole('button', { name: 'Legg til delmål' }).click();
        await dialog.getByLabel('Dato for delmål 1').fill(daysFromToday(100));
        await dialog.getByRole('textbox', { name: 'Verdi for delmål 1' }).fill('55,5');
        const responsible = dialog.getByLabel(/^Nytteansvarlig/);
        await expect(responsible.locator('option')).not.toHaveCount(1);
        await responsible.selectOption({ index: 1 });
        await a11y.check();
      }
      await dialog.getByRole('button', { name: 'Lagre utgangsverdi og mål' }).click();
      await expect(page.getByText(`Utgangsverdi og mål for ${name} er lagret.`)).toBeVisible();
      await expect(row(name).getByRole('cell').nth(1)).toContainText(`${plan.baseline} %`);
      await expect(row(name).getByRole('cell').nth(2)).toContainText(`${plan.target} %`);
    }
    await expect(row(HADSEL.name).getByRole('cell').nth(3)).toContainText('55,5 %');
    await expect(row(HADSEL.name).getByRole('button', { name: `Endre utgangsverdi og mål for ${HADSEL.name}` })).toBeVisible();
    // Nothing measured: no achievement yet; Sortland's first measurement was due a tertial after its baseline a year ago.
    await expect(row(HADSEL.name).getByRole('cell').nth(5)).toHaveText('–');
    await expect(row(SORTLAND.name).getByRole('cell').nth(6)).toContainText('Forfalt');
    await a11y.check();
  });

  await test.step('records two measurements in Hadsel; the achievement is (value − baseline) ÷ (target − baseline)', async () => {
    for (const measurement of [FIRST, LATEST]) {
      await benefit.getByRole('button', { name: `Registrer måling for «${INDICATOR}»` }).click();
      const dialog = page.getByRole('dialog', { name: 'Registrer måling' });
      // The date is today unless changed.
      await expect(dialog.getByLabel('Målt dato')).toHaveValue(osloToday());
      await dialog.getByLabel('Kommune').selectOption({ label: HADSEL.name });
      await dialog.getByLabel('Målt dato').fill(measurement.on);
      await dialog.getByRole('textbox', { name: /^Verdi/ }).fill(String(measurement.value));
      await dialog.getByRole('textbox', { name: 'Merknad' }).fill('Fra fagsystemet');
      if (measurement === FIRST) await a11y.check();
      await dialog.getByRole('button', { name: 'Registrer målingen' }).click();
      await expect(page.getByText(`Målingen for ${HADSEL.name} er registrert.`)).toBeVisible();
    }
    const expected = percent((LATEST.value - 40) / (70 - 40));
    expect(expected).toMatch(/^56,7\s%$/);
    const hadsel = row(HADSEL.name);
    await expect(hadsel.getByRole('cell').nth(4)).toContainText(`${LATEST.value} %`);
    await expect(hadsel.getByRole('cell').nth(5)).toHaveText(expected);
    await expect(hadsel.getByRole('cell').nth(6)).not.toContainText('Forfalt');
    // Only Hadsel has measured: the network's and the benefit's achievement are Hadsel's.
    const indicator = benefit.getByRole('group', { name: INDICATOR });
    await expect(indicator.locator('dt', { hasText: 'Måloppnåelse i nettverket' }).locator('+ dd')).toHaveText(expected);
    await expect(benefit.locator('dt', { hasText: /^Måloppnåelse$/ }).locator('+ dd')).toHaveText(expected);
    await indicator.getByText('Målinger (2)').click();
    const measurements = indicator.getByRole('table', { name: `Målinger for «${INDICATOR}»` });
    await expect(measurements.getByRole('row')).toHaveCount(3);
    await a11y.check();
  });

  await test.step('deletes the first measurement after confirming; the latest still counts', async () => {
    const indicator = benefit.getByRole('group', { name: INDICATOR });
    const firstOn = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${FIRST.on}T00:00:00Z`),
    );
    await indicator.getByRole('button', { name: `Slett målingen ${firstOn} for ${HADSEL.name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Slett målingen' });
    await expect(dialog.getByText(`Målingen ${firstOn} for ${HADSEL.name} (48 %) slettes.`)).toBeVisible();
    await a11y.check();
    await dialog.getByRole('button', { name: 'Slett' }).click();
    await expect(page.getByText(`Målingen ${firstOn} for ${HADSEL.name} er slettet.`)).toBeVisible();
    await expect(indicator.getByText('Målinger (1)')).toBeVisible();
    await expect(row(HADSEL.name).getByRole('cell').nth(5)).toHaveText(percent((LATEST.value - 40) / (70 - 40)));
  });

  await test.step('downloads the benefits plan as DOCX', async () => {
    const link = section.getByRole('link', { name: 'Last ned plan for nyttestyring (Word)' });
    await expect(link).toHaveAttribute('href', `/api/projects/${project.id}/benefits-plan?format=docx`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = readFileSync(await download.path());
    // A DOCX is a ZIP.
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    const response = await page.request.get((await link.getAttribute('href'))!);
    expect(response.headers()['content-type']).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    await expect(section.getByRole('link', { name: 'Last ned plan for nyttestyring (Excel)' })).toHaveAttribute(
      'href',
      `/api/projects/${project.id}/benefits-plan?format=xlsx`,
    );
    // And as a tagged PDF/A, for the archive and for screen readers.
    const pdfLink = section.getByRole('link', { name: 'Last ned plan for nyttestyring (PDF)' });
    await expect(pdfLink).toHaveAttribute('href', `/api/projects/${project.id}/benefits-plan?format=pdf`);
    const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const bytes = (await pdf.body()).toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    expect(bytes).toContain('<pdfaid:part>2</pdfaid:part>');
  });

  await test.step('a member of the network reads it all, without a button', async () => {
    await logout(page, SECRETARIAT.name);
    await loginInBokmal(page, a11y, MEMBER);
    await page.goto(`${projectUrl}/nytte`);
    await loaded(page);
    await expect(benefit).toBeVisible();
    await expect(benefit).toContainText(owner);
    await expect(row(HADSEL.name).getByRole('cell').nth(5)).toHaveText(percent((LATEST.value - 40) / (70 - 40)));
    await expect(section.getByRole('button', { name: CHANGE })).toHaveCount(0);
    await expect(section.getByText('Sekretariatet planlegger nytten')).toBeVisible();
    await benefit.getByText('Målinger (1)').click();
    await expect(benefit.getByRole('table', { name: `Målinger for «${INDICATOR}»` }).getByRole('row')).toHaveCount(2);
    await expect(section.getByRole('button', { name: CHANGE })).toHaveCount(0);
    await a11y.check();
  });

  await test.step('Sortland’s editor changes Sortland’s figures only, and measures; the network’s achievement is the average', async () => {
    await logout(page, MEMBER.name);
    await loginInBokmal(page, a11y, SORTLAND_EDITOR);
    await page.goto(`${projectUrl}/nytte`);
    await loaded(page);
    await expect(section.getByRole('button', { name: 'Legg til nyttevirkning' })).toHaveCount(0);
    await expect(benefit.getByRole('button', { name: `Endre nyttevirkningen «${BENEFIT}»` })).toHaveCount(0);
    await expect(table.getByRole('button')).toHaveCount(1);
    await expect(row(SORTLAND.name).getByRole('button', { name: `Endre utgangsverdi og mål for ${SORTLAND.name}` })).toBeVisible();
    await a11y.check();
    await benefit.getByRole('button', { name: `Registrer måling for «${INDICATOR}»` }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrer måling' });
    const municipality = dialog.getByLabel('Kommune');
    await expect(municipality.locator('option')).toHaveText(['Velg kommune', SORTLAND.name]);
    await expect(municipality).toHaveValue(SORTLAND.number);
    await dialog.getByRole('textbox', { name: /^Verdi/ }).fill('65');
    await dialog.getByRole('button', { name: 'Registrer målingen' }).click();
    await expect(page.getByText(`Målingen for ${SORTLAND.name} er registrert.`)).toBeVisible();
    const sortland = (65 - 50) / (80 - 50);
    const hadsel = (LATEST.value - 40) / (70 - 40);
    await expect(row(SORTLAND.name).getByRole('cell').nth(5)).toHaveText(percent(sortland));
    await expect(row(SORTLAND.name).getByRole('cell').nth(6)).not.toContainText('Forfalt');
    // A share does not add up: the network's achievement is the municipalities' average, each with weight 1.
    const indicator = benefit.getByRole('group', { name: INDICATOR });
    await expect(indicator.locator('dt', { hasText: 'Måloppnåelse i nettverket' }).locator('+ dd')).toHaveText(
      percent((hadsel + sortland) / 2),
    );
    // Hadsel's measurements are not Sortland's to delete.
    await indicator.getByText('Målinger (2)').click();
    await expect(indicator.getByRole('button', { name: /^Slett målingen .* for Hadsel$/ })).toHaveCount(0);
    await expect(indicator.getByRole('button', { name: /^Slett målingen .* for Sortland - Suortá$/ })).toHaveCount(1);
    await a11y.check();
  });

  await test.step('the section in English', async () => {
    await page.getByLabel(/^(Språk|Language)$/).selectOption({ label: 'English' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 2, name: 'Benefits' })).toBeVisible();
    await expect(
      page.getByRole('table', { name: `Baseline, target and latest measurement per municipality for «${INDICATOR}»` }),
    ).toBeVisible();
    await a11y.check();
  });
});
