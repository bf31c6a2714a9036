import { isAbsolute, relative } from 'node:path';
import type { FigureChange, FigureName, QualityFigures } from '../eval/quality-figures.ts';
import type { QualityOutcome, QualityReport } from '../pipeline/quality-check.ts';

const LABEL_WIDTH = 30;

/** A path inside the working folder as typed there, any other in full. */
function shown(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}

function value(figures: QualityFigures, name: FigureName): string {
  const figure = figures[name];
  if (figure === null) return '–';
  return typeof figure === 'number' ? String(figure) : `${figure.count}/${figure.n} (${figure.rate})`;
}

const signed = (delta: number) => (delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '±0');

function verdict(change: FigureChange): string {
  if (change.dropped) return 'WORSE';
  return change.delta === 0 ? 'no change' : 'within tolerance';
}

function row(report: QualityReport, change: FigureChange): string {
  const { previous, current } = report;
  const before = previous ? value(previous.figures, change.name) : '–';
  return `  ${change.label.padEnd(LABEL_WIDTH)}${before} → ${value(current.figures, change.name)}  ${signed(change.delta)}  ${verdict(change)}`;
}

/** The figures of one version on one line, when there is nothing to compare them with. */
function figuresLine(figures: QualityFigures): string {
  return [
    `recall@${figures.k} ${figures.recallAtK}`,
    `MRR ${figures.mrr}`,
    `answerable wrongly escalated ${value(figures, 'answerableEscalated')}`,
    `out-of-scope escalated ${value(figures, 'outOfScopeEscalated')}`,
    `unknown-detail escalated ${value(figures, 'unknownDetailEscalated')}`,
  ].join(', ');
}

/**
 * The loud part: which figures dropped beyond the tolerance, and how to undo the re-index (`rollback` names
 * the command where the report is read: the terminal or Telegram).
 */
export function qualityWarning(outcome: QualityOutcome, rollback: string): string | undefined {
  if (outcome.status !== 'checked' || !outcome.dropped || !outcome.previous) return undefined;
  const { current, previous } = outcome;
  const drops = outcome.changes
    .filter((c) => c.dropped)
    .map(
      (c) =>
        `${c.label} ${value(previous.figures, c.name)} → ${value(current.figures, c.name)} (${signed(c.delta)})`,
    );
  return [
    `!!! WARNING: QUALITY DROPPED. ${current.label} does worse than ${previous.label} on the development questions (tolerance ${outcome.tolerance}):`,
    ...drops.map((d) => `!!!   ${d}`),
    `!!! ${current.label} is active all the same. Check the changed sections; ${rollback} re-activates ${previous.label}.`,
  ].join('\n');
}

/** The quality check's outcome for people: every figure before and after, then the warning if any. */
export function renderQuality(outcome: QualityOutcome, rollback: string): string {
  if (outcome.status === 'skipped') return `Quality check skipped: ${outcome.reason}.`;
  if (outcome.status === 'failed') {
    return `!!! Quality check FAILED (the new version is active all the same): ${outcome.reason}`;
  }
  const { current, previous } = outcome;
  const questions = `${current.figures.questions} questions of ${shown(outcome.questionSet)}`;
  const seconds = `${(outcome.ms / 1000).toFixed(1)} s`;
  if (!previous) {
    return [
      `Quality check (${questions}, ${seconds}) on ${current.label}: ${figuresLine(current.figures)}.`,
      `Nothing to compare with: ${outcome.noComparison}.`,
    ].join('\n');
  }
  if (previous.label === current.label) {
    return `Quality check (${questions}, ${seconds}): no new version, no change; ${current.label}: ${figuresLine(current.figures)}.`;
  }
  const unchanged = outcome.changes.every((c) => c.delta === 0);
  const summary = unchanged
    ? `No change against ${previous.label}.`
    : `No figure worse by more than the ${outcome.tolerance} tolerance.`;
  return [
    `Quality check (${questions}, ${seconds}): ${current.label} against ${previous.label}`,
    ...outcome.changes.map((c) => row(outcome, c)),
    qualityWarning(outcome, rollback) ?? summary,
  ].join('\n');
}
