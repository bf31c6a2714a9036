import type { App } from '../app.ts';
import { createProgress, describeReindexProgress } from './progress.ts';
import { renderReindexReport } from './render.ts';

/** First use on an empty database: index the corpus before the first question, and say so. */
export async function ensureIndexed(app: App, corpusDir: string, say: (line: string) => void): Promise<void> {
  if (await app.versions.active()) return;
  say(`The database has no index yet: indexing the guidelines in ${corpusDir} first…`);
  const progress = createProgress();
  const report = await app.reindex(corpusDir, (event) => progress.show(describeReindexProgress(event)));
  progress.done();
  say(renderReindexReport(report));
}
