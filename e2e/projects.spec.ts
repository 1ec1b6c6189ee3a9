import type { Project } from '../src/shared/portfolio/projects.ts';
import type { Proposal } from '../src/shared/portfolio/proposals.ts';
import type { StatusReportList } from '../src/shared/portfolio/status-reports.ts';
import { escapeRegExp, expect, SECRETARIAT, test } from './fixtures.ts';
import {
  chooseCase,
  heldMeeting,
  loaded,
  loginInBokmal,
  logout,
  openProjectTab,
  sessionApi,
  tinyPdf,
  type SessionApi,
} from './portfolio-helpers.ts';

/**
 * Projects in DigiVesterålen: the secretariat makes a project of a prioritized proposal, uploads its mandate and
 * passes BP1 by a case its steering body decided in a held meeting (the demo's people cannot log in, so no owner can
 * sign); BP2 is refused without a decided case and passes with one once the project proposal is uploaded; the mandate
 * is frozen by BP1 and has no delete; Sortland's editor opts in with a reservation; the board shows the project under
 * Planlegge. Another writes a status report, publishes it as a PDF and finds its light in the portfolio and on the
 * timeline. A last test visits every project page in nynorsk and English.
 */

const NETWORK = 'digivesteralen';
const STAMP = Date.now().toString(36);
const LIST = `/n/${NETWORK}/prosjekter`;
const SORTLAND_EDITOR = { email: 'kontakt@sortland.kommune.no', name: 'Kommunekontakt Sortland' };
/** Sortland's name as the municipality register has it, with its Sámi name. */
const SORTLAND = 'Sortland - Suortá';

/** A prioritized proposal of the network, as the secretariat leaves it after assessing it. */
async function prioritizedProposal(api: SessionApi, title: string): Promise<Proposal> {
  const created = await api.post<Proposal>(`/networks/${NETWORK}/proposals`, {
    kind: 'need',
    title,
    problem: 'Kommunene bruker hver sin løsning for digitale skjema.',
    municipalities: ['1870', '1866'],
  });
  const assessed = await api.put<Proposal>(`/proposals/${created.id}/assessment`, {
    scores: { benefit: 5, cost: 3, risk: 3, feasibility: 4 },
    focusAreaFit: {},
    note: null,
    version: created.version,
  });
  return api.post<Proposal>(`/proposals/${created.id}/triage`, { status: 'prioritized', version: assessed.version });
}

