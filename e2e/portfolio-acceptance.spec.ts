import type { Project } from '../src/shared/portfolio/projects.ts';
import { escapeRegExp, expect, SECRETARIAT, test } from './fixtures.ts';
import {
  chooseCase,
  daysFromToday,
  heldMeeting,
  loaded,
  loginInBokmal,
  openProjectTab,
  osloToday,
  projectTabs,
  sessionApi,
  tinyPdf,
} from './portfolio-helpers.ts';

/**
 * Issue 5's acceptance, from a resident's need to realized benefits in DigiVesterålen: a resident proposes through
 * the public form; the secretariat triages and scores it and makes it a project; the project passes BP1 and BP2 by
 * cases its steering group decided in a held meeting (and is refused without); Hadsel, Sortland and Andøy take part
 * and Bø, Lødingen and Øksnes do not; a benefit with an indicator gets each participant's baseline and target and two
 * measurements; the project page, the network's realization page and its spreadsheet show the achievement the
 * arithmetic gives: hours add up, (Σ latest − Σ baseline) ÷ (Σ target − Σ baseline).
 */

const NETWORK = 'digivesteralen';
const STAMP = Date.now().toString(36);
const TITLE = `Digital timebestilling i helsestasjonen ${STAMP}`;
const BODY = `Styringsgruppe for timebestilling ${STAMP}`;
const MANDATE_CASE = `Mandat for ${TITLE}`;
const PROPOSAL_CASE = `Prosjektforslag for ${TITLE}`;
const BENEFIT = `Mindre tid på telefon ${STAMP}`;
const INDICATOR = `Timer på telefon per måned ${STAMP}`;
const SORTLAND = 'Sortland - Suortá';
/** Baseline → target in hours a month (the indicator should decrease), and two measurements, the latest counting. */
const PLANS = [
  { name: 'Andøy', baseline: 300, target: 200, values: [280, 250] },
  { name: 'Hadsel', baseline: 1000, target: 500, values: [900, 800] },
  { name: SORTLAND, baseline: 500, target: 300, values: [450, 350] },
];
const OUT = ['Bø', 'Lødingen', 'Øksnes'];
/** (1400 − 1800) ÷ (1000 − 1800) = 0.5. */
const EXPECTED = (() => {
  const sum = (pick: (p: (typeof PLANS)[number]) => number) => PLANS.reduce((s, p) => s + pick(p), 0);
  return (sum((p) => p.values[1]!) - sum((p) => p.baseline)) / (sum((p) => p.target) - sum((p) => p.baseline));
})();
const percent = (value: number) =>
  new Intl.NumberFormat('nb-NO', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

test('a resident’s need becomes a project that passes BP1 and BP2 in the steering group and realizes its benefits in three municipalities', async ({
  page,
  a11y,
}) => {
  test.setTimeout(420_000);
  let reference = '';

  await test.step('a resident proposes it through the public form, without logging in', async () => {
    await page.goto(`/innsyn/n/${NETWORK}/forslag`);
    await loaded(page);
    const fetchedAt = Date.now();
    const form = page.getByRole('form', { name: 'Foreslå et behov eller en idé for DigiVesterålen' });
    await form.getByRole('textbox', { name: 'Navnet ditt' }).fill('Ola Innbygger');
    await form.getByRole('textbox', { name: 'E-postadressen din' }).fill(`ola.${STAMP}@example.no`);
    await form.getByLabel('Kommunen du bor i').selectOption({ label: 'Hadsel' });
    await form.getByRole('radio', { name: 'Behov' }).check();
    await form.getByRole('textbox', { name: 'Tittel' }).fill(TITLE);
    await form.getByRole('textbox', { name: 'Hva er problemet eller behovet?' }).fill('Vi må ringe i telefontiden for å bestille time.');
    await form.getByRole('textbox', { name: 'Hvem berøres?' }).fill('Foreldre og helsesykepleierne.');
    await form.getByRole('textbox', { name: 'Forventet nytte' }).fill('Færre telefoner og bedre tilgjengelighet.');
    for (const name of ['Hadsel', SORTLAND, 'Andøy']) {
      await form
        .getByRole('group', { name: /^Kommuner som ønsker dette/ })
        .getByRole('checkbox', { name })
        .check();
    }
    await a11y.check();
    // The server refuses a form sent within three seconds of fetching it.
    await page.waitForTimeout(Math.max(0, 3_500 - (Date.now() - fetchedAt)));
    await form.getByRole('button', { name: 'Send forslaget' }).click();
    const receipt = page.getByRole('heading', { level: 2, name: /^Takk! Forslaget ditt har referanse F-\d{4}-\d{3}$/ });
    await expect(receipt).toBeVisible();
    await a11y.check();
  });

  await loginInBokmal(page, a11y, SECRETARIAT);
  const api = await sessionApi(page);

  await test.step('the secretariat triages and scores it, and makes it a project', async () => {
    await page.goto(`/n/${NETWORK}/forslag`);
    await loaded(page);
    await a11y.check();
    await page.getByRole('link', { name: TITLE }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^F-\\d{4}-\\d{3}: ${escapeRegExp(TITLE)}$`) })).toBeVisible();
    await loaded(page);
    const triage = page.getByRole('form', { name: 'Endre status' });
    await triage.getByLabel('Ny status').selectOption({ label: 'Under vurdering' });
    await triage.getByRole('button', { name: 'Lagre status' }).click();
    await expect(triage.getByText('Status er nå «Under vurdering».')).toBeVisible();

    const assessment = page.getByRole('form', { name: 'Vurdering' });
    await assessment.getByRole('group', { name: 'Nytte' }).getByRole('radio', { name: '5 – best' }).check();
    await assessment.getByRole('group', { name: 'Kostnad' }).getByRole('radio', { name: '4', exact: true }).check();
    await assessment.getByRole('group', { name: 'Risiko' }).getByRole('radio', { name: '4', exact: true }).check();
    await assessment.getByRole('group', { name: 'Gjennomførbarhet' }).getByRole('radio', { name: '4', exact: true }).check();
    await assessment.getByRole('button', { name: 'Lagre vurderingen' }).click();
    await expect(assessment.getByText(/^Vurderingen er lagret\. Poengsum: [\d,]+\.$/)).toBeVisible();
    await a11y.check();

    await triage.getByLabel('Ny status').selectOption({ label: 'Prioritert' });
    await triage.getByRole('button', { name: 'Lagre status' }).click();
    await expect(triage.getByText('Status er nå «Prioritert».')).toBeVisible();

    await page.getByRole('button', { name: 'Lag prosjekt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lag prosjekt' });
    await dialog.getByRole('button', { name: 'Lag prosjekt' }).click();
    const heading = page.getByRole('heading', { level: 1, name: new RegExp(`^P-\\d{4}-\\d{3}: ${escapeRegExp(TITLE)}$`) });
    await expect(heading).toBeVisible();
    await loaded(page);
    reference = /P-\d{4}-\d{3}/.exec((await heading.textContent()) ?? '')![0];
    await a11y.check();
  });
  const projectId = new URL(page.url()).pathname.split('/').pop()!;

  await test.step('three of the six municipalities take part, three do not', async () => {
    await openProjectTab(page, 'Deltakere');
    for (const [name, participation] of [
      ...PLANS.map((p) => [p.name, 'Med'] as const),
      ...OUT.map((name) => [name, 'Ikke med'] as const),
    ]) {
      await page.getByRole('button', { name: `Endre deltakelsen for ${name}` }).click();
      const dialog = page.getByRole('dialog', { name: `Deltakelse for ${name}` });
      await dialog.getByRole('radio', { name: participation, exact: true }).check();
      await dialog.getByRole('button', { name: 'Lagre deltakelsen' }).click();
      await expect(page.getByText(`Deltakelsen for ${name} er lagret.`)).toBeVisible();
    }
    const project = await api.get<Project>(`/projects/${projectId}`);
    expect(
      project.participants
        .filter((p) => p.participation === 'in')
        .map((p) => p.municipalityName)
        .sort(),
    ).toEqual(PLANS.map((p) => p.name).sort());
    expect(project.participants.filter((p) => p.participation === 'out')).toHaveLength(3);
    await a11y.check();
  });

  const { item } = await heldMeeting(api, NETWORK, BODY, `ST${STAMP.slice(-4)}`, [
    { title: MANDATE_CASE, outcome: 'decided' },
    { title: PROPOSAL_CASE, outcome: 'decided' },
  ]);

  await test.step('BP1 without a decision is refused, naming the field; with the steering group’s case it passes', async () => {
    // Loaded again, so the network's new steering body is there to choose; the tab stays open.
    await page.reload();
    await loaded(page);
    await expect(projectTabs(page).getByRole('link', { name: 'Deltakere', exact: true })).toHaveAttribute('aria-current', 'page');
    await openProjectTab(page, 'Dokumenter');
    const upload = page.getByRole('form', { name: 'Last opp dokument' });
    await upload.getByLabel('Dokumenttype').selectOption({ label: 'Mandat' });
    await upload
      .getByLabel('Fil', { exact: true })
      .setInputFiles({ name: 'mandat.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Mandat') });
    await upload.getByRole('button', { name: 'Last opp' }).click();
    await expect(page.getByText('«mandat.pdf» er lastet opp som Mandat.')).toBeVisible();
    await a11y.check();

    await openProjectTab(page, 'Beslutninger');
    const panel = page.getByRole('form', { name: 'Passere BP1' });
    await panel.getByRole('button', { name: 'Passere BP1' }).click();
    await expect(panel.getByRole('link', { name: /må fylles ut\.$/ }).first()).toBeVisible();
    expect((await api.get<Project>(`/projects/${projectId}`)).phase).toBe('idea');

    await chooseCase(page, BODY, item(MANDATE_CASE).number, MANDATE_CASE);
    await panel.getByRole('button', { name: 'Passere BP1' }).click();
    await expect(page.getByText('BP1 er passert. Prosjektet er nå i fasen Konsept.')).toBeVisible();
    await a11y.check();
  });

  await test.step('BP2 by the steering group’s second case; the basis documents are frozen', async () => {
    await openProjectTab(page, 'Dokumenter');
    const upload = page.getByRole('form', { name: 'Last opp dokument' });
    await upload.getByLabel('Dokumenttype').selectOption({ label: 'Prosjektforslag' });
    await upload
      .getByLabel('Fil', { exact: true })
      .setInputFiles({ name: 'prosjektforslag.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Prosjektforslag') });
    await upload.getByRole('button', { name: 'Last opp' }).click();
    await expect(page.getByText('«prosjektforslag.pdf» er lastet opp som Prosjektforslag.')).toBeVisible();
    // BP2 is the steering group's: the owner may not decide it alone.
    const project = await api.get<Project>(`/projects/${projectId}`);
    const refused = await api.fetch('POST', `/projects/${projectId}/decisions`, {
      kind: 'ownerDecision',
      text: 'Vi går videre.',
      projectVersion: project.version,
    });
    expect(refused.status()).toBe(400);

    await openProjectTab(page, 'Beslutninger');
    await chooseCase(page, BODY, item(PROPOSAL_CASE).number, PROPOSAL_CASE);
    await page.getByRole('form', { name: 'Passere BP2' }).getByRole('button', { name: 'Passere BP2' }).click();
    await expect(page.getByText('BP2 er passert. Prosjektet er nå i fasen Planlegge.')).toBeVisible();
    const decided = await api.get<Project>(`/projects/${projectId}`);
    expect(decided.phase).toBe('planning');
    expect(decided.decisions.map((d) => [d.decisionPoint, d.meetingCase?.bodyName])).toEqual([
      ['bp1', BODY],
      ['bp2', BODY],
    ]);
    const frozen = decided.basisDocuments.find((d) => d.fileName === 'prosjektforslag.pdf')!;
    expect(frozen.frozenByDecisionId).not.toBeNull();
    expect((await api.fetch('DELETE', `/project-documents/${frozen.id}?version=${frozen.version}`)).status()).toBe(423);
    await a11y.check();
  });

  const section = page.getByRole('region', { name: 'Nytte', exact: true });
  const benefit = section.getByRole('article', { name: BENEFIT });
  const table = benefit.getByRole('table', { name: `Utgangsverdi, mål og siste måling per kommune for «${INDICATOR}»` });
  const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${escapeRegExp(name)}`) });

  await test.step('plans a benefit with an indicator whose hours add up', async () => {
    await openProjectTab(page, 'Nytte');
    await section.getByRole('button', { name: 'Legg til nyttevirkning' }).click();
    let dialog = page.getByRole('dialog', { name: 'Ny nyttevirkning' });
    await dialog.getByRole('textbox', { name: 'Nyttevirkning', exact: true }).fill(BENEFIT);
    await dialog.getByLabel('Type nytte').selectOption({ label: 'Spart tid' });
    await dialog.getByRole('textbox', { name: /^For hvem/ }).fill('Helsesykepleierne');
    await dialog.getByRole('textbox', { name: /^Endringer som gir nytten/ }).fill('Foreldre bestiller time digitalt.');
    await dialog.getByRole('group', { name: 'Gevinstområder' }).getByRole('checkbox', { name: 'Redusere' }).check();
    await dialog.getByRole('button', { name: 'Lagre nyttevirkningen' }).click();
    await expect(page.getByText(`Nyttevirkningen «${BENEFIT}» er lagt til.`)).toBeVisible();

    await benefit.getByRole('button', { name: `Legg til indikator for «${BENEFIT}»` }).click();
    dialog = page.getByRole('dialog', { name: 'Ny indikator' });
    await dialog.getByRole('textbox', { name: 'Indikator', exact: true }).fill(INDICATOR);
    await dialog.getByRole('textbox', { name: /^Enhet/ }).fill('timer');
    await dialog.getByRole('radio', { name: 'Skal minke' }).check();
    await dialog.getByRole('checkbox', { name: 'Kommunenes verdier kan summeres' }).check();
    await dialog.getByLabel('Målefrekvens').selectOption({ label: 'Månedlig' });
    await dialog.getByRole('button', { name: 'Lagre indikatoren' }).click();
    await expect(page.getByText(`Indikatoren «${INDICATOR}» er lagt til.`)).toBeVisible();
    // The three that take part, and no one else.
    await expect(table.getByRole('row')).toHaveCount(1 + PLANS.length);
    await a11y.check();
  });

  await test.step('each participant gets a baseline and a target, and two measurements', async () => {
    for (const plan of PLANS) {
      await row(plan.name)
        .getByRole('button', { name: `Sett utgangsverdi og mål for ${plan.name}` })
        .click();
      const dialog = page.getByRole('dialog', { name: `Utgangsverdi og mål for ${plan.name}` });
      await dialog.getByRole('textbox', { name: /^Utgangsverdi/ }).fill(String(plan.baseline));
      await dialog.getByLabel('Dato for utgangsverdi').fill(daysFromToday(-120));
      await dialog.getByRole('textbox', { name: /^Målverdi/ }).fill(String(plan.target));
      await dialog.getByLabel('Måldato').fill(daysFromToday(500));
      await dialog.getByRole('button', { name: 'Lagre utgangsverdi og mål' }).click();
      await expect(page.getByText(`Utgangsverdi og mål for ${plan.name} er lagret.`)).toBeVisible();
      for (const [i, value] of plan.values.entries()) {
        await benefit.getByRole('button', { name: `Registrer måling for «${INDICATOR}»` }).click();
        const measure = page.getByRole('dialog', { name: 'Registrer måling' });
        await measure.getByLabel('Kommune').selectOption({ label: plan.name });
        await measure.getByLabel('Målt dato').fill(i === 0 ? daysFromToday(-60) : osloToday());
        await measure.getByRole('textbox', { name: /^Verdi/ }).fill(String(value));
        await measure.getByRole('button', { name: 'Registrer målingen' }).click();
        await expect(page.getByText(`Målingen for ${plan.name} er registrert.`)).toBeVisible();
      }
      await expect(row(plan.name).getByRole('cell').nth(5)).toHaveText(
        percent((plan.values[1]! - plan.baseline) / (plan.target - plan.baseline)),
      );
    }
    expect(percent(EXPECTED)).toMatch(/^50,0\s%$/);
    const indicator = benefit.getByRole('group', { name: INDICATOR });
    await expect(indicator.locator('dt', { hasText: 'Måloppnåelse i nettverket' }).locator('+ dd')).toHaveText(percent(EXPECTED));
    await a11y.check();
  });

  await test.step('the realization page rolls it up to the project and the focus area; Sortland’s view has its own', async () => {
    await page.goto(`/n/${NETWORK}`);
    await loaded(page);
    await a11y.check();
    await page.getByRole('navigation', { name: 'Sider i DigiVesterålen' }).getByRole('link', { name: 'Nytte' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nytterealisering i DigiVesterålen' })).toBeVisible();
    await loaded(page);
    const project = page.getByRole('article').filter({ has: page.getByRole('link', { name: `${reference} ${TITLE}` }) });
    await expect(project.getByText(`Måloppnåelse: ${percent(EXPECTED)}`)).toBeVisible();
    await project.getByText('Nyttevirkningene (1)').click();
    const line = project.getByRole('row', { name: new RegExp(`^${escapeRegExp(BENEFIT)}`) });
    await expect(line.getByRole('cell').last()).toHaveText(percent(EXPECTED));
    await a11y.check();

    await page.getByLabel('Vis for').selectOption({ label: SORTLAND });
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await expect(page).toHaveURL(/\?kommune=1870$/);
    await loaded(page);
    // Sortland alone: (350 − 500) ÷ (300 − 500) = 75 %, for the project and for the benefit.
    await expect(project.getByText(`Måloppnåelse: ${percent(0.75)}`)).toBeVisible();
    await project.getByText('Nyttevirkningene (1)').click();
    await expect(line.getByRole('cell').last()).toHaveText(percent(0.75));
    await a11y.check();

    const xlsx = await page.request.get(`/api/networks/${(await api.get<{ id: string }>(`/networks/${NETWORK}`)).id}/benefits?format=csv`);
    const csv = await xlsx.text();
    const ours = csv.split('\n').find((l) => l.includes(INDICATOR))!;
    // Summed over the three: baseline 1800, target 1000, now 1400, measured in all three, 50 %.
    expect(ours.split(';').slice(-5)).toEqual(['1800', '1000', '1400', '3/3', expect.stringMatching(/^50\r?$/)]);
  });
});
