import type { RequestContext } from '../context.ts';
import { forbidden, notFound, unauthenticated } from '../errors.ts';
import { holdsAny, type Place } from './principals.ts';
import { chainOf, RULES, type Capability } from './rules.ts';

/** The logged-in account, or 401. */
export function requireUser(ctx: RequestContext): NonNullable<RequestContext['user']> {
  if (!ctx.user) throw unauthenticated();
  return ctx.user;
}

/** Whether the account holds the capability at the place, and every capability it lies within. */
export async function can(ctx: RequestContext, capability: Capability, place: Place): Promise<boolean> {
  for (const step of chainOf(capability)) if (!(await holdsAny(ctx, RULES[step].who, place))) return false;
  return true;
}

/**
 * Refuses unless the account holds the capability at the place. The capabilities it lies within are checked first,
 * outermost first, and the first one missing answers: 404 for what the caller may not see, 403 for what they see but
 * may not change; 401 without login for anything not open to everyone.
 */
export async function assertCan(ctx: RequestContext, capability: Capability, place: Place): Promise<void> {
  for (const step of chainOf(capability)) {
    const rule = RULES[step];
    if (await holdsAny(ctx, rule.who, place)) continue;
    if (!ctx.user) throw unauthenticated();
    throw rule.refusal === 'notFound' ? notFound() : forbidden();
  }
}
