import type { App } from './app.ts';
import { describeReindexProgress } from './cli/progress.ts';
import { renderReindexReport, renderVersions } from './cli/render.ts';

/** Index maintenance as the bot offers it to maintainers, worded as the command line words it. */
export function createMaintenance(app: App, corpusDir: string) {
  return {
    versions: async () => renderVersions(await app.versions.list()),
    reindex: async (_actor: number, progress: (line: string) => void) =>
      renderReindexReport(await app.reindex(corpusDir, (event) => progress(describeReindexProgress(event)))),
    rollback: async (actor: number) => {
      const { from, to } = await app.rollback(actor);
      return `Rolled back: ${to.label} is active again (was ${from.label}).`;
    },
  };
}
