import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { RequestContext } from '../context.ts';
import type { DbOrTx } from '../db/client.ts';
import {
  agendaItems,
  bodies,
  bodyMemberships,
  cases,
  consultations,
  grantAllocations,
  grants,
  meetings,
  networkMembers,
  people,
  programmes,
  projectDeliverables,
  projects,
  proposals,
  surveyTemplates,
} from '../db/schema/index.ts';
import { AppError, type FieldProblem } from '../errors.ts';
import type { ValidationKey } from '../../shared/i18n/server-messages.ts';
import { visibleInNetwork } from './people.ts';

/**
 * Every id a request names must be a record of the network whose thing it changes: a meeting's attendees and
 * signatories are people the network sees, a project's owner is one of its people, an allocation goes to one of its
 * projects. Checked here, in one place, for every kind; a service names each field with the ids it carries. An id of
 * another network answers exactly as one that does not exist: 400 naming the field, and nothing is changed.
 */
export type Kind =
  | 'person'
  | 'body'
  | 'bodyMembership'
  | 'meeting'
  | 'agendaItem'
  | 'consultation'
  | 'case'
  | 'project'
  | 'programme'
  | 'proposal'
  | 'deliverable'
  | 'grantAllocation'
  | 'surveyTemplate'
  | 'memberMunicipality';

/** One field's ids: a single id, several, or none (absent or null: nothing to check). */
export type Ids = string | null | undefined | readonly (string | null | undefined)[];

/** For each kind, the request's fields that carry ids of it, by the name the API gives them. */
export type References = Partial<Record<Kind, Record<string, Ids>>>;

/** For each kind, which of the ids are records of it in the network. */
const BELONGING: Record<Kind, (db: DbOrTx, networkId: string, ids: string[]) => Promise<string[]>> = {
  person: async (db, networkId, ids) =>
    (
      await db
        .select({ id: people.id })
        .from(people)
        .where(and(inArray(people.id, ids), visibleInNetwork(networkId)))
    ).map((r) => r.id),
  body: async (db, networkId, ids) =>
    (
      await db
        .select({ id: bodies.id })
        .from(bodies)
        .where(and(inArray(bodies.id, ids), eq(bodies.networkId, networkId)))
    ).map((r) => r.id),
  bodyMembership: async (db, networkId, ids) =>
    (
      await db
        .select({ id: bodyMemberships.id })
        .from(bodyMemberships)
        .innerJoin(bodies, eq(bodies.id, bodyMemberships.bodyId))
        .where(and(inArray(bodyMemberships.id, ids), eq(bodies.networkId, networkId)))
    ).map((r) => r.id),
  meeting: async (db, networkId, ids) =>
    (
      await db
        .select({ id: meetings.id })
        .from(meetings)
        .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
        .where(and(inArray(meetings.id, ids), eq(bodies.networkId, networkId), isNull(meetings.deletedAt)))
    ).map((r) => r.id),
  agendaItem: async (db, networkId, ids) =>
    (
      await db
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
        .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
        .where(and(inArray(agendaItems.id, ids), eq(bodies.networkId, networkId), isNull(meetings.deletedAt)))
    ).map((r) => r.id),
  consultation: async (db, networkId, ids) =>
    (
      await db
        .select({ id: consultations.id })
        .from(consultations)
        .innerJoin(bodies, eq(bodies.id, consultations.bodyId))
        .where(and(inArray(consultations.id, ids), eq(bodies.networkId, networkId)))
    ).map((r) => r.id),
  case: async (db, networkId, ids) =>
    (
      await db
        .select({ id: cases.id })
        .from(cases)
        .where(and(inArray(cases.id, ids), eq(cases.networkId, networkId)))
    ).map((r) => r.id),
  project: async (db, networkId, ids) =>
    (
      await db
        .select({ id: projects.id })
        .from(projects)
        .where(and(inArray(projects.id, ids), eq(projects.networkId, networkId)))
    ).map((r) => r.id),
  programme: async (db, networkId, ids) =>
    (
      await db
        .select({ id: programmes.id })
        .from(programmes)
        .where(and(inArray(programmes.id, ids), eq(programmes.networkId, networkId)))
    ).map((r) => r.id),
  proposal: async (db, networkId, ids) =>
    (
      await db
        .select({ id: proposals.id })
        .from(proposals)
        .where(and(inArray(proposals.id, ids), eq(proposals.networkId, networkId)))
    ).map((r) => r.id),
  deliverable: async (db, networkId, ids) =>
    (
      await db
        .select({ id: projectDeliverables.id })
        .from(projectDeliverables)
        .innerJoin(projects, eq(projects.id, projectDeliverables.projectId))
        .where(and(inArray(projectDeliverables.id, ids), eq(projects.networkId, networkId)))
    ).map((r) => r.id),
  grantAllocation: async (db, networkId, ids) =>
    (
      await db
        .select({ id: grantAllocations.id })
        .from(grantAllocations)
        .innerJoin(grants, eq(grants.id, grantAllocations.grantId))
        .where(and(inArray(grantAllocations.id, ids), eq(grants.networkId, networkId)))
    ).map((r) => r.id),
  // The national templates (no network) are every network's to use.
  surveyTemplate: async (db, networkId, ids) =>
    (
      await db
        .select({ id: surveyTemplates.id })
        .from(surveyTemplates)
        .where(and(inArray(surveyTemplates.id, ids), or(isNull(surveyTemplates.networkId), eq(surveyTemplates.networkId, networkId))))
    ).map((r) => r.id),
  // A municipality is the network's while it is a member, now or before: old records keep their municipalities.
  memberMunicipality: async (db, networkId, numbers) =>
    (
      await db
        .selectDistinct({ number: networkMembers.municipalityNumber })
        .from(networkMembers)
        .where(and(inArray(networkMembers.municipalityNumber, numbers), eq(networkMembers.networkId, networkId)))
    ).map((r) => r.number),
};

