import { InlineKeyboard } from 'grammy';
import type { BotContext } from './context.ts';

/** Callback data: short (Telegram allows 64 bytes) and self-describing. */
export const CALLBACK = {
  up: /^up:(\d+)$/,
  down: /^down:(\d+)$/,
  coordinator: /^coord:(\d+)$/,
  language: /^lang:(vi|en|uk)$/,
};

export function answerKeyboard(ctx: BotContext, exchangeId: number): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t('button-up'), `up:${exchangeId}`)
    .text(ctx.t('button-down'), `down:${exchangeId}`)
    .row()
    .text(ctx.t('button-coordinator'), `coord:${exchangeId}`);
}

export function languageKeyboard(): InlineKeyboard {
  return new InlineKeyboard()
    .text('Tiếng Việt', 'lang:vi')
    .text('English', 'lang:en')
    .text('Українська', 'lang:uk');
}
