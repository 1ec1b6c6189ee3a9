import pg from 'pg';

/**
 * The 1,000 distinct decision-search queries of the `search-distinct` target (bench/README.md), drawn from the
 * published minutes' own vocabulary by frequency, so the commonest words (the costliest to rank) come first:
 *
 * - 400 single words: the 400 words in the most published decisions;
 * - 150 phrases: the 150 commonest pairs of adjacent words, in quotes;
 * - 100 two words: the next 100 pairs, without quotes (both words anywhere);
 * - 100 `or`: the i-th and (i+100)-th commonest words;
 * - 100 negations: the i-th commonest word without the (i+50)-th (`a -b`);
 * - 150 within the largest network: its 150 commonest words.
 *
 * Words are as they are written (lower case), three letters or more, and not Norwegian stop words (a query of stop
 * words alone finds nothing and costs nothing). Deterministic for a given dataset.
 */
export interface BenchQuery {
  q: string;
  network?: string;
  kind: 'word' | 'phrase' | 'two words' | 'or' | 'negation' | 'network';
}

export async function vocabularyQueries(url: string, largestNetworkId: string): Promise<BenchQuery[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const words = async (network: string | null, count: number) =>
      (
        await client.query<{ word: string }>(
          `select word from ts_stat($$select to_tsvector('simple', ai.search_text) from public_decision_search s
             join agenda_items ai on ai.id = s.agenda_item_id ${network ? `where s.network_id = '${network}'` : ''}$$)
           where length(word) >= 3 and word ~ '^[[:alpha:]]+$' and numnode(plainto_tsquery('norwegian', word)) > 0
           order by ndoc desc, word limit $1`,
          [count],
        )
      ).rows.map((r) => r.word);
    const top = await words(null, 400);
    const inNetwork = await words(largestNetworkId, 150);
    const stop = new Set(
      (
        await client.query<{ word: string }>(
          `select word from ts_stat($$select to_tsvector('simple', search_text) from agenda_items$$)
           where numnode(plainto_tsquery('norwegian', word)) = 0`,
        )
      ).rows.map((r) => r.word),
    );
    // Adjacent pairs from every published decision, counted once per decision.
    const texts = await client.query<{ search_text: string }>(
      `select ai.search_text from public_decision_search s join agenda_items ai on ai.id = s.agenda_item_id`,
    );
    const pairs = new Map<string, number>();
    for (const { search_text } of texts.rows) {
      const tokens = search_text.toLowerCase().match(/\p{L}+/gu) ?? [];
      const seen = new Set<string>();
      for (let i = 1; i < tokens.length; i++) {
        const [a, b] = [tokens[i - 1]!, tokens[i]!];
        if (a.length < 3 || b.length < 3 || stop.has(a) || stop.has(b)) continue;
        seen.add(`${a} ${b}`);
      }
      for (const pair of seen) pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
    const commonPairs = [...pairs.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([pair]) => pair);

    const queries: BenchQuery[] = [];
    const seen = new Set<string>();
    const add = (query: BenchQuery) => {
      const key = `${query.q}|${query.network ?? ''}`;
      if (!seen.has(key)) {
        seen.add(key);
        queries.push(query);
      }
    };
    for (const word of top) add({ q: word, kind: 'word' });
    for (const pair of commonPairs.slice(0, 150)) add({ q: `"${pair}"`, kind: 'phrase' });
    for (const pair of commonPairs.slice(150, 250)) add({ q: pair, kind: 'two words' });
    for (let i = 0; i < 100; i++) add({ q: `${top[i]} or ${top[i + 100]}`, kind: 'or' });
    for (let i = 0; i < 100; i++) add({ q: `${top[i]} -${top[i + 50]}`, kind: 'negation' });
    for (const word of inNetwork) add({ q: word, network: largestNetworkId, kind: 'network' });
    return queries;
  } finally {
    await client.end();
  }
}
