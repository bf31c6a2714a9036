import type { App } from './app.ts';
import { reindexAndCheck } from './cli/reindex-run.ts';
import { renderReindexReport, renderVersions } from './cli/render.ts';
import { renderQuality } from './cli/render-quality.ts';

/** Telegram's /reindex summary is one message; the quality check at its end must survive a long diff. */
const SUMMARY_CHARS = 3_400;

function fitOneMessage(report: string, quality: string): string {
  const room = SUMMARY_CHARS - quality.length - 1;
  const head = report.length <= room ? report : `${report.slice(0, Math.max(0, room - 1))}…`;
  return `${head}\n${quality}`;
}

export interface MaintenanceOptions {
  /** Wakes the outbox deliverer: a re-index may have written a message for the coordinators. */
  kick?: () => void;
}

/** Index maintenance as the bot offers it to maintainers, worded as the command line words it. */
export function createMaintenance(app: App, corpusDir: string, options: MaintenanceOptions = {}) {
  return {
    versions: async () => renderVersions(await app.versions.list()),
    reindex: async (_actor: number, progress: (line: string) => void) => {
      const run = await reindexAndCheck(app, corpusDir, {}, progress);
      if (run.report.reviewNoticeQueued) options.kick?.();
      return fitOneMessage(renderReindexReport(run.report), renderQuality(run.quality, '/rollback'));
    },
    rollback: async (actor: number) => {
      const { from, to } = await app.rollback(actor);
      return `Rolled back: ${to.label} is active again (was ${from.label}).`;
    },
  };
}
