import { date, index, integer, pgTable, primaryKey, real, text, uuid, customType } from 'drizzle-orm/pg-core';
import { agendaItems } from './meetings.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The public decision search's own table: one row for every agenda item the public may find (published meeting,
 * published minutes, decided or noted, case neither exempt nor deleted), with its text already turned into
 * Norwegian full-text vectors. Kept by database triggers on the tables behind it, in the same transaction as the
 * change, through one function that also builds it in full (migration 0022, decision 0015), so a search reads
 * this table alone and joins the rest for the page it shows.
 */
export const publicDecisionSearch = pgTable(
  'public_decision_search',
  {
    agendaItemId: uuid('agenda_item_id')
      .primaryKey()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    networkId: uuid('network_id').notNull(),
    bodyId: uuid('body_id').notNull(),
    meetingDate: date('meeting_date').notNull(),
    position: integer('position').notNull(),
    /**
     * The case title weighted A, then the public text (the whole search text of an open item; title, recommendation
     * and decision of a closed one): what a hit must match and is ranked by, so a hit in the title counts most and a
     * closed item's deliberation is neither found nor ranked.
     */
    rankVector: tsvector('rank_vector').notNull(),
  },
  (t) => [
    index('public_decision_search_vector_idx').using('gin', t.rankVector),
    // Newest first: the order of a query whose rank is the same for every hit (one word and negations).
    index('public_decision_search_date_idx').on(t.meetingDate.desc(), t.position, t.agendaItemId),
    index('public_decision_search_network_idx').on(t.networkId),
    index('public_decision_search_body_idx').on(t.bodyId),
  ],
);

/**
 * Every word (lexeme) of every row above, with the rank a search for that word alone gives the row: a one-word
 * search, the commonest kind and the costliest when the word is common, reads its first page straight from the
 * index in rank order instead of ranking every hit. Kept with the rows above by the same function.
 */
export const publicDecisionTerms = pgTable(
  'public_decision_terms',
  {
    lexeme: text('lexeme').notNull(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => publicDecisionSearch.agendaItemId, { onDelete: 'cascade' }),
    /** ts_rank(rank_vector, the lexeme as a query): exactly what the search orders a one-word query by. */
    score: real('score').notNull(),
    networkId: uuid('network_id').notNull(),
    bodyId: uuid('body_id').notNull(),
    meetingDate: date('meeting_date').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    index('public_decision_terms_rank_idx')
      // The filters' columns last (after the unique item id, so they do not change the order): a search within a
      // network, body or year is answered from the index alone.
      .on(t.lexeme, t.score.desc(), t.meetingDate.desc(), t.position, t.agendaItemId, t.networkId, t.bodyId),
    index('public_decision_terms_item_idx').on(t.agendaItemId),
  ],
);

/**
 * How many rows of the table above each word has per network: the count of a one-word search within a network or in
 * all, read from a row or a few instead of counted from the index (up to 10,001 entries for a common word, a third of
 * its statement). Kept by statement triggers on `public_decision_terms` in the same transaction (migration 0041). A
 * word whose hits are all gone keeps its row at 0.
 */
export const publicDecisionLexemeHits = pgTable(
  'public_decision_lexeme_hits',
  {
    lexeme: text('lexeme').notNull(),
    networkId: uuid('network_id').notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [primaryKey({ columns: [t.lexeme, t.networkId] })],
);
