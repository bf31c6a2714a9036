import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { QualityRepository } from '../db/quality.ts';
import type { CorpusVersion } from '../db/versions.ts';
import { type MeasurementSettings, measuredWith } from '../eval/measured-with.ts';
import { summarize } from '../eval/metrics.ts';
import { parseQaFile, type QaItem } from '../eval/qa-file.ts';
import {
  compareQuality,
  type FigureChange,
  type QualityFigures,
  qualityFigures,
} from '../eval/quality-figures.ts';
import { runEvaluation } from '../eval/run.ts';
import type { Trace } from './ask.ts';

/**
 * The tuning half: the set thresholds and rules are chosen on, so a drop on it is a regression of what was
 * tuned, and acting on it does not spend the held-out half, which stays for unbiased figures.
 */
export const DEFAULT_QUESTION_SET = join(
  import.meta.dirname,
  '..',
  '..',
  'test',
  'fixtures',
  'qa.tuning.jsonl',
);

/** Questions in flight at once: a database server answers them in parallel; the embedded one queues them. */
const CONCURRENCY = 4;

export interface QualityCheckDeps {
  stored: QualityRepository;
  /** The question path on one version, without a language model or curated answers: fast and repeatable. */
  traceAt(version: CorpusVersion): Trace;
  embedderId: string;
  settings: Omit<MeasurementSettings, 'questionSet'>;
  tolerance: number;
}

export type QualityProgress = { stage: 'quality'; version: string; done: number; total: number };

export interface MeasuredVersion {
  label: string;
  figures: QualityFigures;
  /** Stored when that version was checked before with the same questions, settings and code. */
  source: 'stored' | 'measured';
}

export interface QualityReport {
  status: 'checked';
  questionSet: string;
  tolerance: number;
  current: MeasuredVersion;
  /** The version active before the re-index (the same one when nothing changed). */
  previous: MeasuredVersion | undefined;
  /** Why figures are not compared, when they are not. */
  noComparison: string | undefined;
  changes: FigureChange[];
  /** Some figure worsened by more than the tolerance. */
  dropped: boolean;
  ms: number;
}

export type QualityOutcome =
  | QualityReport
  | { status: 'skipped'; questionSet?: string; reason: string }
  | { status: 'failed'; questionSet: string; reason: string };

async function readQuestionSet(path: string): Promise<{ text: string; items: QaItem[] } | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return { text, items: parseQaFile(text, path) };
}

/**
 * After a re-index: the development questions on the new version and on the one before, compared figure by
 * figure. It never stops a re-index: the version is already active, and the outcome says what happened.
 */
export function createQualityCheck(deps: QualityCheckDeps) {
  return async function checkQuality(
    current: CorpusVersion,
    previous: CorpusVersion | undefined,
    questionSet: string,
    onProgress: (event: QualityProgress) => void = () => {},
  ): Promise<QualityOutcome> {
    const started = performance.now();
    try {
      const set = await readQuestionSet(questionSet);
      if (!set) return { status: 'skipped', questionSet, reason: `${questionSet}: no such file` };
      const key = await measuredWith({ ...deps.settings, questionSet: set.text });
      const { items } = set;

      async function figuresOf(version: CorpusVersion): Promise<MeasuredVersion | undefined> {
        const stored = await deps.stored.find(version.id, key);
        if (stored) return { label: version.label, figures: stored, source: 'stored' };
        // Another embedder's vectors cannot be searched with this one's questions.
        if (version.embedder !== deps.embedderId) return undefined;
        const progress = (done: number, total: number) =>
          onProgress({ stage: 'quality', version: version.label, done, total });
        const results = await runEvaluation(
          items,
          deps.traceAt(version),
          deps.settings.k,
          progress,
          CONCURRENCY,
        );
        const figures = qualityFigures(summarize(results, deps.settings.k));
        await deps.stored.record(version.id, key, figures);
        return { label: version.label, figures, source: 'measured' };
      }

      const now = await figuresOf(current);
      if (!now) {
        const reason = `${current.label} was built with ${current.embedder}, not the configured embedder`;
        return { status: 'skipped', questionSet, reason };
      }
      const before =
        previous === undefined ? undefined : previous.id === current.id ? now : await figuresOf(previous);
      const noComparison =
        previous === undefined
          ? 'this is the first version'
          : before === undefined
            ? `${previous.label} was built with ${previous.embedder} and has no figures measured with these questions, settings and code`
            : undefined;
      const changes = before ? compareQuality(before.figures, now.figures, deps.tolerance) : [];
      return {
        status: 'checked',
        questionSet,
        tolerance: deps.tolerance,
        current: now,
        previous: before,
        noComparison,
        changes,
        dropped: changes.some((c) => c.dropped),
        ms: Math.round(performance.now() - started),
      };
    } catch (error) {
      return {
        status: 'failed',
        questionSet,
        reason: error instanceof Error ? error.message : String(error),
      };
    }
  };
}

export type CheckQuality = ReturnType<typeof createQualityCheck>;
