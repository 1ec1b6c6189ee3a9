import type { RequestContext } from '../context.ts';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { agendaItems, caseNumberCounters, consultations, meetingDeliveries, meetings } from '../db/schema/index.ts';
import { heading, markdownToBlocks, osloLocalToUtc, renderBlocksPdf } from '../modules/documents/index.ts';
import { meetingsService } from '../modules/meetings/index.ts';
import type { FileStorage } from '../modules/storage/index.ts';
import type { Meeting } from '../../shared/meetings/schema.ts';

/**
 * The meeting of seed 000: Vesterålen regionråds arbeidsutvalg, 25 March 2022, cases 014/22–021/22,
 * with 019/22 postponed and Øksnes' protocol remark on 021/22, minutes approved. Then its neighbour of 29 April 2022
 * (seedAprilMeeting), and the body's next meeting, planned, with the postponed case waiting for it.
 */
export async function seedMeetings(ctx: RequestContext, au: { id: string }, links: { publicUrl: string }, storage: FileStorage) {
  const s = meetingsService;
  // The 13 cases of 2022 before this meeting were numbered before Digiregion: the series continues at 014.
  await ctx.db.insert(caseNumberCounters).values({ bodyId: au.id, year: 2022, last: 13 });

  let meeting = await s.createMeeting(ctx, au.id, {
    date: '2022-03-25',
    startTime: '09:00',
    endTime: '14:00',
    place: 'Sortland rådhus',
    writtenProcedure: false,
    isPublic: true,
  });
  for (const c of SEED_000_CASES) {
    meeting = await s.addCase(ctx, meeting.id, {
      type: c.type,
      title: c.title,
      casePaper: c.paper ?? '',
      recommendation: c.recommendation,
      exemptFromPublic: false,
    });
  }
  meeting = await s.sendSummons(ctx, meeting.id, meeting.version, links);
  for (const attendee of meeting.attendees) {
    if (attendee.role === 'deputy') continue;
    meeting = await s.updateAttendee(ctx, attendee.id, { status: 'present', version: attendee.version });
  }
  const oksnes = meeting.attendees.find((a) => a.municipalityNumber === '1868');
  const texts = [...OPENING, ...SEED_000_CASES];
  for (const [index, item] of meeting.items.entries()) {
    const text = texts[index]!;
    if (text.outcome === 'postponed') {
      await s.updateAgendaItem(ctx, item.id, { decision: text.decision, version: item.version });
      const current = (await s.getMeeting(ctx, meeting.id)).items[index]!;
      await s.postponeItem(ctx, item.id, { toMeetingId: null, deliberation: text.deliberation, version: current.version });
      continue;
    }
    await s.updateAgendaItem(ctx, item.id, {
      deliberation: text.deliberation,
      decision: text.decision ?? item.recommendation,
      vote: { kind: 'unanimous' },
      outcome: text.type === 'information' ? 'noted' : 'decided',
      protocolRemarks:
        text.remark && oksnes
          ? [{ id: crypto.randomUUID(), authorKind: 'municipality', personId: null, municipalityNumber: '1868', text: text.remark }]
          : [],
      version: item.version,
    });
  }
  meeting = await s.getMeeting(ctx, meeting.id);
  meeting = await s.markHeld(ctx, meeting.id, meeting.version);
  await s.approveMinutes(ctx, meeting.id, {
    note: 'Protokollen er godkjent i arbeidsutvalgets møte 29.04.2022.',
    version: meeting.version,
  });
  await carryOwnDates(ctx, meeting.id, { summonsSent: '2022-03-11T12:00:00+01:00', minutesApproved: '2022-04-29T12:00:00+02:00' });
  await seedAprilMeeting(ctx, au, links, storage);

  const next: Meeting = await s.createMeeting(ctx, au.id, {
    date: '2027-01-15',
    startTime: '10:00',
    endTime: '13:00',
    place: 'Hadsel rådhus, Stokmarknes',
    writtenProcedure: false,
    isPublic: true,
  });
  const waiting = next.pendingCases[0];
  if (waiting) await s.addPendingCase(ctx, next.id, waiting.consultationId);
}

