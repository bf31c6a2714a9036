import { join } from 'node:path';
import { I18n } from '@grammyjs/i18n';
import type { Language } from '../text/language.ts';
import type { BotContext } from './context.ts';

export const LANGUAGES: readonly Language[] = ['vi', 'en', 'uk'];
const isLanguage = (code: string | undefined): code is Language => LANGUAGES.includes(code as Language);

/**
 * The bot's own messages in Vietnamese, English and Ukrainian (Fluent files in ./locales). The language is the
 * one chosen with /lang, else the Telegram client's, else Vietnamese; an answer switches to the language of
 * its question unless one was chosen.
 */
export function createI18n(): I18n<BotContext> {
  return new I18n<BotContext>({
    defaultLocale: 'vi',
    directory: join(import.meta.dirname, 'locales'),
    // Unicode isolation marks around values would show up in copied text and break tests of it.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: async (ctx) => {
      const chosen = await chosenLanguage(ctx);
      if (chosen) return chosen;
      const client = ctx.from?.language_code?.slice(0, 2);
      return isLanguage(client) ? client : 'vi';
    },
  });
}

// Read once per update: the locale negotiation and the answer both ask for it (a query each otherwise).
const chosenPerUpdate = new WeakMap<BotContext, Promise<Language | undefined>>();

/** The language the asker chose with /lang, if any. */
export function chosenLanguage(ctx: BotContext): Promise<Language | undefined> {
  let chosen = chosenPerUpdate.get(ctx);
  if (!chosen) {
    chosen = ctx.from ? ctx.deps.conversations.language(ctx.from.id) : Promise.resolve(undefined);
    chosenPerUpdate.set(ctx, chosen);
  }
  return chosen;
}

export { isLanguage };
