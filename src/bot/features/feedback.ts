import { Composer } from 'grammy';
import { cleanInput, clip } from '../../text/clean-input.ts';
import type { BotContext } from '../context.ts';
import { CALLBACK } from '../keyboard.ts';
import { escalateExchange } from './escalation.ts';

/** Longer reasons are cut: a reason is a remark, not a document. */
const MAX_REASON_CHARS = 500;

/** 👍 / 👎 under an answer (a 👎 may carry a reason) and "Ask a coordinator". */
export function feedbackFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  for (const [pattern, rating] of [
    [CALLBACK.up, 1],
    [CALLBACK.down, -1],
  ] as const) {
    feature.callbackQuery(pattern, async (ctx) => {
      const exchangeId = Number(ctx.match[1]);
      const saved = await ctx.deps.conversations.rate(exchangeId, ctx.from.id, rating);
      await ctx.answerCallbackQuery({ text: ctx.t(saved ? 'feedback-thanks' : 'feedback-gone') });
      if (!saved || rating === 1) return;
      // `selective` aims the forced reply at the author of the message replied to, which here is the bot
      // itself; so the prompt forces a reply on everyone, and only the presser's reply is taken as the reason.
      const prompt = await ctx.reply(ctx.t('feedback-reason-ask'), {
        reply_markup: { force_reply: true },
        ...(ctx.msg ? { reply_parameters: { message_id: ctx.msg.message_id } } : {}),
      });
      await ctx.deps.conversations.setReasonPrompt(exchangeId, ctx.from.id, {
        chatId: prompt.chat.id,
        messageId: prompt.message_id,
      });
    });
  }

  feature.callbackQuery(CALLBACK.coordinator, async (ctx) => {
    await ctx.answerCallbackQuery();
    const exchange = await ctx.deps.conversations.exchange(Number(ctx.match[1]));
    // Only the asker can hand their question over; the acknowledgement with its number comes from the outbox.
    if (!exchange || exchange.userId !== ctx.from.id) return void (await ctx.reply(ctx.t('feedback-gone')));
    await escalateExchange(ctx, exchange, 'asked');
  });

  // A reply to the bot's request for a reason is that reason, not a new question.
  feature.on('message:text', async (ctx, next) => {
    const replyTo = ctx.message.reply_to_message;
    if (!replyTo || replyTo.from?.id !== ctx.me.id) return next();
    const prompt = { chatId: ctx.chat.id, messageId: replyTo.message_id };
    const reason = clip(cleanInput(ctx.message.text), MAX_REASON_CHARS);
    if (!(await ctx.deps.conversations.addReason(ctx.from.id, prompt, reason))) return next();
    await ctx.reply(ctx.t('feedback-reason-saved'));
  });

  return feature;
}