/**
 * The committee's meeting of 29 April 2022, the one the minutes of 25 March name: the process for revising the
 * strategy that 016/22 asked for (with a public attachment), and the hiring of the secretariat's project coordinator,
 * exempt from public access (offentleglova § 25) with the interview panel's recommendation attached. Its content is
 * invented; the seed says only that the process was to be put before this meeting. It gives the archive extract and
 * the eInnsyn form a neighbour of seed 000 with exempt material, and the minutes are approved.
 */
async function seedAprilMeeting(ctx: RequestContext, au: { id: string }, links: { publicUrl: string }, storage: FileStorage) {
  const s = meetingsService;
  let meeting = await s.createMeeting(ctx, au.id, {
    date: '2022-04-29',
    startTime: '09:00',
    endTime: '12:00',
    place: 'Sortland rådhus',
    writtenProcedure: false,
    isPublic: true,
  });
  for (const c of APRIL_CASES) {
    meeting = await s.addCase(ctx, meeting.id, {
      type: 'decision',
      title: c.title,
      casePaper: c.paper,
      recommendation: c.recommendation,
      exemptFromPublic: c.exempt !== undefined,
      exemptLegalBasis: c.exempt?.basis ?? null,
      publicTitle: c.exempt?.publicTitle ?? null,
    });
    const item = meeting.items.at(-1)!;
    const pdf = await renderBlocksPdf({
      language: 'nb',
      title: c.attachment.title,
      runningHeader: c.exempt ? 'Unntatt offentlighet' : null,
      footer: 'Vesterålen regionråds arbeidsutvalg',
      pageLabel: { page: 'Side', of: 'av' },
      blocks: [heading(1, c.attachment.title), ...markdownToBlocks(c.attachment.text)],
    });
    await s.uploadDocument(ctx, storage, item.caseId, {
      fileName: c.attachment.fileName,
      bytes: pdf,
    });
  }
  meeting = await s.getMeeting(ctx, meeting.id);
  meeting = await s.sendSummons(ctx, meeting.id, meeting.version, links);
  for (const attendee of meeting.attendees) {
    if (attendee.role === 'deputy') continue;
    meeting = await s.updateAttendee(ctx, attendee.id, { status: 'present', version: attendee.version });
  }
  for (const item of meeting.items) {
    await s.updateAgendaItem(ctx, item.id, {
      deliberation: item.exemptFromPublic ? 'Saken ble behandlet for lukkede dører.' : 'Ingen merknader.',
      decision: item.recommendation,
      vote: { kind: 'unanimous' },
      outcome: 'decided',
      ...(item.exemptFromPublic ? { closedBasis: 'kommuneloven § 11-5 andre ledd bokstav a' } : {}),
      version: item.version,
    });
  }
  meeting = await s.getMeeting(ctx, meeting.id);
  meeting = await s.markHeld(ctx, meeting.id, meeting.version);
  await s.approveMinutes(ctx, meeting.id, {
    note: 'Protokollen er godkjent i arbeidsutvalgets møte 10.06.2022.',
    version: meeting.version,
  });
  await carryOwnDates(ctx, meeting.id, { summonsSent: '2022-04-14T12:00:00+02:00', minutesApproved: '2022-06-10T12:00:00+02:00' });
}

