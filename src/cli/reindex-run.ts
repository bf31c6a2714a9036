import type { App } from '../app.ts';
import type { QualityOutcome } from '../pipeline/quality-check.ts';
import type { ReindexReport } from '../pipeline/reindex.ts';
import { describeQualityProgress, describeReindexProgress } from './progress.ts';

export interface ReindexRunOptions {
  dryRun?: boolean;
  /** false: `--no-quality-check`. */
  qualityCheck?: boolean;
  /** Overrides QUALITY_SET. */
  questionSet?: string;
}

export interface ReindexRun {
  report: ReindexReport;
  quality: QualityOutcome;
}

/**
 * A re-index as maintainers run it, from the terminal or Telegram: build and activate the version, then the
 * quality check on it against the version before. The check runs after activation and only reports.
 */
export async function reindexAndCheck(
  app: App,
  corpusDir: string,
  options: ReindexRunOptions,
  progress: (line: string) => void,
): Promise<ReindexRun> {
  const { dryRun = false, qualityCheck = true, questionSet } = options;
  const report = await app.reindex(corpusDir, (event) => progress(describeReindexProgress(event)), {
    dryRun,
  });
  const skipped = (reason: string): ReindexRun => ({
    report,
    quality: { status: 'skipped', reason },
  });
  if (dryRun) return skipped('a dry run indexes nothing to measure');
  if (!qualityCheck) return skipped('turned off (--no-quality-check)');
  const quality = await app.checkQuality(report.version, report.previous, {
    ...(questionSet ? { questionSet } : {}),
    onProgress: (event) => progress(describeQualityProgress(event)),
  });
  return { report, quality };
}

/** The re-index and its quality check as one JSON object (`npm run --silent reindex -- --json`). */
export function reindexJson({ report, quality }: ReindexRun): Record<string, unknown> {
  return {
    changed: report.changed,
    dryRun: report.dryRun,
    version: report.version.label,
    previous: report.previous?.label ?? null,
    documents: report.documents,
    chunks: report.chunks,
    embedded: report.embedded,
    reused: report.reused,
    diff: report.diff,
    flaggedForReview: report.flaggedForReview.map((f) => ({ ...f, escalationId: f.escalationId ?? null })),
    reviewNoticeQueued: report.reviewNoticeQueued,
    pruned: report.pruned,
    quality:
      quality.status === 'checked'
        ? { ...quality, previous: quality.previous ?? null, noComparison: quality.noComparison ?? null }
        : quality,
  };
}
