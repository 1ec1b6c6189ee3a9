import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { formSecrets, formTokenUses } from '../../db/schema/index.ts';
import { invalidField } from '../../errors.ts';

/**
 * The public form's token: «networkId.issuedAtMillis.signature», HMAC-SHA256 with a secret kept in the database
 * (`form_secrets`), made at random by the first instance that needs it. So every instance on one database signs and
 * checks alike, and nothing needs configuring; a copied database keeps its tokens valid, which is harmless.
 *
 * A token proves the form was fetched from this server for this network, at least `FORM_MIN_AGE_MS` before it was
 * sent (a person reads and writes; a bot posting at once does not) and at most `FORM_MAX_AGE_MS` before. It sends one
 * proposal only: `spendFormToken` records its signature in `form_token_uses`, so a bot cannot fetch the form once and
 * post with that token for a day.
 */
export const FORM_MIN_AGE_MS = 3_000;
export const FORM_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const PURPOSE = 'proposalForm';

// Per database handle: the secret never changes once made, so one read per process and database is enough.
const secrets = new WeakMap<object, Promise<Buffer>>();

async function loadSecret(db: DbOrTx): Promise<Buffer> {
  // Two instances starting at once both try; the first insert wins and both read the same row.
  await db
    .insert(formSecrets)
    .values({ purpose: PURPOSE, secret: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select({ secret: formSecrets.secret }).from(formSecrets).where(eq(formSecrets.purpose, PURPOSE));
  return Buffer.from(row!.secret, 'base64url');
}

function formSecret(db: DbOrTx): Promise<Buffer> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = loadSecret(db);
    secrets.set(db, secret);
    secret.catch(() => secrets.delete(db));
  }
  return secret;
}

function sign(secret: Buffer, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** A token for the network's form, issued now (or at `issuedAt`, which the tests use to make an older one). */
export async function signFormToken(db: DbOrTx, networkId: string, issuedAt: number = Date.now()): Promise<string> {
  const payload = `${networkId}.${issuedAt}`;
  return `${payload}.${sign(await formSecret(db), payload)}`;
}

const refused = () => invalidField('formToken', 'formExpired');

/**
 * Refuses (400 naming `formToken`) a token that is forged, for another network, younger than the minimum age
 * or older than the maximum: the message asks to reload the page, which gives a fresh token. Answers the token's
 * signature, for `spendFormToken`.
 */
export async function checkFormToken(db: DbOrTx, networkId: string, token: string, now: number = Date.now()): Promise<string> {
  const match = /^([0-9a-f-]{36})\.(\d{1,15})\.([\w-]{43})$/.exec(token);
  if (!match) throw refused();
  const [, tokenNetwork, issued, signature] = match;
  const expected = Buffer.from(sign(await formSecret(db), `${tokenNetwork}.${issued}`));
  const given = Buffer.from(signature!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refused();
  const age = now - Number(issued);
  if (tokenNetwork !== networkId || age < FORM_MIN_AGE_MS || age > FORM_MAX_AGE_MS) throw refused();
  return signature!;
}

/**
 * Marks a checked token used, in the transaction that stores what it sent; a token already used is refused like an
 * expired one (400 naming `formToken`). Two posts with one token at once wait for each other on the signature's row,
 * and the second is refused. Uses older than a token's maximum age are removed first: such a token was issued
 * before its use, so it is expired by now and refused without its row.
 */
export async function spendFormToken(tx: DbOrTx, signature: string, now: Date = new Date()): Promise<void> {
  await tx.delete(formTokenUses).where(lt(formTokenUses.usedAt, new Date(now.getTime() - FORM_MAX_AGE_MS)));
  const [spent] = await tx
    .insert(formTokenUses)
    .values({ signature, usedAt: now })
    .onConflictDoNothing()
    .returning({ signature: formTokenUses.signature });
  if (!spent) throw refused();
}