const APRIL_CASES = [
  {
    title: 'Prosess for revisjon av strategi for Vesterålen interkommunale politiske råd',
    paper:
      'I møtet 25.03.2022 (sak 016/22) ba arbeidsutvalget administrasjonen og kommunedirektørutvalget om et forslag til prosess for revisjon av strategien for VIPR.\n\nForslaget legger opp til innspill fra kommunestyrene før sommeren, et utkast til strategi i august og behandling i Vesterålen regionråd i oktober 2022.',
    recommendation:
      'Vesterålen regionråds arbeidsutvalg slutter seg til den foreslåtte prosessen for revisjon av strategien, med behandling i Vesterålen regionråd i oktober 2022.',
    attachment: {
      fileName: 'Prosessplan strategirevisjon VIPR.pdf',
      title: 'Prosessplan for revisjon av strategi for VIPR',
      text: '1. Innspill fra kommunestyrene innen 17. juni 2022.\n2. Utkast til strategi behandles i kommunedirektørutvalget i august.\n3. Vesterålen regionråd behandler strategien i oktober 2022.',
    },
    exempt: undefined,
  },
  {
    title: 'Tilsetting av Ingrid Solberg som prosjektkoordinator i sekretariatet',
    paper:
      'Stillingen som prosjektkoordinator i sekretariatet ble lyst ut i februar 2022, med 14 søkere. Intervjuutvalget har intervjuet fire og innstiller Ingrid Solberg. Innstillingen fra intervjuutvalget ligger ved.',
    recommendation: 'Ingrid Solberg tilsettes som prosjektkoordinator i sekretariatet fra 1. august 2022.',
    attachment: {
      fileName: 'Innstilling fra intervjuutvalget.pdf',
      title: 'Innstilling fra intervjuutvalget',
      text: 'Intervjuutvalget innstiller enstemmig Ingrid Solberg som nummer én, og to søkere som reserver i rekkefølge. Referanser er innhentet.',
    },
    exempt: {
      basis: 'offentleglova § 25 første ledd',
      publicTitle: 'Tilsetting av ***** som prosjektkoordinator i sekretariatet',
    },
  },
];

interface DemoCase {
  type: 'approveSummons' | 'approveAgenda' | 'information' | 'decision';
  title: string;
  paper?: string;
  recommendation: string;
  deliberation: string;
  decision?: string;
  outcome?: 'postponed';
  remark?: string;
}

const OPENING: DemoCase[] = [
  { type: 'approveSummons', title: 'Godkjenning av innkalling', recommendation: '', deliberation: 'Ingen merknader.' },
  { type: 'approveAgenda', title: 'Godkjenning av saksliste', recommendation: '', deliberation: 'Ingen merknader.' },
];

