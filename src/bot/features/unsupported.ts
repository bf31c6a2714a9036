import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';

/** Everything the bot does not take as a question gets a short reason instead of silence. */
export function unsupportedFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  // Answers are kept with the question they answered, so an edit would silently change history.
  feature.on('edited_message', async (ctx) => {
    if (ctx.chat.type === 'private') await ctx.reply(ctx.t('edited'));
  });
  // Stickers, photos, voice, files…: private chats only, so a group's ordinary traffic is left alone.
  feature.on('message', async (ctx) => {
    if (ctx.chat.type === 'private') await ctx.reply(ctx.t('not-text'));
  });
  feature.on('callback_query', (ctx) => ctx.answerCallbackQuery());
  return feature;
}
