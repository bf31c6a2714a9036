import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.ts';

/** Progress edits are spaced out: Telegram limits how often one message may be edited. */
const PROGRESS_EDIT_MS = 2_000;
const MAX_REPORT_CHARS = 3_500;

/**
 * /reindex, /versions and /rollback for maintainers. Changing the index asks for confirmation first; the
 * re-index edits one message with its progress, then shows the summary.
 */
export function maintainersFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const maintainers = feature.filter((ctx) => ctx.roles.has('maintainer'));
  const confirm = (action: string, ctx: BotContext) =>
    new InlineKeyboard()
      .text(ctx.t('button-confirm'), `confirm:${action}`)
      .text(ctx.t('button-cancel'), 'cancel');

  maintainers.command('versions', async (ctx) => {
    await ctx.reply(await ctx.deps.maintenance.versions());
  });

  maintainers.command('reindex', (ctx) =>
    ctx.reply(ctx.t('reindex-confirm'), { reply_markup: confirm('reindex', ctx) }),
  );
  maintainers.command('rollback', (ctx) =>
    ctx.reply(ctx.t('rollback-confirm'), { reply_markup: confirm('rollback', ctx) }),
  );

  maintainers.callbackQuery('cancel', async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('cancelled'));
  });

  maintainers.callbackQuery('confirm:rollback', async (ctx) => {
    await ctx.answerCallbackQuery();
    try {
      const text = await ctx.deps.maintenance.rollback(ctx.from.id);
      await ctx.editMessageText(text);
    } catch (error) {
      await ctx.editMessageText(ctx.t('maintenance-failed', { reason: (error as Error).message }));
    }
  });

  maintainers.callbackQuery('confirm:reindex', async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('reindex-started'));
    let lastEdit = Date.now();
    try {
      const summary = await ctx.deps.maintenance.reindex(ctx.from.id, (line) => {
        if (Date.now() - lastEdit < PROGRESS_EDIT_MS) return;
        lastEdit = Date.now();
        void ctx.editMessageText(line).catch(() => undefined);
      });
      await ctx.editMessageText(
        summary.length > MAX_REPORT_CHARS ? `${summary.slice(0, MAX_REPORT_CHARS)}…` : summary,
      );
    } catch (error) {
      await ctx.editMessageText(ctx.t('maintenance-failed', { reason: (error as Error).message }));
    }
  });

  return feature;
}
