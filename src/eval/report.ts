import type { EvalSummary, QuestionResult } from './metrics.ts';

function verdict(r: QuestionResult): { ok: boolean; why: string } {
  const { item, answer, hitRank } = r;
  if (!item.answerable) {
    return answer.kind === 'answered'
      ? { ok: false, why: 'answered a question the corpus cannot answer' }
      : { ok: true, why: `escalated (${answer.escalation ?? answer.kind})` };
  }
  if (hitRank === undefined) return { ok: false, why: 'no expected text in the retrieved passages' };
  if (answer.kind !== 'answered')
    return { ok: false, why: `found at rank ${hitRank} but escalated: ${answer.reason}` };
  return { ok: true, why: `answered; expected text at rank ${hitRank}` };
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/** A Markdown report for maintainers: the figures, then every question with what was retrieved and why. */
export function renderReport(summary: EvalSummary, results: QuestionResult[], source: string): string {
  const lines = [
    `# Evaluation of ${source}`,
    '',
    `${summary.questions} questions, k = ${summary.k}: recall@k ${summary.recallAtK}, MRR ${summary.mrr}, ` +
      `answerable answered ${summary.answerable.answered}/${summary.answerable.n}, ` +
      `unanswerable escalated ${summary.unanswerable.escalated}/${summary.unanswerable.n}.`,
    '',
    '| language | questions | recall@k | MRR | answered | escalated (unanswerable) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...Object.entries(summary.byLanguage).map(
      ([language, c]) =>
        `| ${language} | ${c.questions} | ${c.recallAtK} | ${c.mrr} | ${c.answerable.answered}/${c.answerable.n} | ` +
        `${c.unanswerable.escalated}/${c.unanswerable.n} |`,
    ),
    '',
    '| category | n | answered | escalated |',
    '| --- | --- | --- | --- |',
    ...Object.entries(summary.byCategory).map(
      ([c, v]) => `| ${c} | ${v.n} | ${v.answered} | ${v.escalated} |`,
    ),
    '',
    '## Questions',
    '',
  ];
  for (const r of results) {
    const { ok, why } = verdict(r);
    lines.push(
      `### ${ok ? 'PASS' : 'FAIL'} ${r.item.id} (${r.item.lang}, ${r.item.category})`,
      '',
      `> ${cell(r.item.question)}`,
      '',
      `${why}. Confidence ${r.answer.confidence ?? '–'}.${r.item.expect.length ? ` Expected: ${r.item.expect.map((e) => `"${cell(e)}"`).join(', ')}.` : ''}`,
      '',
      ...r.passages.map((p, i) => `${i + 1}. ${cell(p.section)}: ${cell(p.quote).slice(0, 160)}`),
      '',
    );
  }
  return lines.join('\n');
}

export function renderSummary(summary: EvalSummary): string {
  const lines = [
    `questions ${summary.questions}, recall@${summary.k} ${summary.recallAtK}, MRR ${summary.mrr}`,
    `answerable answered ${summary.answerable.answered}/${summary.answerable.n}, unanswerable escalated ${summary.unanswerable.escalated}/${summary.unanswerable.n}`,
  ];
  for (const [language, c] of Object.entries(summary.byLanguage)) {
    lines.push(
      `  ${language}: recall@${summary.k} ${c.recallAtK}, MRR ${c.mrr}, answered ${c.answerable.answered}/${c.answerable.n}, escalated ${c.unanswerable.escalated}/${c.unanswerable.n}`,
    );
  }
  for (const [category, v] of Object.entries(summary.byCategory)) {
    lines.push(`  ${category}: ${v.n} questions, answered ${v.answered}, escalated ${v.escalated}`);
  }
  const m = summary.model;
  if (m) {
    lines.push(
      `  model: asked ${m.asked}, generated ${m.generated}, not covered ${m.notCovered}, fallbacks ${m.fallbacks} (${m.fallbackRate}), quotes shown ${m.quotesShown} (verified ${m.quotesVerifiedShare}), prompt tokens mean ${m.promptTokensMean} max ${m.promptTokensMax}`,
    );
  }
  return lines.join('\n');
}
