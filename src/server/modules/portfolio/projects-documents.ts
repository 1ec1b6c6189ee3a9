import { createHash, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { RequestContext } from '../../context.ts';
import { projectDocuments } from '../../db/schema/index.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { AppError, notFound, staleVersion } from '../../errors.ts';
import type { BasisDocument, BasisDocumentKind } from '../../../shared/portfolio/projects.ts';
import { recordAudit } from '../audit/index.ts';
import { checkUpload, storeWith, type FileStorage } from '../storage/index.ts';
import { readableProject, writableProject } from './project-records.ts';
import { presentBasisDocument } from './projects-presenter.ts';

/**
 * A project's basis documents: PDF, DOCX or XLSX as case attachments are, uploaded as the raw request body, kept with
 * size and SHA-256 in FileStorage. The secretariat attaches and removes them; once a decision is made on one it is
 * frozen, and removing it answers 423 `locked`. A removed one keeps its row and file (`deleted_at`).
 */

export async function uploadProjectDocument(
  ctx: RequestContext,
  storage: FileStorage,
  projectId: string,
  file: { kind: BasisDocumentKind; fileName: string; bytes: Buffer },
): Promise<BasisDocument> {
  const project = await writableProject(ctx, projectId);
  const { fileName, contentType, extension } = checkUpload(file);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const storageKey = `projects/${projectId}/${randomUUID()}${extension}`;
  const created = await storeWith(storage, storageKey, file.bytes, () =>
    ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(projectDocuments)
        .values({
          projectId,
          kind: file.kind,
          fileName,
          contentType,
          size: file.bytes.length,
          sha256,
          storageKey,
        })
        .returning();
      await recordAudit(tx, ctx, {
        networkId: project.networkId,
        entityType: 'projectDocument',
        entityId: row!.id,
        action: 'create',
        after: row,
      });
      return row!;
    }),
  );
  return presentBasisDocument(created);
}

async function findDocument(ctx: RequestContext, documentId: string) {
  const [document] = await ctx.db
    .select()
    .from(projectDocuments)
    .where(and(eq(projectDocuments.id, documentId), isNull(projectDocuments.deletedAt)));
  if (!document) throw notFound();
  return document;
}

/** Removed from the project but kept; a frozen one is refused (423), since a decision was made on it. */
export async function deleteProjectDocument(ctx: RequestContext, documentId: string, version: number): Promise<void> {
  const document = await findDocument(ctx, documentId);
  const project = await writableProject(ctx, document.projectId);
  if (document.frozenByDecisionId) throw new AppError('locked');
  await ctx.db.transaction(async (tx) => {
    let after;
    try {
      after = await updateVersioned(
        tx,
        projectDocuments,
        documentId,
        version,
        { deletedAt: new Date() },
        isNull(projectDocuments.frozenByDecisionId),
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'stale_version') throw error;
      // Frozen by a decision meanwhile, or changed by someone else.
      const [now] = await tx.select().from(projectDocuments).where(eq(projectDocuments.id, documentId));
      throw now?.frozenByDecisionId ? new AppError('locked') : staleVersion();
    }
    await recordAudit(tx, ctx, {
      networkId: project.networkId,
      entityType: 'projectDocument',
      entityId: documentId,
      action: 'delete',
      before: document,
      after,
    });
  });
}

/** The file, for whoever may read the project. */
export async function downloadProjectDocument(ctx: RequestContext, storage: FileStorage, documentId: string) {
  const document = await findDocument(ctx, documentId);
  await readableProject(ctx, document.projectId);
  return { document, bytes: await storage.get(document.storageKey) };
}
