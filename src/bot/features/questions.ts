import { randomBytes } from 'node:crypto';
import { Composer, InlineKeyboard } from 'grammy';
import type { Message } from 'grammy/types';
import type { Answer } from '../../answer/answer.ts';
import type { GuardCategory } from '../../guard/guard.ts';
import { cleanInput, hasWords } from '../../text/clean-input.ts';
import type { BotContext } from '../context.ts';
import { formatAnswer } from '../format-answer.ts';
import { chosenLanguage } from '../i18n.ts';
import { answerKeyboard } from '../keyboard.ts';
import { escalateExchange, triggerOf } from './escalation.ts';

/** Telegram shows "typing…" for about five seconds; it is renewed a little before that while an answer is made. */
const TYPING_RENEW_MS = 4_500;

/**
 * The text to answer: in a private chat any text; in a group only a message that mentions the bot (the
 * mention removed) or replies to it. Undefined when the message is not addressed to the bot.
 */
function questionIn(ctx: BotContext & { message: Message & { text: string } }): string | undefined {
  const { text } = ctx.message;
  if (ctx.chat?.type === 'private') return cleanInput(text);
  const mention = `@${ctx.me.username}`;
  const mentioned = ctx.message.entities?.some(
    (e) =>
      e.type === 'mention' &&
      text.slice(e.offset, e.offset + e.length).toLowerCase() === mention.toLowerCase(),
  );
  // In the coordinators' chat a reply to the bot is work on an escalation (handled before this), never a
  // question: there only a mention asks the assistant something.
  const inCoordinatorsChat = ctx.chat?.id === ctx.deps.config.coordinators.chatId;
  const repliedTo = !inCoordinatorsChat && ctx.message.reply_to_message?.from?.id === ctx.me.id;
  if (!mentioned && !repliedTo) return undefined;
  return cleanInput(text.split(new RegExp(mention, 'ig')).join(' '));
}

/** Shows "typing…" until stopped; a client or server that cannot show it does not hold up the answer. */
function keepTyping(ctx: BotContext): () => void {
  const send = () => ctx.replyWithChatAction('typing').catch(() => undefined);
  void send();
  const timer = setInterval(send, TYPING_RENEW_MS);
  return () => clearInterval(timer);
}

/** How long a blocked message is kept in memory, never stored, for its asker to confirm it as public. */
const CONFIRM_TTL_MS = 10 * 60_000;

interface Pending {
  userId: number;
  question: string;
  categories: GuardCategory[];
  until: number;
}

export function questionsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  // Messages the guard blocked for a category the asker may confirm (a public hotline): held here only.
  const pending = new Map<string, Pending>();

  /** Answers a question: guard, retrieval and model through `ask`, then storage, escalation and the reply. */
  async function respond(ctx: BotContext, question: string, allowed: GuardCategory[], replyTo: object) {
    if (!ctx.from || !ctx.chat) return;
    const stopTyping = keepTyping(ctx);
    // Only a model-composed answer takes long enough to need a note; it is edited into the answer itself.
    let note: Promise<Message.TextMessage | undefined> | undefined;
    // Without a language chosen with /lang, the bot writes in the language of the question.
    const chosen = await chosenLanguage(ctx);
    let answer: Answer;
    try {
      answer = await ctx.deps.ask(question, {
        allowed,
        onComposing: ({ passages, language }) => {
          if (!chosen) ctx.i18n.useLocale(language);
          note = ctx.reply(ctx.t('progress', { count: passages }), replyTo).catch(() => undefined);
        },
      });
    } finally {
      stopTyping();
    }
    if (!chosen) ctx.i18n.useLocale(answer.language);
    // What the guard found is stored masked, never as written.
    const stored = answer.guard?.redactedQuestion ?? question;
    const exchange = { userId: ctx.from.id, chatId: ctx.chat.id, question: stored, answer };
    const exchangeId = await ctx.deps.conversations.recordExchange(exchange);
    const trigger = triggerOf(answer);
    // Stored before anything is sent: the escalation survives whatever happens to the replies below.
    if (trigger) await escalateExchange(ctx, { id: exchangeId, ...exchange }, trigger, { fresh: true });
    const pieces = formatAnswer(answer);
    const keyboard =
      answer.kind === 'refused' ? confirmKeyboard(ctx, answer, question) : answerKeyboard(ctx, exchangeId);
    const noteMessage = await note;
    for (const [i, html] of pieces.entries()) {
      const last = i === pieces.length - 1;
      const options = {
        parse_mode: 'HTML' as const,
        link_preview_options: { is_disabled: true },
        ...(last && keyboard ? { reply_markup: keyboard } : {}),
      };
      if (i === 0 && noteMessage) {
        await ctx.api.editMessageText(noteMessage.chat.id, noteMessage.message_id, html, options);
      } else {
        await ctx.reply(html, { ...options, ...(i === 0 ? replyTo : {}) });
      }
    }
    ctx.deps.log.info(
      {
        update: ctx.update.update_id,
        exchangeId,
        kind: answer.kind,
        mode: answer.mode,
        guard: answer.guard?.categories,
      },
      'answered',
    );
  }

  /** "It is public — ask anyway", for a message blocked only for a phone number or e-mail address. */
  function confirmKeyboard(ctx: BotContext, answer: Answer, question: string): InlineKeyboard | undefined {
    if (!answer.guard?.overridable || !ctx.from) return undefined;
    const now = Date.now();
    for (const [key, entry] of pending) if (entry.until < now) pending.delete(key);
    const token = randomBytes(9).toString('base64url');
    const categories = answer.guard.categories as GuardCategory[];
    pending.set(token, { userId: ctx.from.id, question, categories, until: now + CONFIRM_TTL_MS });
    return new InlineKeyboard().text(ctx.t('button-public'), `public:${token}`);
  }

  feature.callbackQuery(/^public:([\w-]+)$/, async (ctx) => {
    const entry = pending.get(ctx.match[1] as string);
    if (!entry || entry.userId !== ctx.from.id || entry.until < Date.now()) {
      return void (await ctx.answerCallbackQuery({ text: ctx.t('confirm-expired'), show_alert: true }));
    }
    pending.delete(ctx.match[1] as string);
    await ctx.answerCallbackQuery();
    await respond(ctx, entry.question, entry.categories, {});
  });

  feature.on('message:text', async (ctx) => {
    const question = questionIn(ctx);
    if (question === undefined) return;
    if (question.startsWith('/')) return void (await ctx.reply(ctx.t('help')));
    if (question === '' && ctx.chat.type !== 'private') return void (await ctx.reply(ctx.t('mention-empty')));
    if (!hasWords(question)) return void (await ctx.reply(ctx.t('no-words')));
    const { maxQuestionChars } = ctx.deps.config;
    if (question.length > maxQuestionChars) {
      return void (await ctx.reply(ctx.t('too-long', { max: maxQuestionChars })));
    }
    const inGroup = ctx.chat.type !== 'private';
    await respond(
      ctx,
      question,
      [],
      inGroup ? { reply_parameters: { message_id: ctx.message.message_id } } : {},
    );
  });

  return feature;
}