const listOf = (ids: Ids): string[] =>
  ids === null || ids === undefined ? [] : typeof ids === 'string' ? [ids] : ids.filter((id): id is string => !!id);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The fields of `refs` that name a record outside the network: `refs` maps each kind to the fields of the request that
 * carry such ids, by the name the API gives them (`minutesSignatoryIds`, `disqualifications.2.personId`).
 */
export async function fieldsOutside(
  db: DbOrTx,
  networkId: string,
  refs: References,
  key: ValidationKey = 'notInNetwork',
): Promise<Record<string, FieldProblem>> {
  const problems: Record<string, FieldProblem> = {};
  for (const [kind, fields] of Object.entries(refs) as [Kind, Record<string, Ids>][]) {
    const wanted = [...new Set(Object.values(fields).flatMap(listOf))];
    if (wanted.length === 0) continue;
    // What is not even an id of the right form belongs nowhere, and is not sent to the database to fail there.
    const asked = kind === 'memberMunicipality' ? wanted.filter((n) => /^\d{4}$/.test(n)) : wanted.filter((id) => UUID.test(id));
    const found = new Set(asked.length === 0 ? [] : await BELONGING[kind](db, networkId, asked));
    for (const [field, ids] of Object.entries(fields)) {
      if (listOf(ids).some((id) => !found.has(id))) problems[field] = { key };
    }
  }
  return problems;
}

/**
 * Refuses unless every id in `refs` is a record of its kind in the network: 400 naming each field that is not, with
 * `notInNetwork` or, where a module has long said more about what the field takes, its own key.
 */
export async function assertBelongs(ctx: RequestContext, networkId: string, refs: References, key?: ValidationKey): Promise<void> {
  const problems = await fieldsOutside(ctx.db, networkId, refs, key);
  if (Object.keys(problems).length > 0) throw new AppError('validation_failed', problems);
}
