import type { Language } from '../shared/i18n/languages.ts';
import type { Role } from '../shared/auth/schema.ts';
import type { Db } from './db/client.ts';

export interface RoleGrant {
  role: Role;
  networkId: string | null;
  municipalityNumber: string | null;
}

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  language: Language;
  hasPassword: boolean;
}

/** What every service function gets first: who is asking, with which roles, in which language. */
export interface RequestContext {
  db: Db;
  requestId: string;
  language: Language;
  user: AuthUser | null;
  roles: RoleGrant[];
  /** Memo for access look-ups that need the database, filled on first use within the request. */
  cache: Map<string, unknown>;
  /** The client's address as the trusted proxies hand it on, and its user agent; written with every audit entry. */
  ip?: string | null;
  userAgent?: string | null;
}

export function systemContext(db: Db): RequestContext {
  return { db, requestId: 'system', language: 'nb', user: null, roles: [], cache: new Map() };
}

export async function memo<T>(ctx: RequestContext, key: string, load: () => Promise<T>): Promise<T> {
  if (!ctx.cache.has(key)) ctx.cache.set(key, load());
  return ctx.cache.get(key) as Promise<T>;
}
