import { createHash, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { agendaItems, caseDocuments, cases, consultations, meetings } from '../../db/schema/index.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { notFound } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { checkUpload, storeWith, type FileStorage } from '../storage/index.ts';
import type { CaseDocument } from '../../../shared/meetings/schema.ts';
import { assertUnlocked, readableBody, writableBody } from './records.ts';
import { presentDocument } from './presenter.ts';

/** The case and whether any meeting that handled it is locked: a locked meeting's papers stay as they were. */
async function caseWithMeetings(ctx: RequestContext, caseId: string) {
  const [row] = await ctx.db
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), isNull(cases.deletedAt)));
  if (!row) throw notFound();
  const handled = await ctx.db
    .select({ status: meetings.status, bodyId: meetings.bodyId })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .innerJoin(consultations, eq(consultations.id, agendaItems.consultationId))
    .where(eq(consultations.caseId, caseId));
  return { case: row, handled };
}

async function writableCase(ctx: RequestContext, caseId: string) {
  const found = await caseWithMeetings(ctx, caseId);
  const bodyId = found.handled[0]?.bodyId;
  if (!bodyId) throw notFound();
  const body = await writableBody(ctx, bodyId);
  for (const meeting of found.handled) assertUnlocked(meeting);
  return { ...found, body };
}

export async function uploadDocument(
  ctx: RequestContext,
  storage: FileStorage,
  caseId: string,
  file: { fileName: string; bytes: Buffer },
): Promise<CaseDocument> {
  const { body } = await writableCase(ctx, caseId);
  const { fileName, contentType, extension } = checkUpload(file);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const storageKey = `cases/${caseId}/${randomUUID()}${extension}`;
  const created = await storeWith(storage, storageKey, file.bytes, () =>
    ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(caseDocuments)
        .values({ caseId, fileName, contentType, size: file.bytes.length, sha256, storageKey })
        .returning();
      await recordAudit(tx, ctx, {
        networkId: body.networkId,
        entityType: 'caseDocument',
        entityId: row!.id,
        action: 'create',
        before: null,
        after: row,
      });
      return row!;
    }),
  );
  return presentDocument(created);
}

async function findDocument(ctx: RequestContext, documentId: string) {
  const [document] = await ctx.db
    .select()
    .from(caseDocuments)
    .where(and(eq(caseDocuments.id, documentId), isNull(caseDocuments.deletedAt)));
  if (!document) throw notFound();
  return document;
}

export async function updateDocument(
  ctx: RequestContext,
  documentId: string,
  input: { exemptFromPublic: boolean; exemptLegalBasis?: string | null; version: number },
) {
  const document = await findDocument(ctx, documentId);
  const { body } = await writableCase(ctx, document.caseId);
  return ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, caseDocuments, documentId, input.version, {
      exemptFromPublic: input.exemptFromPublic,
      exemptLegalBasis: input.exemptFromPublic ? (input.exemptLegalBasis ?? null) : null,
    });
    await recordAudit(tx, ctx, {
      networkId: body.networkId,
      entityType: 'caseDocument',
      entityId: documentId,
      action: 'update',
      before: document,
      after,
    });
    return presentDocument(after);
  });
}

/** Removed from the case, but kept: a decision or published summons may refer to it. */
export async function deleteDocument(ctx: RequestContext, documentId: string, version: number) {
  const document = await findDocument(ctx, documentId);
  const { body } = await writableCase(ctx, document.caseId);
  await ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, caseDocuments, documentId, version, { deletedAt: new Date() });
    await recordAudit(tx, ctx, {
      networkId: body.networkId,
      entityType: 'caseDocument',
      entityId: documentId,
      action: 'delete',
      before: document,
      after,
    });
  });
}

/** The file for the network's own people, exempt or not. The public pages serve their own, filtered copy. */
export async function downloadDocument(ctx: RequestContext, storage: FileStorage, documentId: string) {
  const document = await findDocument(ctx, documentId);
  const found = await caseWithMeetings(ctx, document.caseId);
  const bodyId = found.handled[0]?.bodyId;
  if (!bodyId) throw notFound();
  await readableBody(ctx, bodyId);
  return { document, bytes: await storage.get(document.storageKey) };
}
