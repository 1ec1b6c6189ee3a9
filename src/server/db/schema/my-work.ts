import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';

/**
 * When each account last opened its start page («Mitt arbeid»): documents added since the visit before this one are
 * new to it. A visit is a sitting: the stamps move on only when the last one is more than an hour old, so reloading
 * the page does not empty the list.
 */
export const myWorkVisits = pgTable('my_work_visits', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  seenAt: timestamp('seen_at', { withTimezone: true, mode: 'date' }).notNull(),
  previousSeenAt: timestamp('previous_seen_at', { withTimezone: true, mode: 'date' }),
});
