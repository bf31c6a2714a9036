import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import { isLanguage } from '../i18n.ts';
import { CALLBACK, languageKeyboard } from '../keyboard.ts';

/** /start, /help, /about and /lang (with its buttons). */
export function commandsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('start', (ctx) => ctx.reply(ctx.t('start')));
  feature.command('help', (ctx) => ctx.reply(ctx.t('help')));

  feature.command('about', async (ctx) => {
    const { version, documents } = await ctx.deps.about();
    if (!version) return void (await ctx.reply(ctx.t('about-empty')));
    const language = await ctx.i18n.getLocale();
    // The documents in the reader's language where a translation exists, else in Vietnamese.
    const shown = documents.filter((d) => d.language === language);
    const lines = (shown.length > 0 ? shown : documents.filter((d) => d.language === 'vi')).map((d) =>
      ctx.t('about-document', { title: d.title, status: ctx.t(`status-${d.status}`), edition: d.edition }),
    );
    await ctx.reply([ctx.t('about-header', { version }), ...lines, '', ctx.t('about-footnote')].join('\n'));
  });

  feature.command('lang', async (ctx) => {
    const requested = ctx.match.trim().toLowerCase();
    if (isLanguage(requested)) return setLanguage(ctx, requested);
    await ctx.reply(ctx.t('lang-choose'), { reply_markup: languageKeyboard() });
  });

  feature.callbackQuery(CALLBACK.language, async (ctx) => {
    const language = ctx.match[1];
    if (!isLanguage(language)) return;
    await ctx.answerCallbackQuery();
    await setLanguage(ctx, language);
  });

  return feature;
}

async function setLanguage(ctx: BotContext, language: 'vi' | 'en' | 'uk'): Promise<void> {
  if (!ctx.from) return;
  await ctx.deps.conversations.setLanguage(ctx.from.id, language);
  ctx.i18n.useLocale(language);
  await ctx.reply(ctx.t('lang-set'));
}
