import { autoRetry } from '@grammyjs/auto-retry';
import type { I18n } from '@grammyjs/i18n';
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { Bot, type BotError, type BotConfig as GrammyBotConfig } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { createAccess } from './access.ts';
import type { BotContext, BotDeps } from './context.ts';
import { commandsFeature } from './features/commands.ts';
import { coordinatorsFeature } from './features/coordinators.ts';
import { escalationFeature } from './features/escalation.ts';
import { feedbackFeature } from './features/feedback.ts';
import { maintainersFeature } from './features/maintainers.ts';
import { questionsFeature } from './features/questions.ts';
import { unsupportedFeature } from './features/unsupported.ts';
import { createI18n } from './i18n.ts';
import { createInFlight } from './in-flight.ts';

export interface CreateBotOptions {
  /** Tests give the bot's identity, so that no getMe call is made. */
  botInfo?: UserFromGetMe;
  /**
   * Pace outgoing calls within Telegram's limits (about 1 message/s per chat, 20/min per group, 30/s in all).
   * Tests that capture the API turn it off.
   */
  pace?: boolean;
  /** The bot's messages; shared with the escalation messages sent from outside an update. */
  i18n?: I18n<BotContext>;
}

/** The bot, assembled in order: ordering per chat, dependencies, language, access, rate limit, features. */
export function createBot(token: string, deps: BotDeps, options: CreateBotOptions = {}) {
  const client: GrammyBotConfig<BotContext>['client'] = deps.config.apiRoot
    ? { apiRoot: deps.config.apiRoot }
    : {};
  const bot = new Bot<BotContext>(token, {
    client,
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  // 429s are waited out as Telegram says (retry_after); other failures surface at once.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  if (options.pace !== false) bot.api.config.use(apiThrottler());

  const inFlight = createInFlight<BotContext>();
  // bot.catch serves long polling only: in webhook mode an error would reach the HTTP server instead (a 500,
  // and Telegram delivering the update again), so the handler also guards all middleware itself.
  const onError = async ({ ctx, error }: BotError<BotContext>) => {
    deps.log.error({ update: ctx.update.update_id, err: describe(error) }, 'update failed');
    try {
      await ctx.reply(ctx.t('error'));
    } catch {
      // The failure may be Telegram itself, or came before the language was known: the log has it.
    }
  };
  bot.catch(onError);
  const guarded = bot.errorBoundary(onError);
  // One chat's updates in order (a follow-up never overtakes its question); chats never wait for each other.
  guarded.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  guarded.use(inFlight.middleware);
  guarded.use((ctx, next) => {
    ctx.deps = deps;
    return next();
  });
  guarded.use(options.i18n ?? createI18n());
  guarded.use(createAccess(deps.config.access));
  guarded.use(
    limit<BotContext, never>({
      timeFrame: 60_000,
      limit: deps.config.rateLimitPerMinute,
      keyGenerator: (ctx) => ctx.from?.id.toString(),
      onLimitExceeded: async (ctx) => {
        if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t('rate-limited') });
        else await ctx.reply(ctx.t('rate-limited'));
      },
    }),
  );
  guarded.use(
    commandsFeature(),
    coordinatorsFeature(),
    maintainersFeature(),
    escalationFeature(),
    feedbackFeature(),
    questionsFeature(),
    unsupportedFeature(),
  );
  return { bot, inFlight };
}

/** The error's type and message only: a message from the API never carries the user's text, a stack might. */
function describe(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'unknown', message: String(error) };
}

export type AssistantBot = ReturnType<typeof createBot>;
