import { and, eq, like } from 'drizzle-orm';
import type { RequestContext } from '../context.ts';
import { bodies, people, proposals, users } from '../db/schema/index.ts';
import { heading, markdownToBlocks, renderBlocksPdf } from '../modules/documents/index.ts';
import { networkService, requireNetwork } from '../modules/network/index.ts';
import {
  addDeliverable,
  addMilestone,
  addRisk,
  decideProject,
  insertProject,
  setParticipation,
  uploadProjectDocument,
} from '../modules/portfolio/index.ts';
import type { FileStorage } from '../modules/storage/index.ts';
import { seedSteeringGroupMeeting } from './meetings.ts';

/** Sortland's chief executive in the demo: the DigiHelse project's owner, and a member of the KDU without a role. */
export const DEMO_CHIEF_EXECUTIVE = { email: 'kommunedirektor@sortland.example.no' };

export interface DemoProjectsOptions {
  /** Where the basis documents go: the files folder the app serves them from. */
  storage: FileStorage;
  /** The demo password's hash, for the chief executive's account. */
  passwordHash: string;
  links: { publicUrl: string };
}

/** A basis document as a small PDF, made like the app's other documents. */
function basisPdf(title: string, text: string): Promise<Buffer> {
  return renderBlocksPdf({
    language: 'nb',
    title,
    runningHeader: null,
    footer: 'DigiVesterålen',
    pageLabel: { page: 'Side', of: 'av' },
    blocks: [heading(1, title), ...markdownToBlocks(text)],
  });
}

/**
 * DigiVesterålen's projects, drawn from the seeds: the shared introduction of national solutions, DigiHelse first
 * (seed 001's insight phase and seed 004); and the shared procurement of digital forms (seed 002's dialogue
 * channels), made from the citizen's demo proposal that asked for chat and forms, which thereby «ble prosjekt» (the
 * two proposals ranked first stay in the running).
 *
 * DigiHelse has passed two decision points: BP1 by its owner's decision (Sortland's chief executive, who signs with
 * the demo account `kommunedirektor@sortland.example.no`; that account has no role and reads the portfolio because
 * its person sits in the KDU), on the mandate, and BP2 by the steering group's unanimous decision in its meeting of
 * 15 October 2026 (minutes approved, so the decision is public), on the project proposal. It is in the planning phase
 * with milestones, risks and deliverables. The forms project is still an idea.
 */
