import type { IncomingMessage } from 'node:http';
import type { RequestContext } from '../../context.ts';
import { invalidField } from '../../errors.ts';
import type { Verification } from '../../../shared/archive/schema.ts';
import { assertCan, NOWHERE } from '../../access/index.ts';
import { verifyTar } from './verify.ts';

/** The largest tar taken for verification: five years of a large network is a few gigabytes at most. */
export const MAX_VERIFY_BYTES = 20 * 1024 ** 3;

/**
 * Verifies a tar sent as the request body (an extract the archive got back, a copy kept elsewhere), as it streams.
 * Any secretariat may: the answer says only whether the tar agrees with itself, and names nothing from the database.
 */
export async function verifyUpload(
  ctx: RequestContext,
  body: IncomingMessage | undefined,
  contentType: string | undefined,
): Promise<Verification> {
  // Any secretariat may check a tar: verifying reads nothing of the database.
  await assertCan(ctx, 'admin.use', NOWHERE);
  if (!body || typeof body !== 'object' || !(Symbol.asyncIterator in body) || !contentType?.startsWith('application/x-tar'))
    throw invalidField('file', 'tarFile');
  async function* limited() {
    let total = 0;
    for await (const chunk of body as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > MAX_VERIFY_BYTES) throw invalidField('file', 'tooBig', { max: MAX_VERIFY_BYTES });
      yield chunk;
    }
  }
  return verifyTar(limited());
}
