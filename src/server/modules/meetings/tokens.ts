import { createHash, randomBytes } from 'node:crypto';

/** A personal link's secret is looked up by its SHA-256 only. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The hash a link's record starts with, of a token nobody holds: the e-mail that carries the link gives the record
 * its real token when it is sent (mail's personalLink()).
 */
export const unusableTokenHash = () => hashToken(randomBytes(32).toString('base64url'));
