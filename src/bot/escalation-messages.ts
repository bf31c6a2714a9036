import { InlineKeyboard } from 'grammy';
import type { Escalation } from '../db/escalations.ts';
import type { OutgoingMessage } from '../db/outbox.ts';
import { clip } from '../text/clean-input.ts';
import type { Language } from '../text/language.ts';
import { escapeHtml } from './format-answer.ts';

export type Translate = (locale: string, key: string, variables?: Record<string, string | number>) => string;

/** A card shows at most this many of the passages found, each cut to a phone-sized excerpt. */
const CARD_QUOTES = 3;
const CARD_QUOTE_CHARS = 300;
// With the passages and labels, a card stays one Telegram message (4,096 characters) whatever
// MAX_QUESTION_CHARS is; the whole question is stored and exported (`npm run escalations`).
const CARD_QUESTION_CHARS = 2000;

const cut = (text: string, max: number) => (text.length <= max ? text : `${clip(text, max - 1)}…`);

export interface CoordinatorsChat {
  chatId: number | undefined;
  language: Language;
}

/** The buttons a card offers in each state. */
export function cardKeyboard(e: Escalation, t: (key: string) => string): InlineKeyboard | undefined {
  if (e.state === 'open') {
    return new InlineKeyboard()
      .text(t('button-claim'), `claim:${e.id}`)
      .text(t('button-decline'), `decline:${e.id}`);
  }
  if (e.state === 'claimed') return new InlineKeyboard().text(t('button-decline'), `decline:${e.id}`);
  if (e.state === 'answered') {
    return new InlineKeyboard()
      .text(t('button-publish'), `publish:${e.id}`)
      .text(t('button-close'), `close:${e.id}`);
  }
  if (e.state === 'closed') return new InlineKeyboard().text(t('button-publish'), `publish:${e.id}`);
  return undefined;
}

/** The card in the coordinators' chat: the question, the asker's language, why, and what was found. */
export function cardText(
  e: Escalation,
  t: (key: string, v?: Record<string, string | number>) => string,
): string {
  const found = e.found
    .slice(0, CARD_QUOTES)
    .map(
      (c, i) =>
        `${i + 1}. <i>${escapeHtml(`${c.documentTitle} › ${c.section}`)}</i>\n<blockquote>${escapeHtml(cut(c.quote, CARD_QUOTE_CHARS))}</blockquote>`,
    );
  return [
    `<b>${escapeHtml(t('card-title', { id: e.id }))}</b> · ${escapeHtml(t('card-state', { state: e.state, name: e.claimedByName ?? '' }))}`,
    `<blockquote>${escapeHtml(cut(e.question, CARD_QUESTION_CHARS))}</blockquote>`,
    escapeHtml(t('card-language', { language: e.language })),
    escapeHtml(t('card-why', { why: e.trigger })),
    found.length > 0
      ? `${escapeHtml(t('card-found'))}\n${found.join('\n')}`
      : escapeHtml(t('card-nothing-found')),
    `<i>${escapeHtml(t('card-howto'))}</i>`,
  ].join('\n\n');
}

/** Every message the escalation flow sends, as outbox entries; the asker's in the asker's language. */
export function createEscalationMessages(translate: Translate, coordinators: CoordinatorsChat) {
  const forAsker = (e: Escalation) => (key: string, v?: Record<string, string | number>) =>
    translate(e.language, key, v);
  const forCoordinators = (key: string, v?: Record<string, string | number>) =>
    translate(coordinators.language, key, v);
  const html = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } };
  const toCoordinators = (
    e: Escalation | undefined,
    purpose: OutgoingMessage['purpose'],
    text: string,
    extra = {},
  ) =>
    coordinators.chatId === undefined
      ? []
      : [
          {
            purpose,
            chatId: coordinators.chatId,
            ...(e ? { escalationId: e.id } : {}),
            payload: {
              text,
              ...html,
              // In a forum the follow-up goes to the escalation's topic, elsewhere as a reply to its card.
              ...(e?.cardThreadId ? { message_thread_id: e.cardThreadId } : {}),
              ...(e?.cardMessageId
                ? { reply_parameters: { message_id: e.cardMessageId, allow_sending_without_reply: true } }
                : {}),
              ...extra,
            },
          } satisfies OutgoingMessage,
        ];

  return {
    raised(e: Escalation): OutgoingMessage[] {
      const keyboard = cardKeyboard(e, forCoordinators);
      return [
        {
          purpose: 'ack',
          chatId: e.askerChatId,
          escalationId: e.id,
          payload: { text: forAsker(e)('escalation-ack', { id: e.id }) },
        },
        ...toCoordinators(undefined, 'card', cardText(e, forCoordinators), {
          ...(keyboard ? { reply_markup: keyboard } : {}),
          // Used, and removed before sending, when the chat is a forum and the card gets its own topic.
          topic_name: `#${e.id} ${e.question}`,
        }).map((m) => ({
          ...m,
          escalationId: e.id,
        })),
      ];
    },

    answered(e: Escalation, escalationMessageId: number, answer: string): OutgoingMessage[] {
      const t = forAsker(e);
      const text = `<b>${escapeHtml(t('answer-header', { id: e.id }))}</b>\n\n${escapeHtml(answer)}\n\n<i>${escapeHtml(t('answer-followup-hint'))}</i>`;
      return [
        {
          purpose: 'answer',
          chatId: e.askerChatId,
          escalationId: e.id,
          escalationMessageId,
          payload: { text, ...html },
        },
      ];
    },

    declined(e: Escalation, reason: string): OutgoingMessage[] {
      const text = forAsker(e)('declined-to-asker', { id: e.id, reason });
      return [{ purpose: 'declined', chatId: e.askerChatId, escalationId: e.id, payload: { text } }];
    },

    followUp(e: Escalation, text: string, escalationMessageId: number): OutgoingMessage[] {
      const body = `<b>${escapeHtml(forCoordinators('followup-card', { id: e.id }))}</b>\n<blockquote>${escapeHtml(cut(text, CARD_QUESTION_CHARS))}</blockquote>`;
      return toCoordinators(e, 'followup', body).map((m) => ({ ...m, escalationMessageId }));
    },

    reminder(overdue: Escalation[], slaHours: number): OutgoingMessage[] {
      const list = overdue.map((e) => `#${e.id}`).join(', ');
      return toCoordinators(
        undefined,
        'reminder',
        escapeHtml(forCoordinators('reminder', { hours: slaHours, list })),
      );
    },
  };
}

export type EscalationMessages = ReturnType<typeof createEscalationMessages>;