export const SEED_000_CASES: DemoCase[] = [
  {
    type: 'information',
    title: 'Orienteringssak - Digi Vesterålen',
    paper:
      'Enhetsleder og prosjektkoordinator Robin S. Lillejord presenterer arbeidet i Digi Vesterålen: utgangspunktet i *Én digital offentlig sektor*, visjonen «Enklere hverdag for innbyggerne og næringsliv i Vesterålen», innsatsområdene og veien videre mot hovedprosjektet 2023–2025.\n\nFelles digitaliseringsstrategi for Vesterålen presenteres i styringsgruppa 08. april. Den enkelte kommune tilpasser sin versjon, og målet er politisk godkjenning før sommeren 2022.',
    recommendation: 'Vesterålen regionråds arbeidsutvalg tar sak om Digi Vesterålen til orientering.',
    deliberation: 'Diskusjon fant sted.',
  },
  {
    type: 'decision',
    title: 'Mandat for Vesterålen kommunedirektørutvalg (KDU)',
    recommendation:
      '1. Vesterålen regionråds arbeidsutvalg vedtar mandat for Vesterålen Kommunedirektørutvalg (KDU) som fremlagt.\n2. Vesterålen regionråds arbeidsutvalg ber administrasjonen og leder for KDU vurdere og avklare\n   a. arbeids- og samarbeidsform for KDU og sekretariatet på bakgrunn av gitt mandat.\n   b. behov for ressurser knyttet til nye oppgaver for sekretariatet. Inntil sekretariatets stillinger er besatt, gis rådsleder og administrasjonen mandat til å løse nye oppgaver innenfor gjeldende økonomiske ramme.',
    deliberation: 'Diskusjon fant sted.',
    decision:
      '1. Vesterålen regionråds arbeidsutvalg vedtar mandat for Vesterålen Kommunedirektørutvalg (KDU) som fremlagt.\n2. Vesterålen regionråds arbeidsutvalg ber administrasjonen og leder for KDU vurdere og avklare\n   - arbeids- og samarbeidsform for KDU og sekretariatet på bakgrunn av gitt mandat.\n   - behov for ressurser knyttet til nye oppgaver for sekretariatet. Inntil sekretariatets stillinger er besatt, gis rådsleder og administrasjonen mandat til å løse nye oppgaver innenfor gjeldende økonomiske ramme.',
  },
  {
    type: 'decision',
    title: 'Strategi for Vesterålen interkommunale politiske råd - rullering',
    recommendation:
      '1. Vesterålen regionråds arbeidsutvalg ber administrasjonen og KDU rullere strategi for Vesterålen interkommunale politiske råd, vedtatt i Vesterålen regionråd 26.5.2020. Arbeidsutvalget skal fremlegges forslag til endringer og revidert strategi skal behandles i Vesterålen regionråd.\n2. Før en formell overgang til Vesterålen interkommunale politiske råd i 2022, skal det utarbeides profilhåndbok og materiell for ny organisasjon. Rådsleder og administrasjonen gis mandat til å utføre dette innenfor gjeldende økonomisk ramme.',
    deliberation: 'Diskusjon fant sted.',
    decision:
      '1. Vesterålen regionråds arbeidsutvalg ber administrasjonen og kommunedirektørutvalget (KDU) utforme forslag til prosess for revisjon av strategi for VIPR. Forslag til prosess legges frem for arbeidsutvalget i møte 29/4-2022.\n2. Det skal utarbeides profilhåndbok og materiell for ny organisasjon. Rådsleder og administrasjonen gis mandat til å utføre dette innenfor gjeldende økonomisk ramme.',
  },
  {
    type: 'decision',
    title: 'Bionova - Hadsel som vertskommune',
    recommendation:
      '1. Vesterålen regionråds arbeidsutvalg vedtar framlagt høringsuttalelse, som svar på regjeringens ønske om innspill til Bionova.\n2. Vesterålen regionråds arbeidsutvalg stiller seg bak Hadsel kommune sitt kandidatur som vertskommune for Bionova.',
    deliberation: 'Enstemmig vedtak om utsettelse og snarlig behandling av saken per e-post og innen høringsfristen for innspill.',
    decision: 'Vesterålen regionråds arbeidsutvalg utsetter sak om Bionova.',
    outcome: 'postponed',
  },
  {
    type: 'decision',
    title: 'Innspill til regional transportplan med handlingsprogram 2022-2033 fra Vesterålen regionråd',
    recommendation:
      '1. Vesterålen regionråds arbeidsutvalg ber administrasjonen og kommunedirektørutvalget utforme utkast til innspill fra Vesterålen regionråd til Regional transportplan med handlingsprogram 2022 - 2033.\n2. Innspill til Regional transportplan med handlingsprogram 2022 - 2033 fra Vesterålen regionråd godkjennes av arbeidsutvalget per e-post innen høringsfristen 22. april 2022.',
    deliberation: 'Diskusjon fant sted.',
  },
  {
    type: 'decision',
    title: 'Interkommunal kystsoneplan for Vesterålen - høring og offentlig ettersyn',
    recommendation:
      '1. Vesterålen regionråds arbeidsutvalgt vedtar at forslag til interkommunal kystsoneplan for Vesterålen sendes ut på høring og legges ut til offentlig ettersyn.\n2. Høringsperioden settes til 27. mai 2022.\n\nVedtaket fattes med hjemmel i plan- og bygningslovens § 11-14.',
    deliberation: 'Diskusjon fant sted.\n\nØksnes kommune la inn protokollmerknad til saken.',
    remark:
      'Øksnes kommune v/ordfører vil anmerke at kommunestyret i Øksnes vil behandle planbeskrivelse med kart og bestemmelser i møte 29/3-2022. Dette med bakgrunn i at beskrivelsen ankom først 18/3-2022. Eventuelle nye endringer av kommunestyret vil være retningsgivende for eventuell konsekvensutredning og offentlig ettersyn.',
  },
];

