import { createHash, randomBytes } from 'node:crypto';

/** A personal link's secret: the link carries the token, the database only its hash. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
