import type { ChunksRepository, KindedId, MatchedId, RankedId } from '../db/chunks.ts';
import type { TermFrequencies, TermsRepository } from '../db/terms.ts';
import type { VersionSummary } from '../db/versions.ts';
import type { Language } from '../text/language.ts';
import { frequencyKeys, phraseFrequency, questionTerms, type Terms, toTsQuery } from '../text/terms.ts';
import { holdsAnyTerm, rankByBm25, wordsLookedUp } from './bm25.ts';
import { createPassageIndexes, type IndexedPassage, indexPassage } from './passage-index.ts';
import { createTermFrequencies } from './term-frequencies.ts';
import { candidateTsQueries, TEXT_POSTINGS_BUDGET } from './text-query.ts';
import { IN_MEMORY_PASSAGES } from './vector-leg.ts';
import { createVersionValue } from './version-cache.ts';

export interface TextSearch {
  terms: Terms;
  /** Document frequencies of the question's terms in the searched languages. */
  frequencies: TermFrequencies;
  /** Answering passages that share a term with the question, best first by BM25. */
  matching: (RankedId & KindedId)[];
  /** The best-matching item of the list of what the public reports do not give, if any. */
  bestGap: (RankedId & KindedId) | undefined;
}

export interface TextLegDeps {
  chunks: ChunksRepository;
  terms: TermsRepository;
  /** Document kinds that can answer. */
  answerKinds: string[];
}

// Full-text candidates re-ranked by BM25: enough that a rare word's passages are among them.
const TEXT_CANDIDATES = 200;
/**
 * Passage word indexes kept between questions, of passages a search matched without ranking: the list of
 * missing details of a larger version, and a version's passages in a language that has few of them.
 */
const PASSAGE_INDEXES = 1_000;
/** Term counts kept between questions (each a few dozen bytes): far more than the words staff use. */
const TERMS_KEPT = 20_000;
/** Matches ranked at most: the candidate query aims under the budget; this bounds a bad estimate. */
const EXAMINED = TEXT_POSTINGS_BUDGET;

interface SearchedPassage {
  kind: string;
  language: string;
  index: IndexedPassage;
}

/**
 * The full-text leg of retrieval: the question's terms and their document frequencies first, which choose
 * the candidates (see candidateTsQueries), then BM25 over the candidates of the answering passages and of the
 * list of missing details.
 *
 * A version as small as the vector leg keeps in memory, whose searched passages all fit the candidates (the
 * guidelines' do), is searched in memory: BM25 over every passage is the database's search and ranking in
 * one, over the passages holding one of the terms the database's query ORs. That query's planning and
 * execution were 1.1 of the database's 2.5 ms per question (pg_stat_statements over 2,000 questions).
 */
export function createTextLeg({ chunks, terms, answerKinds }: TextLegDeps) {
  const indexesOf = createPassageIndexes({ searchTexts: chunks.searchTexts, capacity: PASSAGE_INDEXES });
  const frequenciesOf = createTermFrequencies(terms, TERMS_KEPT);
  const wholeVersion = createVersionValue(
    async (versionId): Promise<SearchedPassage[]> =>
      (await chunks.versionSearchTexts(versionId)).map(({ id, kind, language, text }) => ({
        kind,
        language,
        index: indexPassage(id, text),
      })),
  );
  return async function searchText(
    version: Pick<VersionSummary, 'id' | 'createdAt' | 'chunkCount'>,
    languages: string[],
    passageCount: number,
    question: string,
    language: Language,
  ): Promise<TextSearch> {
    const queryTerms = questionTerms(question, language);
    const synonyms = [...queryTerms.synonyms.values()].flat();
    const lookup = frequenciesOf(version, languages, [
      ...queryTerms.unigrams,
      ...queryTerms.bigrams,
      ...synonyms.flatMap(frequencyKeys),
      // The words of synonym phrases: what those phrases cost the index.
      ...synonyms.flatMap((s) => s.split(' ')),
    ]);
    const df = (frequencies: TermFrequencies) => (term: string) =>
      phraseFrequency(frequencies.answers, term) + phraseFrequency(frequencies.gaps, term);
    if (version.chunkCount <= IN_MEMORY_PASSAGES && passageCount <= TEXT_CANDIDATES) {
      const [frequencies, passages] = await Promise.all([lookup, wholeVersion(version)]);
      const rank = (kinds: string[]) => {
        const searched = passages.filter(
          (p) =>
            languages.includes(p.language) && kinds.includes(p.kind) && holdsAnyTerm(p.index, queryTerms),
        );
        const kindOf = new Map(searched.map((p) => [p.index.id, p.kind]));
        return rankByBm25(
          searched.map((p) => p.index),
          queryTerms,
          df(frequencies),
          passageCount,
        ).map((r) => ({ ...r, kind: kindOf.get(r.id) as string }));
      };
      return { terms: queryTerms, frequencies, matching: rank(answerKinds), bestGap: rank(['gaps'])[0] };
    }
    const searches = [
      {
        kinds: answerKinds,
        limit: TEXT_CANDIDATES,
        examined: EXAMINED,
        rank: passageCount > TEXT_CANDIDATES,
      },
      // The list of missing details is short (a few dozen items): all its matches fit, BM25 picks the best.
      { kinds: ['gaps'], limit: TEXT_CANDIDATES, examined: EXAMINED, rank: false },
    ];
    const search = (tsQuery: string) => chunks.matching(version.id, languages, tsQuery, searches);
    // A corpus within the budget is searched by the whole question whatever the frequencies (see
    // candidateTsQueries), so that search need not wait for them.
    const whole = toTsQuery(queryTerms);
    const early = passageCount <= TEXT_POSTINGS_BUDGET && whole ? search(whole) : undefined;
    const [frequencies, found] = await Promise.all([lookup, early]);
    let [textMatches, gapMatches]: MatchedId[][] = found ?? [[], []];
    if (!early) {
      for (const tsQuery of candidateTsQueries(queryTerms, df(frequencies), passageCount)) {
        [textMatches, gapMatches] = await search(tsQuery);
        if ((textMatches?.length ?? 0) > 0 || (gapMatches?.length ?? 0) > 0) break;
      }
    }
    const matches = [...(textMatches ?? []), ...(gapMatches ?? [])];
    const kinds = new Map(matches.map((m) => [m.id, m.kind]));
    // A ranked search (a large corpus) brings its matches' search texts. They are indexed for this question's
    // words alone and not kept: few of a large corpus's passages come up again, and keeping them all made the
    // cache churn, so that collecting garbage took most of the slowest retrievals' time (at 100,000 passages,
    // by hand: 0.9 ms per question on average, 6 ms in the slowest tenth of them).
    const looksUp = wordsLookedUp(queryTerms);
    const brought = matches.flatMap((m) =>
      m.text === undefined ? [] : [indexPassage(m.id, m.text, looksUp)],
    );
    const read = await indexesOf(
      version,
      matches.flatMap((m) => (m.text === undefined ? [m.id] : [])),
    );
    const indexed = new Map([...brought, ...read].map((p) => [p.id, p]));
    const rank = (found: KindedId[] = []) =>
      rankByBm25(
        found.flatMap((m) => indexed.get(m.id) ?? []),
        queryTerms,
        df(frequencies),
        passageCount,
      ).map((r) => ({ ...r, kind: kinds.get(r.id) as string }));
    return {
      terms: queryTerms,
      frequencies,
      matching: rank(textMatches),
      bestGap: rank(gapMatches)[0],
    };
  };
}

export type SearchText = ReturnType<typeof createTextLeg>;
