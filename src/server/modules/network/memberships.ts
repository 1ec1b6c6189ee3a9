import { and, gt, isNull, lte, or } from 'drizzle-orm';
import { networkMembers } from '../../db/schema/index.ts';
import { today } from './dates.ts';

/** A membership in force today: begun, and not ended. */
export const currentMembership = () => {
  const day = today();
  return and(lte(networkMembers.joinedOn, day), or(isNull(networkMembers.leftOn), gt(networkMembers.leftOn, day)));
};