export async function seedProjects(ctx: RequestContext, options: DemoProjectsOptions): Promise<void> {
  const network = await requireNetwork(ctx, 'digivesteralen');
  const [proposal] = await ctx.db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.networkId, network.id), eq(proposals.title, 'Chat og digitale skjemaer når jeg skal kontakte kommunen')));
  const [coordinator] = await ctx.db.select({ id: people.id }).from(people).where(eq(people.name, 'Robin S. Lillejord'));
  const [sortlandChief] = await ctx.db
    .select()
    .from(people)
    .where(and(eq(people.municipalityNumber, '1870'), like(people.title, 'Kommunedirektør, Sortland%')));
  const [steeringGroup] = await ctx.db
    .select({ id: bodies.id })
    .from(bodies)
    .where(and(eq(bodies.networkId, network.id), eq(bodies.kind, 'steeringGroup')));
  if (!sortlandChief || !steeringGroup) throw new Error('demo data: Sortland’s chief executive and the steering group come first');

  // The owner signs with the account whose e-mail is the owner person's.
  await networkService.updatePerson(ctx, sortlandChief.id, { email: DEMO_CHIEF_EXECUTIVE.email, version: sortlandChief.version });
  const [chiefUser] = await ctx.db
    .insert(users)
    .values({ email: DEMO_CHIEF_EXECUTIVE.email, name: sortlandChief.name, passwordHash: options.passwordHash })
    .returning();
  const asOwner: RequestContext = {
    ...ctx,
    user: { id: chiefUser!.id, email: chiefUser!.email, name: chiefUser!.name, language: 'nb', hasPassword: true },
    roles: [],
    cache: new Map(),
  };

  const digiHelse = await ctx.db.transaction((tx) =>
    insertProject(tx, ctx, network.id, {
      title: 'Felles innføring av DigiHelse i Vesterålen',
      description:
        'Kommunene innfører DigiHelse etter én felles modell: felles prosjektplan, ressurspersoner som støtter hverandre, og en enkel felles måte å beregne og ta ut gevinster på. Modellen brukes siden for SvarUt og Digipost.',
      focusAreaKeys: ['nasjonale-losninger'],
      proposalId: null,
      ownerPersonId: sortlandChief.id,
      managerPersonId: coordinator?.id ?? null,
      startDate: '2026-08-01',
      plannedEndDate: '2027-12-31',
      createdAt: new Date('2026-08-01T09:00:00+02:00'),
    }),
  );
  for (const number of ['1870', '1866', '1867', '1871']) {
    await setParticipation(ctx, digiHelse.id, number, { participation: 'in', reservation: null });
  }
  let project = await setParticipation(ctx, digiHelse.id, '1851', {
    participation: 'in',
    reservation: 'Forutsetter at egeninnsatsen kan tas innenfor dagens bemanning i helse og omsorg.',
  });

  await uploadProjectDocument(ctx, options.storage, digiHelse.id, {
    kind: 'mandate',
    fileName: 'Mandat for konseptfasen – DigiHelse.pdf',
    bytes: await basisPdf(
      'Mandat for konseptfasen – DigiHelse i Vesterålen',
      'Konseptfasen skal beskrive én felles modell for innføring av DigiHelse i kommunene, med ressursbehov, tidsplan og gevinster.\n\n- Prosjekteier: kommunedirektøren i Sortland\n- Prosjektleder: prosjektkoordinator i DigiVesterålen\n- Frist: prosjektforslag til styringsgruppen i oktober 2026',
    ),
  });
  project = await decideProject(
    asOwner,
    digiHelse.id,
    {
      kind: 'ownerDecision',
      text: 'Konseptfasen startes etter mandatet. Prosjektforslaget legges fram for styringsgruppen i oktober.',
      projectVersion: project.version,
    },
    { signedAt: new Date('2026-09-01T10:00:00+02:00') },
  );
  await uploadProjectDocument(ctx, options.storage, digiHelse.id, {
    kind: 'proposal',
    fileName: 'Prosjektforslag – DigiHelse.pdf',
    bytes: await basisPdf(
      'Prosjektforslag – felles innføring av DigiHelse i Vesterålen',
      'Kommunene innfører DigiHelse i to puljer: Sortland og Hadsel først, deretter de andre.\n\n**Gevinster:** færre telefoner til tjenestene, kortere svartid for innbyggerne og mindre dobbeltregistrering.',
    ),
  });
  const { itemId } = await seedSteeringGroupMeeting(ctx, steeringGroup, options.links);
  await decideProject(ctx, digiHelse.id, { kind: 'meetingCase', agendaItemId: itemId, projectVersion: project.version });

  for (const milestone of [
    { title: 'Prosjektforslaget godkjent (BP2)', dueDate: '2026-10-15', doneDate: '2026-10-15' },
    { title: 'Styringsdokument og gevinstrealiseringsplan klare (BP3)', dueDate: '2027-01-31' },
    { title: 'DigiHelse i drift i Sortland og Hadsel', dueDate: '2027-04-30' },
    { title: 'DigiHelse i drift i alle deltakerkommuner', dueDate: '2027-10-31' },
  ]) {
    await addMilestone(ctx, digiHelse.id, milestone);
  }
  for (const risk of [
    {
      description: 'Kommunene har ikke nok ressurspersoner i helse og omsorg til å innføre DigiHelse samtidig.',
      probabilityBefore: 4,
      consequenceBefore: 4,
      measures: 'Innføring i to puljer; ressurspersonene deles mellom kommunene.',
      probabilityAfter: 2,
      consequenceAfter: 3,
      owner: 'Prosjektleder',
    },
    {
      description: 'Integrasjonen mellom DigiHelse og journalsystemene er ikke klar hos alle leverandørene.',
      probabilityBefore: 3,
      consequenceBefore: 5,
      measures: 'Leverandørenes planer avklares før beslutningspunkt 3.',
      owner: 'Ressursgruppen',
    },
    {
      description: 'Få innbyggere tar DigiHelse i bruk, og gevinstene blir små.',
      probabilityBefore: 3,
      consequenceBefore: 3,
      measures: 'Felles informasjon til innbyggerne i alle kommunene.',
      probabilityAfter: 2,
      consequenceAfter: 2,
      owner: 'Kommunekontaktene',
    },
    {
      kind: 'opportunity' as const,
      description: 'Felles innføring gir grunnlag for én felles driftsavtale for alle kommunene.',
      probabilityBefore: 3,
      consequenceBefore: 4,
      measures: 'Driftsavtalen tas med i forhandlingene med leverandøren før beslutningspunkt 3.',
      probabilityAfter: 4,
      consequenceAfter: 4,
      owner: 'Prosjekteier',
    },
  ]) {
    await addRisk(ctx, digiHelse.id, risk);
  }
  for (const deliverable of [
    {
      title: 'Felles innføringsmodell',
      description: 'Prosjektplan, roller og opplæring som kommunene bruker likt.',
      dueDate: '2027-01-31',
      status: 'inProgress' as const,
    },
    { title: 'DigiHelse i drift i alle deltakerkommuner', dueDate: '2027-10-31' },
    { title: 'Gevinstberegning for DigiHelse', description: 'Første måling mot nullpunktet.', dueDate: '2027-12-31' },
  ]) {
    await addDeliverable(ctx, digiHelse.id, deliverable);
  }

  const forms = await ctx.db.transaction((tx) =>
    insertProject(tx, ctx, network.id, {
      title: 'Felles anskaffelse av digitale skjemaer',
      description:
        'Én felles skjemaløsning for alle seks kommuner i stedet for seks egne, anskaffet sammen, med chat og digitale skjemaer som innbyggernes første valg for å kontakte kommunen.',
      // «Felles behovsdrevne anskaffelser»: a focus area of the published strategy (a principle's key has no name to show).
      focusAreaKeys: ['felles-anskaffelser'],
      proposalId: proposal?.id ?? null,
      ownerPersonId: null,
      managerPersonId: coordinator?.id ?? null,
      startDate: null,
      plannedEndDate: null,
    }),
  );
  await setParticipation(ctx, forms.id, '1868', { participation: 'out', reservation: 'Øksnes har nylig inngått egen avtale.' });
  // A threat and an opportunity of a second project, so the portfolio's maps show more than one project.
  for (const risk of [
    {
      description: 'Anskaffelsen får få tilbydere fordi kravene er for særegne.',
      probabilityBefore: 2,
      consequenceBefore: 4,
      measures: 'Markedsdialog før kravspesifikasjonen låses.',
      probabilityAfter: 1,
      consequenceAfter: 4,
      owner: 'Innkjøpsrådgiver',
    },
    {
      kind: 'opportunity' as const,
      description: 'Skjemaene kan deles med andre regionsamarbeid og gi lavere pris per kommune.',
      probabilityBefore: 2,
      consequenceBefore: 3,
      owner: 'Sekretariatet',
    },
  ]) {
    await addRisk(ctx, forms.id, risk);
  }
}
