import { Composer, InputFile } from 'grammy';
import type { Escalation } from '../../db/escalations.ts';
import { frequentTopics } from '../../escalation/topics.ts';
import { cleanInput } from '../../text/clean-input.ts';
import { barChartPng } from '../chart.ts';
import type { BotContext } from '../context.ts';
import { cardKeyboard, cardText } from '../escalation-messages.ts';

/** Reason replies and answers are plain text; a coordinator's answer is a message, not a document. */
// An answer goes out with a header and a hint in one message of at most 4,096 characters.
const MAX_TEXT_CHARS = 3500;
const DECLINE_PROMPT = /#(\d+)/;
const STATS_DAYS = 14;

const ageOf = (since: Date, now = Date.now()) => {
  const minutes = Math.max(0, Math.round((now - since.getTime()) / 60_000));
  return minutes < 60
    ? `${minutes} min`
    : minutes < 48 * 60
      ? `${Math.round(minutes / 60)} h`
      : `${Math.round(minutes / 1440)} d`;
};

/** Redraws a card after its state changed; a card that cannot be edited (too old, deleted) stays as it is. */
async function refreshCard(ctx: BotContext, e: Escalation): Promise<void> {
  if (e.cardChatId === undefined || e.cardMessageId === undefined) return;
  const keyboard = cardKeyboard(e, (key) => ctx.t(key));
  await ctx.api
    .editMessageText(
      e.cardChatId,
      e.cardMessageId,
      cardText(e, (key, v) => ctx.t(key, v)),
      {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(keyboard ? { reply_markup: keyboard } : {}),
      },
    )
    .catch((error: Error) =>
      ctx.deps.log.warn({ escalation: e.id, error: error.message }, 'card not refreshed'),
    );
}

/**
 * The coordinators' side, in their chat: Claim / Decline / Close on a card, answering by replying to the card
 * (or writing in its forum topic), the reason for a decline, and /queue. Coordinators only.
 */
