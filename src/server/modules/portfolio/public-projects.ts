import { and, asc, eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { agendaItems, bodies, cases, consultations, meetings, networks, projects } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { caseNumberOf } from '../../../shared/meetings/schema.ts';
import {
  parseProjectReference,
  type PublicDecision,
  type PublicPortfolio,
  type PublicProject,
} from '../../../shared/portfolio/public-projects.ts';
import { exemptTitle } from '../../../shared/publicAccess/schema.ts';
import { hasDecision, isMeetingPublished, itemMinutesPublished } from '../publicAccess/index.ts';
import { lookupsFor } from './projects.ts';
import { participantCountsOf, presentPortfolioRow, presentProject } from './projects-presenter.ts';

/**
 * The public portfolio (innsyn), no login, the same answer for everyone. Every project of the network is public from
 * the day the secretariat makes it (a project has no draft); what of it is public is picked here field by field from
 * the internal answer, so a field added there stays internal until it is added here. The meeting cases behind
 * decisions follow the public pages' own rules (`publicAccess/visibility.ts`).
 */

async function publicNetwork(db: DbOrTx, slug: string) {
  const [row] = await db
    .select({ id: networks.id, slug: networks.slug, name: networks.name })
    .from(networks)
    .where(eq(networks.slug, slug));
  if (!row) throw notFound();
  return row;
}

/** The network's projects by reference. Unknown network: 404. */
export async function publicPortfolio(ctx: RequestContext, slug: string): Promise<PublicPortfolio> {
  const network = await publicNetwork(ctx.db, slug);
  const rows = await ctx.db
    .select()
    .from(projects)
    .where(eq(projects.networkId, network.id))
    .orderBy(asc(projects.year), asc(projects.sequence));
  const lookups = await lookupsFor(ctx.db, network.id, rows, false);
  const participantCounts = participantCountsOf(lookups);
  return {
    network: { slug: network.slug, name: network.name },
    projects: rows.map((row) => {
      const p = presentPortfolioRow(row, { ...lookups, participantCounts });
      return {
        reference: p.reference,
        title: p.title,
        phase: p.phase,
        focusAreas: p.focusAreas,
        ownerName: p.ownerName,
        managerName: p.managerName,
        participantCount: p.participantCount,
        lastDecision: p.lastDecision,
        startDate: p.startDate,
        plannedEndDate: p.plannedEndDate,
      };
    }),
  };
}

/** The cases behind meeting decisions, with what the public pages need to decide what of them to show. */
async function decidingCases(db: DbOrTx, itemIds: string[]) {
  if (itemIds.length === 0) return new Map<string, NonNullable<PublicDecision['meetingCase']>>();
  const rows = await db
    .select({
      agendaItemId: agendaItems.id,
      outcome: agendaItems.outcome,
      decision: agendaItems.decision,
      meeting: {
        id: meetings.id,
        isPublic: meetings.isPublic,
        deletedAt: meetings.deletedAt,
        summonsPublishedAt: meetings.summonsPublishedAt,
        status: meetings.status,
        writtenProcedure: meetings.writtenProcedure,
      },
      bodyName: bodies.name,
      year: consultations.year,
      sequence: consultations.sequence,
      title: cases.title,
      exempt: cases.exemptFromPublic,
      legalBasis: cases.exemptLegalBasis,
      caseDeletedAt: cases.deletedAt,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .innerJoin(consultations, eq(consultations.id, agendaItems.consultationId))
    .innerJoin(cases, eq(cases.id, consultations.caseId))
    .where(inArray(agendaItems.id, itemIds));
  return new Map(
    rows.map((r) => {
      const shown = isMeetingPublished(r.meeting) && r.caseDeletedAt === null;
      const decided = shown && !r.exempt && itemMinutesPublished(r.meeting, r) && hasDecision(r.outcome);
      return [
        r.agendaItemId,
        {
          bodyName: r.bodyName,
          meetingId: shown ? r.meeting.id : null,
          agendaItemId: shown ? r.agendaItemId : null,
          caseNumber: shown && r.year !== null ? caseNumberOf({ year: r.year, sequence: r.sequence }) : null,
          title: !shown ? null : r.exempt ? exemptTitle(r.legalBasis) : r.title,
          exempt: shown && r.exempt,
          decisionText: decided && r.decision ? r.decision : null,
        },
      ];
    }),
  );
}

/** One project by its reference («P-2026-003») in the network; an unknown network or reference: 404. */
export async function publicProject(ctx: RequestContext, slug: string, reference: string): Promise<PublicProject> {
  const network = await publicNetwork(ctx.db, slug);
  const parsed = parseProjectReference(reference);
  if (!parsed) throw notFound();
  const [row] = await ctx.db
    .select()
    .from(projects)
    .where(and(eq(projects.networkId, network.id), eq(projects.year, parsed.year), eq(projects.sequence, parsed.sequence)));
  if (!row) throw notFound();
  const project = presentProject(row, await lookupsFor(ctx.db, network.id, [row], true));
  const itemIds = project.decisions.flatMap((d) => (d.meetingCase ? [d.meetingCase.agendaItemId] : []));
  const meetingCases = await decidingCases(ctx.db, itemIds);
  return {
    id: row.id,
    network: { slug: network.slug, name: network.name },
    reference: project.reference,
    title: project.title,
    description: project.description,
    phase: project.phase,
    focusAreas: project.focusAreas,
    ownerName: project.owner?.name ?? null,
    managerName: project.manager?.name ?? null,
    startDate: project.startDate,
    plannedEndDate: project.plannedEndDate,
    participants: project.participants.flatMap((p) =>
      p.participation === null
        ? []
        : [{ municipalityNumber: p.municipalityNumber, municipalityName: p.municipalityName, participation: p.participation }],
    ),
    decisions: project.decisions.map((d) => ({
      decisionPoint: d.decisionPoint,
      kind: d.kind,
      decidedOn: d.decidedOn,
      meetingCase: d.meetingCase ? (meetingCases.get(d.meetingCase.agendaItemId) ?? null) : null,
    })),
    milestones: project.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate, doneDate: m.doneDate })),
  };
}
