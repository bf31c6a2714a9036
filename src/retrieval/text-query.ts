import { allQueryTerms, andTsQuery, orTsQuery, type Terms, toTsQuery } from '../text/terms.ts';

/**
 * How many index entries the full-text candidates may cost. The database must read every passage the index
 * offers for a query before it can rank and keep the best 200, and on a large corpus a question's common words
 * ("cơ quan", "thông tin") offer tens of thousands: at 100,000 passages the plain OR query took over a second
 * (`npm run bench`). A few hundred rows are read in a few milliseconds.
 */
export const TEXT_POSTINGS_BUDGET = 400;

/**
 * What a term costs the index: the passages holding its rarest word. A phrase is found through its words
 * and confirmed on each passage holding all of them, so "tải lên" costs as much as the common "tải" and
 * "lên" together, however rare the phrase itself.
 */
export function indexCost(term: string, wordFrequency: (word: string) => number): number {
  return Math.min(...term.split(' ').map(wordFrequency));
}

/**
 * The to_tsquery expressions that pick the full-text candidates, to be tried in order until one matches.
 * Where the searched passages are no more than the budget, it is the question's whole OR query (the result
 * cannot differ). On a larger corpus only the cheapest terms pick candidates, as many as fit the budget and
 * always the cheapest one; BM25 then still scores the candidates on every term, so common words keep
 * ordering them and only stop choosing them (a passage holding nothing but common words ranks low anyway).
 * When even the cheapest term is over the budget (every word of the question is common), the candidates
 * are the passages holding several of the cheapest terms at once, as many as it takes to bring the
 * expected matches under the budget; if no passage holds them all, one term fewer at a time, down to the
 * cheapest term alone.
 */
export function candidateTsQueries(
  terms: Terms,
  wordFrequency: (word: string) => number,
  passageCount: number,
  budget = TEXT_POSTINGS_BUDGET,
): string[] {
  const whole = toTsQuery(terms);
  if (whole === undefined) return [];
  if (passageCount <= budget) return [whole];
  const cheapestFirst = allQueryTerms(terms)
    .map((term, order) => ({ term, order, cost: indexCost(term, wordFrequency) }))
    .sort((a, b) => a.cost - b.cost || a.order - b.order);
  const chosen: string[] = [];
  let postings = 0;
  for (const { term, cost } of cheapestFirst) {
    if (chosen.length > 0 && postings + cost > budget) break;
    chosen.push(term);
    postings += cost;
  }
  const cheapest = orTsQuery(chosen) as string;
  if (postings <= budget) return [cheapest];
  const together: string[] = [];
  let expected = passageCount;
  for (const { term, cost } of cheapestFirst) {
    // A phrase is not independent of its own words.
    const words = term.split(' ');
    if (together.some((t) => t.split(' ').some((w) => words.includes(w)))) continue;
    together.push(term);
    // Words taken as independent: the share of passages holding all of them is the product of shares.
    expected *= cost / passageCount;
    if (expected <= budget) break;
  }
  // Fewer of them at a time when no passage holds them all, down to the cheapest alone.
  const fewer = together.slice(1).map((_, i) => andTsQuery(together.slice(0, together.length - i)));
  return [...fewer, cheapest];
}