test('the secretariat makes a project of a proposal and takes it through BP1 and BP2; Sortland opts in; the board shows it', async ({
  page,
  a11y,
}) => {
  test.setTimeout(240_000);
  await loginInBokmal(page, a11y, SECRETARIAT);
  const api = await sessionApi(page);
  const title = `Felles digitale skjema ${STAMP}`;
  const proposal = await prioritizedProposal(api, title);
  const BODY = `Styringsgruppe for skjema ${STAMP}`;
  const MANDATE_CASE = `Mandat for ${title}`;
  const PROPOSAL_CASE = `Prosjektforslag for ${title}`;
  const NOTED_CASE = `Orientering om ${title}`;
  const { meeting, item } = await heldMeeting(api, NETWORK, BODY, `SG${STAMP.slice(-4)}`, [
    { title: MANDATE_CASE, outcome: 'decided' },
    { title: PROPOSAL_CASE, outcome: 'decided' },
    { title: NOTED_CASE, outcome: 'noted' },
  ]);
  let projectUrl = '';
  let reference = '';

  await test.step('makes a project of the prioritized proposal and lands on it', async () => {
    await page.goto(`/n/${NETWORK}/forslag/${proposal.id}`);
    await loaded(page);
    await a11y.check();
    await page.getByRole('button', { name: 'Lag prosjekt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lag prosjekt' });
    await expect(dialog.getByText(`med tittelen «${title}»`)).toBeVisible();
    await a11y.check();
    await dialog.getByRole('button', { name: 'Lag prosjekt' }).click();
    const heading = page.getByRole('heading', { level: 1, name: new RegExp(`^P-\\d{4}-\\d{3}: ${escapeRegExp(title)}$`) });
    await expect(heading).toBeVisible();
    await loaded(page);
    reference = /P-\d{4}-\d{3}/.exec((await heading.textContent()) ?? '')![0];
    await expect(page.getByText(`Prosjektet ${reference} er opprettet fra forslaget.`)).toBeVisible();
    projectUrl = new URL(page.url()).pathname;
    const steps = page.getByRole('list', { name: 'Fasene i prosjektveiviseren' }).getByRole('listitem');
    await expect(steps).toHaveCount(6);
    await expect(steps.nth(0)).toHaveAttribute('aria-current', 'step');
    await expect(steps.nth(0)).toContainText('Idé');
    await expect(page.getByRole('link', { name: `${proposal.reference}: ${title}` })).toBeVisible();
    // The summary names the next decision point and what its basis lacks.
    const next = page.getByRole('region', { name: 'Neste beslutningspunkt' });
    await expect(next.getByText('BP1: Starte konseptfasen')).toBeVisible();
    await expect(next.getByText('Mangler i beslutningsgrunnlaget: Mandat.')).toBeVisible();
    await a11y.check();
    await openProjectTab(page, 'Beslutninger');
    await expect(page.getByText('Dette mangler i beslutningsgrunnlaget: Mandat.')).toBeVisible();
    await a11y.check();
  });

  await test.step('uploads the mandate as a PDF', async () => {
    await page.getByRole('form', { name: 'Passere BP1' }).getByRole('link', { name: 'Last opp dokumenter' }).click();
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(projectUrl)}/dokumenter$`));
    await loaded(page);
    const upload = page.getByRole('form', { name: 'Last opp dokument' });
    await upload.getByLabel('Dokumenttype').selectOption({ label: 'Mandat' });
    await upload
      .getByLabel('Fil', { exact: true })
      .setInputFiles({ name: 'mandat.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Mandat') });
    await upload.getByRole('button', { name: 'Last opp' }).click();
    await expect(page.getByText('«mandat.pdf» er lastet opp som Mandat.')).toBeVisible();
    const mandates = page.getByRole('table', { name: `Mandat for ${reference}` });
    await expect(mandates.getByRole('link', { name: 'mandat.pdf' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Slett «mandat.pdf»' })).toBeVisible();
    const href = await mandates.getByRole('link', { name: 'mandat.pdf' }).getAttribute('href');
    const file = await page.request.get(href!);
    expect(file.headers()['content-type']).toContain('application/pdf');
    expect((await file.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await a11y.check();
    await openProjectTab(page, 'Beslutninger');
    await expect(page.getByText('Beslutningsgrunnlaget er komplett.')).toBeVisible();
  });

  await test.step('passes BP1 by the case the steering group decided; the mandate is frozen', async () => {
    const panel = page.getByRole('form', { name: 'Passere BP1' });
    await chooseCase(page, BODY, item(MANDATE_CASE).number, MANDATE_CASE);
    await a11y.check();
    await panel.getByRole('button', { name: 'Passere BP1' }).click();
    await expect(page.getByText('BP1 er passert. Prosjektet er nå i fasen Konsept.')).toBeVisible();
    const decision = page.getByRole('link', { name: `Vedtak i ${BODY}, sak ${item(MANDATE_CASE).number}: ${MANDATE_CASE}` });
    await expect(decision).toBeVisible();
    await expect(decision).toHaveAttribute('href', `/moter/${meeting.id}/saker/${item(MANDATE_CASE).id}`);
    await a11y.check();
    await openProjectTab(page, 'Sammendrag');
    const steps = page.getByRole('list', { name: 'Fasene i prosjektveiviseren' }).getByRole('listitem');
    await expect(steps.nth(1)).toHaveAttribute('aria-current', 'step');
    await openProjectTab(page, 'Dokumenter');
    const mandate = page
      .getByRole('table', { name: `Mandat for ${reference}` })
      .getByRole('row')
      .filter({ hasText: 'mandat.pdf' });
    await expect(mandate).toContainText('Låst av vedtak BP1');
    await expect(page.getByRole('button', { name: 'Slett «mandat.pdf»' })).toHaveCount(0);
    await a11y.check();
  });

  await test.step('a frozen document cannot be deleted through the API either', async () => {
    const project = await api.get<Project>(`/projects/${projectUrl.split('/').pop()}`);
    const mandate = project.basisDocuments.find((d) => d.fileName === 'mandat.pdf')!;
    expect(mandate.frozenByDecisionId).not.toBeNull();
    const refused = await api.fetch('DELETE', `/project-documents/${mandate.id}?version=${mandate.version}`);
    expect(refused.status()).toBe(423);
  });

  await test.step('BP2 without a decided case is refused, naming the field; so is a case only noted, and a missing basis', async () => {
    await openProjectTab(page, 'Beslutninger');
    const panel = page.getByRole('form', { name: 'Passere BP2' });
    await expect(panel.getByText('Dette mangler i beslutningsgrunnlaget: Prosjektforslag.')).toBeVisible();
    await expect(panel.getByText('Dette beslutningspunktet krever vedtak i styringsgruppen.')).toBeVisible();
    await panel.getByRole('button', { name: 'Passere BP2' }).click();
    await expect(panel.getByRole('link', { name: '«Sak i møte» må fylles ut.' })).toBeVisible();
    await expect(panel.getByLabel('Sak i møte')).toHaveAttribute('aria-invalid', 'true');
    await a11y.check();

    // The noted case is not offered; a client that sends it anyway is refused, naming the field.
    const project = await api.get<Project>(`/projects/${projectUrl.split('/').pop()}`);
    const refused = await api.fetch('POST', `/projects/${project.id}/decisions`, {
      kind: 'meetingCase',
      agendaItemId: item(NOTED_CASE).id,
      projectVersion: project.version,
    });
    expect(refused.status()).toBe(400);
    expect(((await refused.json()) as { error: { fields: Record<string, string> } }).error.fields.agendaItemId).toBe(
      '«Sak i møte» må være en vedtatt sak i et avholdt møte i et av nettverkets organer.',
    );

    // The decided case, before the project proposal is attached: the server names what is missing.
    await chooseCase(page, BODY, item(PROPOSAL_CASE).number, PROPOSAL_CASE);
    await panel.getByRole('button', { name: 'Passere BP2' }).click();
    await expect(panel.getByRole('link', { name: '«Beslutningsgrunnlag» mangler: Prosjektforslag.' })).toBeVisible();
    await a11y.check();
    expect((await api.get<Project>(`/projects/${project.id}`)).phase).toBe('concept');
  });

  await test.step('uploads the project proposal and passes BP2 by the decided case', async () => {
    await openProjectTab(page, 'Dokumenter');
    const upload = page.getByRole('form', { name: 'Last opp dokument' });
    await upload.getByLabel('Dokumenttype').selectOption({ label: 'Prosjektforslag' });
    await upload
      .getByLabel('Fil', { exact: true })
      .setInputFiles({ name: 'prosjektforslag.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Prosjektforslag') });
    await upload.getByRole('button', { name: 'Last opp' }).click();
    await expect(page.getByText('«prosjektforslag.pdf» er lastet opp som Prosjektforslag.')).toBeVisible();
    await openProjectTab(page, 'Beslutninger');
    await expect(page.getByText('Beslutningsgrunnlaget er komplett.')).toBeVisible();
    const panel = page.getByRole('form', { name: 'Passere BP2' });
    await chooseCase(page, BODY, item(PROPOSAL_CASE).number, PROPOSAL_CASE);
    await panel.getByRole('button', { name: 'Passere BP2' }).click();
    await expect(page.getByText('BP2 er passert. Prosjektet er nå i fasen Planlegge.')).toBeVisible();
    await expect(page.getByRole('link', { name: `Vedtak i ${BODY}, sak ${item(PROPOSAL_CASE).number}: ${PROPOSAL_CASE}` })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Passere BP3' })).toBeVisible();
    await a11y.check();
    await openProjectTab(page, 'Dokumenter');
    await expect(page.getByRole('button', { name: 'Slett «prosjektforslag.pdf»' })).toHaveCount(0);
    await openProjectTab(page, 'Sammendrag');
    const steps = page.getByRole('list', { name: 'Fasene i prosjektveiviseren' }).getByRole('listitem');
    await expect(steps.nth(2)).toHaveAttribute('aria-current', 'step');
    await openProjectTab(page, 'Beslutninger');
  });

  await test.step('the decided case links back to the project', async () => {
    await page.getByRole('link', { name: `Vedtak i ${BODY}, sak ${item(PROPOSAL_CASE).number}: ${PROPOSAL_CASE}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${item(PROPOSAL_CASE).number}: ${PROPOSAL_CASE}` })).toBeVisible();
    await loaded(page);
    const links = page.getByRole('region', { name: 'Prosjektbeslutninger' });
    await expect(links.getByRole('link', { name: `${reference}: ${title} – Beslutningspunkt 2 (BP2)` })).toBeVisible();
    await a11y.check();
    await links.getByRole('link', { name: `${reference}: ${title} – Beslutningspunkt 2 (BP2)` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${reference}: ${title}` })).toBeVisible();
    await loaded(page);
    await a11y.check();
  });

  await test.step('plans a milestone, a risk with its score and level, and a deliverable; changes the risk after measures', async () => {
    await openProjectTab(page, 'Plan');
    await page.getByRole('region', { name: 'Milepæler', exact: true }).getByRole('button', { name: 'Legg til milepæl' }).click();
    let dialog = page.getByRole('dialog', { name: 'Ny milepæl' });
    await dialog.getByRole('button', { name: 'Lagre milepælen' }).click();
    await expect(dialog.getByRole('link', { name: '«Milepæl» må fylles ut.' })).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Milepæl', exact: true }).fill('Avtale signert');
    await dialog.getByLabel('Frist').fill('2027-02-01');
    await a11y.check();
    await dialog.getByRole('button', { name: 'Lagre milepælen' }).click();
    await expect(page.getByText('Milepælen «Avtale signert» er lagt til.')).toBeVisible();
    const milestone = page.getByRole('table', { name: `Milepæler for ${reference}` }).getByRole('row', { name: /^Avtale signert/ });
    await expect(milestone.getByRole('cell').nth(1)).toHaveText('Ikke nådd');

    await page.getByRole('region', { name: 'Risikoer' }).getByRole('button', { name: 'Legg til risiko' }).click();
    dialog = page.getByRole('dialog', { name: 'Ny risiko' });
    await dialog.getByRole('textbox', { name: 'Risiko', exact: true }).fill('Leverandøren leverer for sent');
    await dialog.getByLabel('Sannsynlighet før tiltak').selectOption('4');
    await dialog.getByLabel('Konsekvens før tiltak').selectOption('4');
    await dialog.getByRole('textbox', { name: 'Tiltak', exact: true }).fill('Dagbøter i avtalen.');
    await dialog.getByLabel('Sannsynlighet etter tiltak').selectOption('3');
    await dialog.getByLabel('Konsekvens etter tiltak').selectOption('3');
    await dialog.getByRole('textbox', { name: 'Ansvarlig', exact: true }).fill('Prosjektleder');
    await a11y.check();
    await dialog.getByRole('button', { name: 'Lagre risikoen' }).click();
    await expect(page.getByText('Risikoen «Leverandøren leverer for sent» er lagt til.')).toBeVisible();
    const risk = page
      .getByRole('table', { name: `Risikoregister for ${reference}` })
      .getByRole('row', { name: /^Leverandøren leverer for sent/ });
    await expect(risk.getByRole('cell').nth(0)).toHaveText('4 × 4 = 16 Høy');
    await expect(risk.getByRole('cell').nth(2)).toHaveText('3 × 3 = 9 Middels');
    await a11y.check();

    await page.getByRole('button', { name: 'Endre risikoen «Leverandøren leverer for sent»' }).click();
    dialog = page.getByRole('dialog', { name: 'Endre risikoen' });
    await expect(dialog.getByLabel('Sannsynlighet før tiltak')).toHaveValue('4');
    await dialog.getByLabel('Sannsynlighet etter tiltak').selectOption('2');
    await dialog.getByLabel('Konsekvens etter tiltak').selectOption('2');
    await dialog.getByRole('button', { name: 'Lagre risikoen' }).click();
    await expect(page.getByText('Risikoen «Leverandøren leverer for sent» er lagret.')).toBeVisible();
    await expect(risk.getByRole('cell').nth(0)).toHaveText('4 × 4 = 16 Høy');
    await expect(risk.getByRole('cell').nth(2)).toHaveText('2 × 2 = 4 Lav');

    const csvLink = page.getByRole('link', { name: 'Last ned risikoregisteret (CSV)' });
    const csv = await (await page.request.get((await csvLink.getAttribute('href'))!)).text();
    expect(csv).toContain('Leverandøren leverer for sent');
    expect(csv).toContain('Høy');
    expect(csv).toContain('Lav');

    await page.getByRole('region', { name: 'Leveranser', exact: true }).getByRole('button', { name: 'Legg til leveranse' }).click();
    dialog = page.getByRole('dialog', { name: 'Ny leveranse' });
    await dialog.getByRole('textbox', { name: 'Leveranse', exact: true }).fill('Felles skjemaløsning i drift');
    await dialog.getByLabel('Frist').fill('2027-09-01');
    await dialog.getByLabel('Status').selectOption({ label: 'Pågår' });
    await dialog.getByRole('button', { name: 'Lagre leveransen' }).click();
    await expect(page.getByText('Leveransen «Felles skjemaløsning i drift» er lagt til.')).toBeVisible();
    const deliverable = page
      .getByRole('table', { name: `Leveranser i ${reference}` })
      .getByRole('row', { name: /^Felles skjemaløsning i drift/ });
    await expect(deliverable.getByRole('cell').nth(2)).toHaveText('Pågår');
    await a11y.check();

    // Deleting asks first.
    await page.getByRole('button', { name: 'Slett milepælen «Avtale signert»' }).click();
    dialog = page.getByRole('dialog', { name: 'Slett milepælen' });
    await expect(dialog.getByText('Milepælen «Avtale signert» slettes fra planen.')).toBeVisible();
    await a11y.check();
    await dialog.getByRole('button', { name: 'Slett' }).click();
    await expect(page.getByText('Milepælen «Avtale signert» er slettet.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Milepæler', exact: true }).getByText('Ingen milepæler ennå.')).toBeVisible();
  });

  await test.step('Sortland’s editor opts in with a reservation', async () => {
    await logout(page, SECRETARIAT.name);
    await loginInBokmal(page, a11y, SORTLAND_EDITOR);
    // Only the secretariat passes decision points and changes documents.
    await page.goto(`${projectUrl}/beslutninger`);
    await loaded(page);
    await expect(page.getByRole('region', { name: 'Beslutningspunkter' })).toBeVisible();
    await expect(page.getByRole('form', { name: /^Passere/ })).toHaveCount(0);
    await page.goto(`${projectUrl}/dokumenter`);
    await loaded(page);
    await expect(page.getByRole('region', { name: 'Beslutningsgrunnlag' })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Last opp dokument' })).toHaveCount(0);
    await openProjectTab(page, 'Deltakere');
    // Sortland's row is the editor's to change; no other municipality's is.
    await expect(page.getByRole('button', { name: /^Endre deltakelsen for / })).toHaveCount(1);
    await a11y.check();
    await page.getByRole('button', { name: `Endre deltakelsen for ${SORTLAND}` }).click();
    const dialog = page.getByRole('dialog', { name: `Deltakelse for ${SORTLAND}` });
    await dialog.getByRole('button', { name: 'Lagre deltakelsen' }).click();
    await expect(dialog.getByRole('link', { name: '«Deltakelse» må være ett av valgene.' })).toBeVisible();
    await dialog.getByRole('radio', { name: 'Med', exact: true }).check();
    await dialog.getByRole('textbox', { name: 'Forbehold' }).fill('Med forbehold om budsjettvedtak i kommunestyret.');
    await a11y.check();
    await dialog.getByRole('button', { name: 'Lagre deltakelsen' }).click();
    await expect(page.getByText(`Deltakelsen for ${SORTLAND} er lagret.`)).toBeVisible();
    const row = page
      .getByRole('table', { name: `Kommunenes deltakelse i ${reference}` })
      .getByRole('row', { name: new RegExp(`^${escapeRegExp(SORTLAND)}`) });
    await expect(row.getByRole('cell').nth(0)).toHaveText('Med');
    await expect(row.getByRole('cell').nth(1)).toHaveText('Med forbehold om budsjettvedtak i kommunestyret.');
    await a11y.check();
  });

  await test.step('the board shows the project under Planlegge, the view kept in the address', async () => {
    await page.getByRole('navigation', { name: 'Sider i DigiVesterålen' }).getByRole('link', { name: 'Prosjekter' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Prosjekter i DigiVesterålen' })).toBeVisible();
    await loaded(page);
    const row = page.getByRole('row').filter({ hasText: reference });
    await expect(row.getByRole('rowheader')).toHaveText(title);
    await expect(row.getByRole('cell').nth(1)).toHaveText('Planlegge');
    await expect(row.getByRole('cell').nth(6)).toHaveText(/^BP2, /);
    await a11y.check();
    await page.getByRole('navigation', { name: 'Visning' }).getByRole('link', { name: 'Tavle etter fase' }).click();
    await expect(page).toHaveURL(/\/prosjekter\?visning=tavle$/);
    await loaded(page);
    await expect(page.getByRole('link', { name: 'Tavle etter fase' })).toHaveAttribute('aria-current', 'page');
    const planning = page.getByRole('region', { name: /^Planlegge/ });
    await expect(planning.getByRole('link', { name: title })).toBeVisible();
    await expect(page.getByRole('region', { name: /^Idé/ }).getByRole('link', { name: title })).toHaveCount(0);
    await a11y.check();

    const filter = page.getByRole('form', { name: 'Filtrer prosjektene' });
    await filter.getByLabel('Fase').selectOption({ label: 'Planlegge' });
    await filter.getByRole('button', { name: 'Vis prosjektene' }).click();
    await expect(page).toHaveURL(/\/prosjekter\?fase=planning&visning=tavle$/);
    await loaded(page);
    await expect(page.getByRole('region', { name: /^Planlegge/ }).getByRole('link', { name: title })).toBeVisible();
    await a11y.check();
  });
});

test('a status report is written, published as a PDF, shown in the portfolio and on the timeline; readers only read it', async ({
  page,
  a11y,
}) => {
  test.setTimeout(180_000);
  await loginInBokmal(page, a11y, SECRETARIAT);
  const api = await sessionApi(page);
  const network = await api.get<{ id: string }>(`/networks/${NETWORK}`);
  const title = `Felles saksbehandling ${STAMP}`;
  const project = await api.post<Project>(`/networks/${network.id}/projects`, {
    title,
    focusAreaKeys: [],
    startDate: '2026-01-05',
    plannedEndDate: '2027-06-30',
  });
  await api.post(`/projects/${project.id}/milestones`, { title: 'Pilot i drift', dueDate: '2026-09-01' });
  const projectUrl = `${LIST}/${project.id}`;
  const reports = () => page.getByRole('table', { name: `Statusrapporter for ${project.reference}` });
  const march = () => reports().getByRole('row', { name: /^mars 2026/ });

  await test.step('writes a draft: missing lights are named, then every parameter is given', async () => {
    await page.goto(projectUrl);
    await loaded(page);
    await expect(page.getByRole('region', { name: 'Siste status' }).getByText('Ingen publisert statusrapport ennå.')).toBeVisible();
    await openProjectTab(page, 'Statusrapporter');
    const section = page.getByRole('region', { name: 'Statusrapporter', exact: true });
    await expect(section.getByText('Ingen statusrapporter ennå.')).toBeVisible();
    await section.getByRole('button', { name: 'Skriv statusrapport' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny statusrapport' });
    await dialog.getByRole('button', { name: 'Lagre statusrapporten' }).click();
    await expect(dialog.getByRole('link', { name: '«Samlet status» må være ett av valgene.' })).toBeVisible();
    await expect(dialog.getByRole('link', { name: '«Status for kostnad» må være ett av valgene.' })).toBeVisible();
    await a11y.check();
    await dialog.getByLabel('Periodetype').selectOption({ label: 'Måned' });
    await dialog.getByRole('textbox', { name: 'År' }).fill('2026');
    await dialog.getByLabel('Periode', { exact: true }).selectOption({ label: 'mars 2026' });
    await dialog.getByRole('group', { name: 'Samlet status' }).getByRole('radio', { name: 'Gul – risiko for avvik' }).check();
    await dialog.getByRole('textbox', { name: 'Oppsummering' }).fill('Integrasjonen er forsinket, resten går etter planen.');
    const lights: Record<string, string> = {
      gevinster: 'Grønn – i rute',
      kostnad: 'Gul – risiko for avvik',
      tid: 'Rød – avvik',
      kvalitet: 'Grønn – i rute',
      omfang: 'Grønn – i rute',
      bærekraft: 'Grønn – i rute',
      risiko: 'Gul – risiko for avvik',
    };
    for (const [parameter, light] of Object.entries(lights)) {
      await dialog
        .getByRole('group', { name: `Status for ${parameter}` })
        .getByRole('radio', { name: light })
        .check();
    }
    await dialog.getByRole('textbox', { name: 'Kommentar til tid' }).fill('Tre uker bak planen.');
    await dialog.getByRole('textbox', { name: 'Budsjett (kr)' }).fill('1 250 000');
    await dialog.getByRole('textbox', { name: 'Forbrukt hittil (kr)' }).fill('430500');
    await dialog.getByRole('textbox', { name: 'Prognose (kr)' }).fill('1310000');
    await a11y.check();
    await dialog.getByRole('button', { name: 'Lagre statusrapporten' }).click();
    await expect(page.getByText('Statusrapporten for mars 2026 er lagret som utkast.')).toBeVisible();
    await expect(march().getByRole('cell').nth(0)).toHaveText('Gul – risiko for avvik');
    await expect(march().getByRole('cell').nth(1)).toHaveText('Utkast');
    await page.getByText('Statusrapport for mars 2026: Gul – risiko for avvik').click();
    const parameters = page.getByRole('table', { name: 'Styringsparametere for mars 2026' });
    await expect(parameters.getByRole('row', { name: /^Tid/ })).toContainText('Rød – avvik');
    await expect(parameters.getByRole('row', { name: /^Tid/ })).toContainText('Tre uker bak planen.');
    await a11y.check();
  });

  await test.step('publishes it after a confirmation; it is locked and its PDF opens', async () => {
    await page.getByRole('button', { name: 'Publiser statusrapporten for mars 2026' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publiser statusrapporten' });
    await expect(dialog.getByText(/er publisert, er den låst/)).toBeVisible();
    await a11y.check();
    await dialog.getByRole('button', { name: 'Publiser' }).click();
    await expect(page.getByText('Statusrapporten for mars 2026 er publisert.')).toBeVisible();
    await expect(march().getByRole('cell').nth(1)).toHaveText('Publisert');
    await expect(march().getByRole('cell').nth(2)).toContainText(SECRETARIAT.name);
    await expect(page.getByRole('button', { name: 'Endre statusrapporten for mars 2026' })).toHaveCount(0);
    await a11y.check();
    const link = march().getByRole('link', { name: 'Last ned PDF for mars 2026' });
    const pdf = await page.request.get((await link.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const again = await page.request.get((await link.getAttribute('href'))!);
    expect((await again.body()).equals(await pdf.body())).toBe(true);
    // The summary reads the published report: its light, and its budget against its forecast.
    await openProjectTab(page, 'Sammendrag');
    const status = page.getByRole('region', { name: 'Siste status' });
    await expect(status.getByText('Gul – risiko for avvik')).toBeVisible();
    await expect(status.getByText(/^Statusrapport for mars 2026, publisert /)).toBeVisible();
    const economy = page.getByRole('region', { name: 'Budsjett og prognose' });
    await expect(economy.getByText('Prognosen er 60 000 kr over budsjettet.')).toBeVisible();
    await expect(economy.getByText('Budsjett, forbruk og prognose fra statusrapporten for mars 2026.')).toBeVisible();
    const milestones = page.getByRole('region', { name: 'Neste milepæler' });
    await expect(milestones.getByRole('listitem')).toHaveCount(1);
    await expect(milestones.getByRole('listitem')).toContainText('Pilot i drift, 1. september 2026');
    await a11y.check();
    const [report] = (await api.get<StatusReportList>(`/projects/${project.id}/status-reports`)).items;
    const refused = await api.fetch('PATCH', `/status-reports/${report!.id}`, { overall: 'green', version: report!.version });
    expect(refused.status()).toBe(423);
  });

  await test.step('the portfolio shows the light, filters by it, and the timeline keeps the filter', async () => {
    await page.goto(LIST);
    await loaded(page);
    const filter = page.getByRole('form', { name: 'Filtrer prosjektene' });
    await filter.getByLabel('Status i siste rapport').selectOption({ label: 'Gul' });
    await filter.getByRole('button', { name: 'Vis prosjektene' }).click();
    await expect(page).toHaveURL(/\/prosjekter\?status=yellow$/);
    await loaded(page);
    const row = page.getByRole('row').filter({ hasText: project.reference });
    await expect(row.getByRole('cell').nth(7)).toHaveText('Gul 2026-03');
    await a11y.check();
    const csv = await page.request.get(`/api/networks/${network.id}/projects?format=csv&status=yellow`);
    expect(await csv.text()).toContain(';Gul;2026-03');

    await page.getByRole('navigation', { name: 'Visning' }).getByRole('link', { name: 'Tidslinje' }).click();
    await expect(page).toHaveURL(/\/prosjekter\?status=yellow&visning=tidslinje$/);
    await loaded(page);
    await expect(page.getByRole('link', { name: 'Tidslinje' })).toHaveAttribute('aria-current', 'page');
    const timeline = page.getByRole('region', { name: 'Prosjektene på en tidslinje' });
    const item = timeline.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
    await expect(item).toContainText('5. januar 2026 – 30. juni 2027');
    await expect(item).toContainText('Gul 2026-03');
    await expect(item.getByRole('list', { name: `Milepæler i ${title}` })).toContainText('Pilot i drift: 1. september 2026');
    // Only the filtered projects: the demo's DigiHelse project (yellow too) may be there, the forms procurement not.
    await expect(timeline.getByRole('link', { name: 'Felles anskaffelse av digitale skjemaer' })).toHaveCount(0);
    // The links are reached with the keyboard, in the order the list reads.
    const projectLink = item.getByRole('link', { name: title });
    await projectLink.focus();
    await expect(projectLink).toBeFocused();
    await a11y.check();
  });

  await test.step('Sortland’s editor reads the reports without buttons', async () => {
    await logout(page, SECRETARIAT.name);
    await loginInBokmal(page, a11y, SORTLAND_EDITOR);
    await page.goto(`${projectUrl}/statusrapporter`);
    await loaded(page);
    const section = page.getByRole('region', { name: 'Statusrapporter', exact: true });
    await expect(section.getByText('Sekretariatet, prosjekteier og prosjektleder skriver statusrapportene.')).toBeVisible();
    await expect(march().getByRole('link', { name: 'Last ned PDF for mars 2026' })).toBeVisible();
    await expect(section.getByRole('button', { name: /^(Skriv|Publiser|Endre|Slett)/ })).toHaveCount(0);
    await a11y.check();
  });
});

test('the secretariat creates a project from the overview; a missing title is named', async ({ page, a11y }) => {
  test.setTimeout(120_000);
  await loginInBokmal(page, a11y, SECRETARIAT);
  await page.goto(LIST);
  await loaded(page);
  await page.getByRole('button', { name: 'Nytt prosjekt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nytt prosjekt' });
  await dialog.getByRole('button', { name: 'Opprett prosjektet' }).click();
  await expect(dialog.getByRole('link', { name: '«Tittel» må fylles ut.' })).toBeVisible();
  await a11y.check();
  const title = `Felles innbyggerportal ${STAMP}`;
  await dialog.getByRole('textbox', { name: 'Tittel' }).fill(title);
  await dialog.getByRole('textbox', { name: 'Beskrivelse' }).fill('Én inngang for innbyggerne i alle kommunene.');
  const areas = dialog.getByRole('group', { name: /^Innsatsområder/ }).getByRole('checkbox');
  if ((await areas.count()) > 0) await areas.first().check();
  await dialog.getByLabel('Startdato').fill('2026-01-05');
  await dialog.getByLabel('Planlagt sluttdato').fill('2026-12-18');
  await dialog.getByRole('button', { name: 'Opprett prosjektet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^P-\\d{4}-\\d{3}: ${escapeRegExp(title)}$`) })).toBeVisible();
  await expect(page.getByText(/^Prosjektet P-\d{4}-\d{3} er opprettet\.$/)).toBeVisible();
  await loaded(page);
  await expect(page.getByRole('list', { name: 'Fasene i prosjektveiviseren' }).getByRole('listitem').first()).toHaveAttribute(
    'aria-current',
    'step',
  );
  await a11y.check();
});

test.describe('in nynorsk and English', () => {
  test('every project page passes axe in nn and en', async ({ page, a11y }) => {
    test.setTimeout(120_000);
    await loginInBokmal(page, a11y, SECRETARIAT);
    const api = await sessionApi(page);
    const network = await api.get<{ id: string }>(`/networks/${NETWORK}`);
    const project = await api.post<Project>(`/networks/${network.id}/projects`, {
      title: `Språktest ${STAMP}`,
      description: 'Til språktesten.',
      focusAreaKeys: [],
    });
    // A plan, so the page shows its tables in each language.
    await api.post(`/projects/${project.id}/milestones`, { title: 'Oppstart', dueDate: '2027-01-10' });
    await api.post(`/projects/${project.id}/risks`, { description: 'Forsinkelse', probabilityBefore: 3, consequenceBefore: 5 });
    await api.post(`/projects/${project.id}/deliverables`, { title: 'Rapport', status: 'delivered' });
    const tabs = ['plan', 'beslutninger', 'statusrapporter', 'nytte', 'finansiering', 'deltakere', 'dokumenter'];
    const pages = [
      LIST,
      `${LIST}?visning=tavle`,
      `${LIST}?visning=tidslinje`,
      `${LIST}/${project.id}`,
      ...tabs.map((t) => `${LIST}/${project.id}/${t}`),
    ];
    for (const [language, label, heading, phase, step] of [
      ['nn', 'Norsk nynorsk', 'Prosjekt i DigiVesterålen', 'Idé', 'Fasane i prosjektvegvisaren'],
      ['en', 'English', 'Projects in DigiVesterålen', 'Idea', 'The phases of the project model'],
    ] as const) {
      await page.getByLabel(/^(Språk|Language)$/).selectOption({ label });
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      for (const path of pages) {
        await page.goto(path);
        await loaded(page);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        if (path === LIST) {
          await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
          await expect(page.getByRole('row').filter({ hasText: `Språktest ${STAMP}` })).toContainText(phase);
        }
        if (path.endsWith(project.id)) {
          await expect(page.getByRole('list', { name: step }).getByRole('listitem').first()).toHaveAttribute('aria-current', 'step');
        }
        await a11y.check();
      }
    }
  });
});
