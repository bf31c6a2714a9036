import type { Chat, Message, Update, User } from 'grammy/types';
import type { App } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { composeTelegram, type TelegramAssistant } from '../../src/telegram.ts';
import type { TestDatabase } from './backends.ts';
import { type ApiCall, BOT_INFO, type FakeTelegram, fakeTelegram, person } from './telegram.ts';

/**
 * The escalation flow as `npm start` assembles it (src/telegram.ts), with Telegram replaced by the capturing
 * transformer of ./telegram.ts and the outbox delivered when a test says so.
 */

export const STAFF_IDS = Array.from({ length: 60 }, (_, i) => 1101 + i);
/** Two coordinators, writing in English. */
export const COORDINATORS: User[] = [person(2001, 'en'), person(2002, 'en')];
export const COORDINATORS_CHAT: Chat.SupergroupChat = {
  id: -1_001_555_000_111,
  type: 'supergroup',
  title: 'Cục Chuyển đổi số và Cơ yếu',
};

/** The bot's configuration with two coordinators and their chat; `env` adds or overrides variables. */
export function escalationConfig(db: TestDatabase, env: Record<string, string> = {}): Config {
  return loadConfig({
    ...db.env,
    TELEGRAM_BOT_TOKEN: 'x',
    STAFF_USER_IDS: STAFF_IDS.join(','),
    COORDINATOR_USER_IDS: COORDINATORS.map((c) => c.id).join(','),
    COORDINATOR_CHAT_ID: String(COORDINATORS_CHAT.id),
    COORDINATOR_LANGUAGE: 'en',
    // Tests send many updates per person within a minute.
    RATE_LIMIT_PER_MINUTE: '1000',
    ...env,
  });
}

export interface CapturedAssistant {
  telegram: TelegramAssistant;
  tg: FakeTelegram;
  /** Delivers everything due in the outbox (what the deliverer's timer would do), then resolves. */
  deliver(): Promise<void>;
  /** Handles one update and resolves once its messages are delivered too. */
  send(update: Update): Promise<ApiCall[]>;
}

/** The composed bot on `app`, its Bot API captured; no timer runs, deliveries happen when asked for. */
export function capturedAssistant(app: App, config: Config): CapturedAssistant {
  const telegram = composeTelegram(app, config, 'x', createLogger('silent'), {
    botInfo: BOT_INFO,
    pace: false,
  });
  const tg = fakeTelegram(telegram.bot);
  const deliver = () => telegram.deliverer.kick();
  return {
    telegram,
    tg,
    deliver,
    async send(update) {
      const from = tg.calls.length;
      await telegram.bot.handleUpdate(update);
      await deliver();
      return tg.calls.slice(from);
    },
  };
}

/** The messages Telegram accepted for `chatId`, in order. */
export function deliveredTo(
  calls: ApiCall[],
  chatId: number,
): (ApiCall & { message: Message.TextMessage })[] {
  return calls.filter(
    (c): c is ApiCall & { message: Message.TextMessage } =>
      c.method === 'sendMessage' && c.message !== undefined && Number(c.payload.chat_id) === chatId,
  );
}

/** The card of escalation `id` among the calls: the message that opened it in the coordinators' chat. */
export function cardOf(calls: ApiCall[], id: number) {
  return deliveredTo(calls, COORDINATORS_CHAT.id).filter((c) =>
    String(c.payload.text).startsWith(`<b>Question #${id}</b>`),
  );
}

/** The acknowledgements with escalation `id`'s number that reached the asker. */
export function acksOf(calls: ApiCall[], askerChatId: number, id: number) {
  return deliveredTo(calls, askerChatId).filter((c) =>
    String(c.payload.text).startsWith(`Your question is now #${id} in the coordinators' queue`),
  );
}
