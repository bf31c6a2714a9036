import { detectLanguage, type Language } from '../text/language.ts';
import { questionTerms } from '../text/terms.ts';

/**
 * The words and word pairs escalated questions share most, as the asker wrote them: a coordinator reads
 * "thời hạn (4)" and knows what the guidelines leave unanswered. Each question counts a term once.
 */
export function frequentTopics(questions: { question: string; language: string }[], limit = 5) {
  const counts = new Map<string, { surface: string; n: number }>();
  for (const { question, language } of questions) {
    const terms = questionTerms(
      question,
      (['vi', 'en', 'uk'].includes(language) ? language : detectLanguage(question)) as Language,
    );
    // Vietnamese topics are mostly two-syllable words, so pairs; elsewhere single words say enough.
    const keys = new Set(language === 'vi' ? terms.bigrams : terms.unigrams);
    for (const key of keys) {
      const entry = counts.get(key) ?? { surface: terms.surface.get(key) ?? key, n: 0 };
      entry.n += 1;
      counts.set(key, entry);
    }
  }
  return [...counts.values()]
    .filter((t) => t.n > 1)
    .sort((a, b) => b.n - a.n || a.surface.localeCompare(b.surface))
    .slice(0, limit);
}
