import { Composer } from 'grammy';
import type { Answer } from '../../answer/answer.ts';
import type { EscalationTrigger } from '../../db/escalations.ts';
import { cleanInput, hasWords } from '../../text/clean-input.ts';
import type { BotContext, StoredExchange } from '../context.ts';

/** Why an answer goes to the coordinators by itself; undefined when it does not. */
export function triggerOf(answer: Answer): EscalationTrigger | undefined {
  if (answer.kind === 'escalated') return answer.escalation ?? 'low_confidence';
  // The model answered but nothing it quoted was in the passages: the extractive answer is shown, and a
  // person checks whether it answers the question.
  if (answer.fallback?.startsWith('no quote')) return 'unverified';
  return undefined;
}

/**
 * Hands an exchange to the coordinators once; a second request says which number it already has. An
 * exchange recorded just now (`fresh`) cannot have one yet, so it is not looked up.
 */
export async function escalateExchange(
  ctx: BotContext,
  exchange: StoredExchange,
  trigger: EscalationTrigger,
  { fresh = false } = {},
) {
  const existing = fresh ? undefined : await ctx.deps.escalations.forExchange(exchange.id);
  if (existing) return void (await ctx.reply(ctx.t('escalation-exists', { id: existing.id })));
  await ctx.deps.escalations.raise({
    exchangeId: exchange.id,
    askerUserId: exchange.userId,
    askerChatId: exchange.chatId,
    language: exchange.answer.language,
    question: exchange.question,
    trigger,
    found: exchange.answer.citations,
    corpusVersion: exchange.answer.corpusVersion,
  });
}

/** /human, and the asker's follow-ups to a coordinator's answer (a reply to it). */
export function escalationFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('human', async (ctx) => {
    if (!ctx.from || !ctx.chat) return;
    const question = cleanInput(ctx.match);
    if (question === '') {
      const last = await ctx.deps.conversations.lastExchange(ctx.from.id);
      if (!last) return void (await ctx.reply(ctx.t('human-nothing')));
      return escalateExchange(ctx, last, 'asked');
    }
    // Asked as it is: the assistant's own attempt is recorded with it, so the coordinator sees what it found.
    const answer = await ctx.deps.ask(question);
    if (answer.kind === 'refused') return void (await ctx.reply(answer.answer));
    const exchange = {
      userId: ctx.from.id,
      chatId: ctx.chat.id,
      question: answer.guard?.redactedQuestion ?? question,
      answer,
    };
    const id = await ctx.deps.conversations.recordExchange(exchange);
    await escalateExchange(ctx, { id, ...exchange }, 'asked', { fresh: true });
  });

  feature.on('message:text', async (ctx, next) => {
    const replyTo = ctx.message.reply_to_message;
    if (ctx.chat.type !== 'private' || !replyTo || replyTo.from?.id !== ctx.me.id) return next();
    const escalation = await ctx.deps.escalations.byDeliveredAnswer(ctx.chat.id, replyTo.message_id);
    if (!escalation || escalation.askerUserId !== ctx.from.id) return next();
    const text = cleanInput(ctx.message.text);
    if (!hasWords(text)) return void (await ctx.reply(ctx.t('no-words')));
    const max = ctx.deps.config.maxQuestionChars;
    if (text.length > max) return void (await ctx.reply(ctx.t('too-long', { max })));
    const checked = ctx.deps.guard(text);
    if (checked.blocked)
      return void (await ctx.reply(ctx.t('guard-blocked', { categories: checked.categories.join(', ') })));
    await ctx.deps.escalations.followUp(escalation.id, ctx.from.id, checked.redacted);
    await ctx.reply(ctx.t('followup-sent', { id: escalation.id }));
  });

  return feature;
}
