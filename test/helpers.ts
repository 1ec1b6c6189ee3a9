import { and, desc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../src/server/db/client.ts';
import { auditEntries } from '../src/server/db/schema/index.ts';
import type { ErrorCode } from '../src/shared/errors.ts';
import type { Response } from './harness.ts';

/** Asserts the one error shape with the given status and code, and returns its field messages. */
export function expectError(res: Response, status: number, code: ErrorCode): Record<string, string> {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(res.body.error.message).toEqual(expect.any(String));
  expect(res.body.error.requestId).toEqual(expect.any(String));
  return res.body.error.fields ?? {};
}

/** A 400 whose field messages are exactly the given ones. */
export function expectFieldErrors(res: Response, fields: Record<string, string>): void {
  expectError(res, 400, 'validation_failed');
  expect(res.body.error.fields).toEqual(fields);
}

export async function auditEntriesFor(db: Db, entityType: string, entityId: string) {
  return db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, entityType), eq(auditEntries.entityId, entityId)))
    .orderBy(desc(auditEntries.at), desc(auditEntries.id));
}

/** The newest audit entry for a record; fails when there is none. */
export async function latestAudit(db: Db, entityType: string, entityId: string) {
  const [entry] = await auditEntriesFor(db, entityType, entityId);
  expect(entry, `audit entry for ${entityType} ${entityId}`).toBeDefined();
  return entry!;
}

export async function auditCount(db: Db, entityType: string, entityId: string): Promise<number> {
  return (await auditEntriesFor(db, entityType, entityId)).length;
}

let counter = 0;
/** A short unique suffix for names and slugs made in a test. */
export function unique(prefix = 't'): string {
  counter++;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 7)}`;
}
