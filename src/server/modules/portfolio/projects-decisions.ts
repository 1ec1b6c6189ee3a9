import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  agendaItems,
  bodies,
  cases,
  consultations,
  meetings,
  projectDecisions,
  projectDocuments,
  projects,
} from '../../db/schema/index.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { invalidField } from '../../errors.ts';
import { DECISION_POINT_RULES, type DecisionInput, type Project } from '../../../shared/portfolio/projects.ts';
import { recordAudit } from '../audit/index.ts';
import { projectDto, todayInOslo } from './projects.ts';
import { findProject } from './project-records.ts';
import { missingBasis, nextDecisionPoint } from './projects-presenter.ts';
import { BASIS_KIND_LABELS, decisionPointLabel } from './terms.ts';
import { assertCan, ofProject, requireUser } from '../../access/index.ts';

/**
 * The date of the held meeting in which one of the network's bodies decided this item's case; a case that is not
 * decided, a meeting not held, cancelled or of another network, or an item that does not exist: 400 naming
 * `agendaItemId`, the same answer for all so that nothing outside the network is revealed. Also the check for
 * other decisions a body takes in a meeting (a member-fee schedule's adoption).
 */
export async function decidedCaseDate(db: DbOrTx, networkId: string, agendaItemId: string): Promise<string> {
  const [row] = await db
    .select({ date: meetings.date })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .innerJoin(consultations, eq(consultations.id, agendaItems.consultationId))
    .innerJoin(cases, eq(cases.id, consultations.caseId))
    .where(
      and(
        eq(agendaItems.id, agendaItemId),
        eq(agendaItems.outcome, 'decided'),
        inArray(meetings.status, ['held', 'minutesApproved']),
        isNull(meetings.deletedAt),
        isNull(cases.deletedAt),
        eq(bodies.networkId, networkId),
      ),
    );
  if (!row) throw invalidField('agendaItemId', 'notDecidedCase');
  return row.date;
}

/**
 * Passes the project's next decision point (from its phase; the caller does not choose it). A meeting decision is
 * recorded by the secretariat and names the agenda item of the decided case; an owner decision is signed by the
 * project owner where the model lets the owner decide (else 400 on `kind`: «BP2 må vedtas av styringsgruppen i et
 * møte»), by nobody else (403). The rule's basis documents must be attached (400 on `basisDocuments` naming the
 * missing kinds). In one transaction: the decision row, its basis documents frozen, the phase moved (BP6 leaves it),
 * checked against `projectVersion` (409), audited.
 */
export async function decideProject(
  ctx: RequestContext,
  id: string,
  input: DecisionInput,
  /** When an owner signs: now, unless the demo data places it earlier in its story. */
  options: { signedAt?: Date } = {},
): Promise<Project> {
  const user = requireUser(ctx);
  const found = await findProject(ctx, id);
  const place = ofProject(found);
  await assertCan(ctx, input.kind === 'meetingCase' ? 'portfolio.write' : 'project.read', place);

  const point = nextDecisionPoint(found.phase);
  const rule = DECISION_POINT_RULES[point];
  let decidedOn: string;
  if (input.kind === 'ownerDecision') {
    if (!rule.ownerMayDecide) throw invalidField('kind', 'meetingDecisionRequired', { point: decisionPointLabel(point) });
    await assertCan(ctx, 'project.decideAsOwner', place);
    decidedOn = todayInOslo(options.signedAt);
  } else {
    decidedOn = await decidedCaseDate(ctx.db, found.networkId, input.agendaItemId);
  }

  const decided = await ctx.db.transaction(async (tx) => {
    const documents = await tx
      .select()
      .from(projectDocuments)
      .where(and(eq(projectDocuments.projectId, id), isNull(projectDocuments.deletedAt), isNull(projectDocuments.frozenByDecisionId)));
    const missing = missingBasis(point, documents);
    if (missing.length > 0) {
      throw invalidField('basisDocuments', 'missingBasis', {
        kinds: missing.map((kind) => BASIS_KIND_LABELS[kind][ctx.language]).join(', '),
      });
    }
    const [before] = await tx.select().from(projects).where(eq(projects.id, id));
    // The phase in the same statement: a decision racing this one for the same point cannot pass it twice.
    const after = await updateVersioned(tx, projects, id, input.projectVersion, { phase: rule.to }, eq(projects.phase, found.phase));
    const [decision] = await tx
      .insert(projectDecisions)
      .values({
        projectId: id,
        decisionPoint: point,
        kind: input.kind,
        agendaItemId: input.kind === 'meetingCase' ? input.agendaItemId : null,
        ownerText: input.kind === 'ownerDecision' ? input.text : null,
        signedByUserId: input.kind === 'ownerDecision' ? user.id : null,
        signedByName: input.kind === 'ownerDecision' ? user.name : null,
        signedAt: input.kind === 'ownerDecision' ? (options.signedAt ?? new Date()) : null,
        decidedOn,
      })
      .returning();
    const basis = documents.filter((d) => (rule.basis as readonly string[]).includes(d.kind));
    if (basis.length > 0) {
      await tx
        .update(projectDocuments)
        .set({ frozenByDecisionId: decision!.id, updatedAt: new Date() })
        .where(
          inArray(
            projectDocuments.id,
            basis.map((d) => d.id),
          ),
        );
    }
    const audit = { networkId: found.networkId };
    await recordAudit(tx, ctx, {
      ...audit,
      entityType: 'projectDecision',
      entityId: decision!.id,
      action: 'create',
      after: { ...decision, basisDocumentIds: basis.map((d) => d.id) },
    });
    await recordAudit(tx, ctx, { ...audit, entityType: 'project', entityId: id, action: 'decide', before, after });
    return after;
  });
  return projectDto(ctx.db, decided);
}
