import type { FlaggedAnswer } from '../db/curated.ts';
import type { OutgoingMessage } from '../db/outbox.ts';
import type { CorpusVersion } from '../db/versions.ts';
import type { CoordinatorsChat, Translate } from './escalation-messages.ts';
import { escapeHtml } from './format-answer.ts';

/** A question is shown as far as a phone shows it at a glance; the card holds the whole of it. */
const QUESTION_CHARS = 200;
/** Items stop before this many characters, leaving room for the closing line under Telegram's 4,096. */
const MESSAGE_CHARS = 3_600;

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * The one message telling the coordinators which curated answers a re-index hid (question, the sections
 * that changed, the new version), in their language; nothing when no coordinators' chat is configured.
 */
export function createReviewNotice(translate: Translate, coordinators: CoordinatorsChat) {
  const t = (key: string, variables?: Record<string, string | number>) =>
    translate(coordinators.language, key, variables);

  function item(answer: FlaggedAnswer): string {
    const name =
      answer.escalationId === undefined ? t('review-no-card', { id: answer.id }) : `#${answer.escalationId}`;
    const changes = answer.sections.map((s) =>
      t('review-change', { section: `${s.documentId} › ${s.sectionId}`, change: s.change }),
    );
    return `• <b>${escapeHtml(name)}</b> (${escapeHtml(answer.language)}): ${escapeHtml(cut(answer.question, QUESTION_CHARS))}\n  <i>${escapeHtml(changes.join('; '))}</i>`;
  }

  return function reviewNotice(flagged: FlaggedAnswer[], version: CorpusVersion): OutgoingMessage[] {
    if (coordinators.chatId === undefined || flagged.length === 0) return [];
    const lines = [
      `<b>${escapeHtml(t('review-title', { version: version.label }))}</b>`,
      escapeHtml(t('review-intro')),
      '',
    ];
    let length = lines.join('\n').length;
    let shown = 0;
    for (const answer of flagged) {
      const line = item(answer);
      if (length + line.length > MESSAGE_CHARS) break;
      lines.push(line);
      length += line.length + 1;
      shown += 1;
    }
    if (shown < flagged.length) lines.push(escapeHtml(t('review-more', { count: flagged.length - shown })));
    const payload = {
      text: lines.join('\n'),
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    };
    return [{ purpose: 'review', chatId: coordinators.chatId, payload }];
  };
}
