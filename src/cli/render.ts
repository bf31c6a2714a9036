import type { Answer } from '../answer/answer.ts';
import { MESSAGES } from '../answer/messages.ts';
import type { CorpusVersion } from '../db/versions.ts';
import type { ReindexReport } from '../pipeline/reindex.ts';

/** A human-readable answer for the terminal: the lead, then each quote with where it comes from. */
export function renderAnswer(answer: Answer): string {
  const m = MESSAGES[answer.language];
  const lines = [answer.answer, ''];
  const quote = (text: string) => text.split('\n\n').map((paragraph) => `    > ${paragraph}`);
  answer.citations.forEach((c, i) => {
    if (answer.kind === 'escalated' && i === 0) lines.push('(closest passages found)');
    const marker = c.translation ? ` (${m.translation})` : '';
    lines.push(
      `[${i + 1}] ${c.documentTitle}`,
      `    ${m.section}: ${c.section} · ${m.version} ${c.version}${marker}`,
    );
    lines.push(...quote(c.quote));
    if (c.original)
      lines.push(
        `    ${m.original} (${c.original.language}): ${c.original.section}`,
        ...quote(c.original.quote),
      );
    if (c.sourceUrl) lines.push(`    ${c.sourceUrl}`);
    lines.push('');
  });
  if (answer.reason) lines.push(`(${answer.kind}: ${answer.reason})`);
  if (answer.fallback) lines.push(`(language model not used: ${answer.fallback})`);
  return lines.join('\n').trimEnd();
}

function list(title: string, sections: string[]): string[] {
  if (sections.length === 0) return [];
  const shown = sections.slice(0, 20).map((s) => `  ${s}`);
  if (sections.length > 20) shown.push(`  … and ${sections.length - 20} more`);
  return [`${title} (${sections.length}):`, ...shown];
}

const QUESTION_CHARS = 80;

/** Curated answers the new version hid, and whether the coordinators' chat is told. */
function flaggedLines(report: ReindexReport): string[] {
  const flagged = report.flaggedForReview;
  if (flagged.length === 0) return [];
  const items = flagged.map((f) => {
    const question =
      f.question.length > QUESTION_CHARS ? `${f.question.slice(0, QUESTION_CHARS - 1)}…` : f.question;
    const card = f.escalationId === undefined ? '' : ` (question #${f.escalationId})`;
    const sections = f.sections.map((s) => `${s.documentId} › ${s.sectionId} ${s.change}`).join('; ');
    return `  curated answer ${f.id}${card}: "${question}" — ${sections}`;
  });
  return [
    `Curated answers flagged for review (hidden until re-published) (${flagged.length}):`,
    ...items,
    report.reviewNoticeQueued
      ? "The coordinators' chat is told which ones: the message waits in the outbox until the bot delivers it."
      : "No coordinators' chat is configured (COORDINATOR_CHAT_ID), so nobody was told: tell the coordinators.",
  ];
}

/** Changed sections, each followed by its short text diff. */
function changedList(title: string, diff: ReindexReport['diff']): string[] {
  if (diff.changed.length === 0) return [];
  return [
    `${title} (${diff.changed.length}):`,
    ...diff.changed.flatMap((s) => [
      `  ${s}`,
      ...(diff.textDiffs?.[s] ? [`      ${diff.textDiffs[s]}`] : []),
    ]),
  ];
}

export function renderReindexReport(report: ReindexReport): string {
  const head = `${report.documents} document(s), ${report.chunks} passages.`;
  const { diff } = report;
  if (report.dryRun) {
    if (!report.changed) return `${head} Dry run: no changes since ${report.version.label}.`;
    return [
      `${head} Dry run against ${report.version.label}: nothing was embedded, stored or activated.`,
      ...list('Sections that would be added', diff.added),
      ...changedList('Sections that would change', diff),
      ...list('Sections that would be removed', diff.removed),
    ].join('\n');
  }
  if (!report.changed) {
    return `${head} No changes since ${report.version.label}: nothing embedded, ${report.version.label} stays active.`;
  }
  return [
    `${head} Embedded ${report.embedded} new or changed passage(s), reused ${report.reused} stored embedding(s).`,
    `Activated ${report.version.label}${report.previous ? ` (was ${report.previous.label})` : ''}.`,
    // A first build adds everything; listing every section would bury the summary.
    ...(report.previous ? list('Sections added', diff.added) : [`Sections indexed: ${diff.added.length}.`]),
    ...changedList('Sections changed', diff),
    ...list('Sections removed', diff.removed),
    ...flaggedLines(report),
    ...(report.pruned.length > 0 ? [`Old versions deleted: ${report.pruned.join(', ')}`] : []),
  ].join('\n');
}

/** The versions kept, newest first, with the active one marked and what each changed. */
export function renderVersions(versions: CorpusVersion[]): string {
  if (versions.length === 0) return 'No versions yet: run `npm run reindex`.';
  return [...versions]
    .reverse()
    .map((v) => {
      const changes = v.diff
        ? `+${v.diff.added.length} ~${v.diff.changed.length} -${v.diff.removed.length} sections`
        : 'changes not recorded';
      const when = (v.activatedAt ?? v.createdAt).toISOString().slice(0, 16).replace('T', ' ');
      return `${v.isActive ? '*' : ' '} ${v.label}  ${when}  ${v.chunkCount} passages  ${v.embedder}  ${changes}`;
    })
    .join('\n');
}