export function coordinatorsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const coordinators = feature.filter((ctx) => ctx.roles.has('coordinator'));
  const inTheirChat = (ctx: BotContext) => ctx.chat?.id === ctx.deps.config.coordinators.chatId;
  // Everything coordinators do in their chat is in the coordinators' language, whoever asked.
  coordinators.use((ctx, next) => {
    if (inTheirChat(ctx)) ctx.i18n.useLocale(ctx.deps.config.coordinators.language);
    return next();
  });

  coordinators.callbackQuery(/^claim:(\d+)$/, async (ctx) => {
    const id = Number(ctx.match[1]);
    const name = [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(' ');
    const claimed = await ctx.deps.escalations.claim(id, ctx.from.id, name);
    if (!claimed) {
      const current = await ctx.deps.escalations.get(id);
      return void (await ctx.answerCallbackQuery({
        text: ctx.t('claim-taken', { name: current?.claimedByName ?? '—' }),
        show_alert: true,
      }));
    }
    await ctx.answerCallbackQuery({ text: ctx.t('claim-done') });
    await refreshCard(ctx, claimed);
  });

  coordinators.callbackQuery(/^decline:(\d+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('decline-ask', { id: Number(ctx.match[1]) }), {
      reply_markup: { force_reply: true, selective: true },
      ...(ctx.msg ? { reply_parameters: { message_id: ctx.msg.message_id } } : {}),
      ...(ctx.msg?.message_thread_id ? { message_thread_id: ctx.msg.message_thread_id } : {}),
    });
  });

  coordinators.callbackQuery(/^close:(\d+)$/, async (ctx) => {
    const closed = await ctx.deps.escalations.close(Number(ctx.match[1]), ctx.from.id);
    await ctx.answerCallbackQuery(closed ? { text: ctx.t('closed-done', { id: closed.id }) } : {});
    if (closed) await refreshCard(ctx, closed);
  });

  coordinators.callbackQuery(/^publish:(\d+)$/, async (ctx) => {
    const id = Number(ctx.match[1]);
    const curated = await ctx.deps.escalations.publish(id, ctx.from.id);
    const text = curated ? ctx.t('published-done', { id, curated }) : ctx.t('publish-not-answered', { id });
    await ctx.answerCallbackQuery({ text, show_alert: true });
  });

  coordinators.command('stats', async (ctx) => {
    const stats = await ctx.deps.stats(STATS_DAYS);
    const topics = frequentTopics(stats.escalatedQuestions)
      .map((t) => `${t.surface} (${t.n})`)
      .join(', ');
    const lines = [
      ctx.t('stats-header', { days: STATS_DAYS, ...stats.totals, open: stats.open }),
      stats.medianMinutesToAnswer === undefined
        ? ctx.t('stats-median-none')
        : ctx.t('stats-median', { minutes: stats.medianMinutesToAnswer }),
      ...(topics ? [ctx.t('stats-topics', { topics })] : []),
    ];
    await ctx.reply(lines.join('\n'));
    if (stats.days.length > 1) {
      await ctx.replyWithPhoto(new InputFile(barChartPng(stats.days), 'questions-per-day.png'), {
        caption: ctx.t('stats-chart'),
      });
    }
  });

  coordinators.command('queue', async (ctx) => {
    const open = await ctx.deps.escalations.queue();
    if (open.length === 0) return void (await ctx.reply(ctx.t('queue-empty')));
    const lines = open.map((e) =>
      ctx.t('queue-item', {
        id: e.id,
        age: ageOf(e.createdAt),
        state: ctx.t('card-state', { state: e.state, name: e.claimedByName ?? '' }),
        question: e.question.length > 80 ? `${e.question.slice(0, 79)}…` : e.question,
      }),
    );
    await ctx.reply([ctx.t('queue-header'), ...lines].join('\n'));
  });

  coordinators.on('message:text').filter(inTheirChat, async (ctx, next) => {
    const replyTo = ctx.message.reply_to_message;
    const text = cleanInput(ctx.message.text);
    // Said before anything is recorded: a shortened answer or reason would reach the asker without its end.
    const unusable =
      text === ''
        ? ctx.t('text-empty')
        : text.length > MAX_TEXT_CHARS
          ? ctx.t('text-too-long', { length: text.length, max: MAX_TEXT_CHARS })
          : undefined;
    // The reason for a decline: a reply to the bot's prompt, which names the escalation.
    const prompted = replyTo?.from?.id === ctx.me.id ? DECLINE_PROMPT.exec(replyTo.text ?? '') : null;
    if (prompted && replyTo?.text === ctx.t('decline-ask', { id: Number(prompted[1]) })) {
      if (unusable) return void (await ctx.reply(unusable));
      const declined = await ctx.deps.escalations.decline(Number(prompted[1]), ctx.from.id, text);
      if (declined) await refreshCard(ctx, declined);
      return void (await ctx.reply(
        ctx.t(declined ? 'declined-done' : 'answer-not-open', { id: Number(prompted[1]), state: '—' }),
      ));
    }
    // An answer: a reply to a card, or a message in an escalation's forum topic.
    const thread = ctx.message.is_topic_message ? ctx.message.message_thread_id : undefined;
    const escalation = await ctx.deps.escalations.byCard(ctx.chat.id, replyTo?.message_id, thread);
    if (!escalation) return next();
    if (unusable) return void (await ctx.reply(unusable));
    // A coordinator pasting personal data into an answer is stopped like anyone else.
    const checked = ctx.deps.guard(text);
    if (checked.blocked) {
      return void (await ctx.reply(ctx.t('guard-blocked', { categories: checked.categories.join(', ') })));
    }
    const answered = await ctx.deps.escalations.answer(escalation.id, ctx.from.id, checked.redacted);
    if (!answered) {
      const state = ctx.t('card-state', { state: escalation.state, name: escalation.claimedByName ?? '' });
      return void (await ctx.reply(ctx.t('answer-not-open', { id: escalation.id, state })));
    }
    await refreshCard(ctx, answered);
    await ctx.reply(ctx.t('answer-recorded', { id: escalation.id }), {
      reply_parameters: { message_id: ctx.message.message_id },
    });
  });

  return feature;
}