/** The steering group's case on DigiHelse's project proposal (BP2), as the project's demo decision names it. */
export const BP2_CASE = {
  title: 'DigiHelse i Vesterålen – prosjektforslag og overgang til planleggingsfasen (BP2)',
  paper:
    'Konseptfasen for felles innføring av DigiHelse er gjennomført. Prosjektforslaget beskriver én felles innføringsmodell for kommunene: felles prosjektplan, ressurspersoner som støtter hverandre, og en enkel felles måte å beregne og ta ut gevinster på.\n\nAndøy, Bø, Hadsel, Lødingen og Sortland er med; Bø med forbehold om ressurser i helse og omsorg. Prosjektforslaget ligger ved som beslutningsgrunnlag.',
  recommendation:
    'Styringsgruppen godkjenner prosjektforslaget for felles innføring av DigiHelse i Vesterålen og vedtar overgang til planleggingsfasen (beslutningspunkt 2). Prosjektleder legger fram styringsdokument og gevinstrealiseringsplan til beslutningspunkt 3.',
};

/**
 * Styringsgruppen for DigiVesterålen, 15 October 2026 in Sortland: the steering group approves DigiHelse's project
 * proposal (BP2), unanimously; minutes approved. Gives the agenda item of that case, which the project's decision names.
 */
export async function seedSteeringGroupMeeting(ctx: RequestContext, steeringGroup: { id: string }, links: { publicUrl: string }) {
  const s = meetingsService;
  let meeting = await s.createMeeting(ctx, steeringGroup.id, {
    date: '2026-10-15',
    startTime: '12:00',
    endTime: '14:00',
    place: 'Sortland rådhus',
    writtenProcedure: false,
    isPublic: true,
  });
  meeting = await s.addCase(ctx, meeting.id, {
    type: 'decision',
    title: BP2_CASE.title,
    casePaper: BP2_CASE.paper,
    recommendation: BP2_CASE.recommendation,
    exemptFromPublic: false,
  });
  meeting = await s.sendSummons(ctx, meeting.id, meeting.version, links);
  for (const attendee of meeting.attendees) {
    if (attendee.role === 'deputy') continue;
    meeting = await s.updateAttendee(ctx, attendee.id, { status: 'present', version: attendee.version });
  }
  const last = meeting.items.length - 1;
  for (const [index, item] of meeting.items.entries()) {
    await s.updateAgendaItem(ctx, item.id, {
      deliberation: index === last ? 'Prosjektleder orienterte om prosjektforslaget. Diskusjon fant sted.' : 'Ingen merknader.',
      decision: index === last ? BP2_CASE.recommendation : item.recommendation,
      vote: { kind: 'unanimous' },
      outcome: 'decided',
      version: item.version,
    });
  }
  meeting = await s.getMeeting(ctx, meeting.id);
  meeting = await s.markHeld(ctx, meeting.id, meeting.version);
  await s.approveMinutes(ctx, meeting.id, { note: 'Protokollen er godkjent av møteleder.', version: meeting.version });
  await carryOwnDates(ctx, meeting.id, { summonsSent: '2026-10-01T12:00:00+02:00', minutesApproved: '2026-10-16T12:00:00+02:00' });
  return { itemId: meeting.items[last]!.id };
}

/**
 * A past meeting of the demo carries its own dates, not the day the demo was loaded: when its summons went out (and
 * the e-mails logged with it), when its cases were decided (the meeting day) and when its minutes were approved. The
 * meeting is run through the services, which stamp the present; this sets what a secretariat would have seen then.
 */
async function carryOwnDates(ctx: RequestContext, meetingId: string, dates: { summonsSent: string; minutesApproved: string }) {
  const summonsSent = new Date(dates.summonsSent);
  const [meeting] = await ctx.db
    .update(meetings)
    .set({ summonsPublishedAt: summonsSent, minutesApprovedAt: new Date(dates.minutesApproved) })
    .where(eq(meetings.id, meetingId))
    .returning();
  await ctx.db.update(meetingDeliveries).set({ sentAt: summonsSent }).where(eq(meetingDeliveries.meetingId, meetingId));
  const decided = ctx.db.select({ id: agendaItems.consultationId }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId));
  await ctx.db
    .update(consultations)
    .set({ decidedAt: osloLocalToUtc(meeting!.date, meeting!.startTime) })
    .where(and(inArray(consultations.id, decided), isNotNull(consultations.decidedAt)));
}
