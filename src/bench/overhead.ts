import type { App } from '../app.ts';
import { formatAnswer } from '../bot/format-answer.ts';
import type { QaItem } from '../eval/qa-file.ts';
import { checkText } from '../guard/guard.ts';
import { type Latency, latencyOf, timeEach } from './stats.ts';

export interface OverheadFigures {
  /** A whole answer without a language model: guard, retrieval, extractive answer, Telegram formatting. */
  perQuestion: Latency;
  /** Its parts that are not retrieval (retrieval alone is in the retrieval figures). */
  guard: Latency;
  formatting: Latency;
}

/** The assistant's own time per question, in-process, every development question `repeat` times. */
export async function measureOverhead(
  app: App,
  items: QaItem[],
  repeat: number,
  maxQuestionChars: number,
): Promise<OverheadFigures> {
  const runs = Array.from({ length: repeat }, () => items.map((i) => i.question)).flat();
  const perQuestion = await timeEach(runs, async (question) => formatAnswer(await app.ask(question)));
  const answers = await Promise.all(items.map((i) => app.ask(i.question)));
  const guard = await timeEach(runs, async (question) => checkText(question, { maxChars: maxQuestionChars }));
  const formatting = await timeEach(Array.from({ length: repeat }, () => answers).flat(), async (answer) =>
    formatAnswer(answer),
  );
  return { perQuestion: latencyOf(perQuestion), guard: latencyOf(guard), formatting: latencyOf(formatting) };
}
