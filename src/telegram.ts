import { GrammyError } from 'grammy';
import type { App } from './app.ts';
import { aboutOf } from './bot/about.ts';
import { type CreateBotOptions, createBot } from './bot/bot.ts';
import { createEscalationMessages } from './bot/escalation-messages.ts';
import { createI18n } from './bot/i18n.ts';
import type { Config } from './config.ts';
import { createAuditRepository } from './db/audit.ts';
import { createConversationsRepository } from './db/conversations.ts';
import { createEscalationsRepository } from './db/escalations.ts';
import { createOutboxRepository, type PendingMessage } from './db/outbox.ts';
import { createStatsRepository } from './db/stats.ts';
import { createDeliverer, type Deliverer } from './escalation/deliverer.ts';
import { createEscalationService } from './escalation/service.ts';
import { checkText } from './guard/guard.ts';
import type { Logger } from './logger.ts';
import { createMaintenance } from './maintenance.ts';

/** How often overdue escalations are looked for (each is reminded at most once per REMINDER_INTERVAL). */
const REMINDER_CHECK_MS = 60_000;
/** Follow-ups and coordinators' answers are messages; longer ones are pasted documents. */
const GUARDED_TEXT_CHARS = 3500;
/** Forum topic names are at most 128 characters. */
const TOPIC_NAME_CHARS = 120;
/**
 * A delivery gives up after this long and is left to the outbox's back-off: the API client's auto-retry would
 * otherwise retry a network failure without end, holding up every message behind it (and shutdown) and
 * outliving the outbox's 30-second lease. Telegram answers a sendMessage in well under a second.
 */
const SEND_TIMEOUT_MS = 10_000;

/** Telegram refused for good: a bad request, the bot blocked or removed. Anything else is worth retrying. */
const isPermanent = (error: unknown) =>
  error instanceof GrammyError && (error.error_code === 400 || error.error_code === 403);

/**
 * Wires the Telegram bot to the assistant: conversations, escalations with their outbox and deliverer, and
 * reminders. Used by `npm start` and by the tests, so both run the same assembly.
 */
export function composeTelegram(
  app: App,
  config: Config,
  token: string,
  log: Logger,
  options: CreateBotOptions = {},
) {
  const { pool } = app.database;
  const i18n = createI18n();
  const outbox = createOutboxRepository(pool);
  const stats = createStatsRepository(pool);
  const { coordinators } = config.bot;
  const messages = createEscalationMessages(
    (locale, key, variables) => i18n.t(locale, key, variables),
    coordinators,
  );
  let deliverer: Deliverer | undefined;
  const escalations = createEscalationService({
    escalations: createEscalationsRepository(pool, outbox),
    messages,
    kick: () => void deliverer?.kick(),
    slaMinutes: coordinators.slaMinutes,
    reminderIntervalMinutes: coordinators.reminderIntervalMinutes,
    publish: (escalation, by) => app.curated.publish(escalation, by),
  });
  const assistant = createBot(
    token,
    {
      ask: app.ask,
      conversations: createConversationsRepository(pool),
      about: () => aboutOf(app),
      escalations,
      stats: (days) => stats.since(days),
      audit: createAuditRepository(pool).record,
      maintenance: createMaintenance(app, config.corpusDir, { kick: () => void deliverer?.kick() }),
      guard: (text) => checkText(text, { maxChars: GUARDED_TEXT_CHARS }),
      config: config.bot,
      log,
    },
    { ...options, i18n },
  );
  const { api } = assistant.bot;

  // A forum supergroup gets one topic per escalation; asked once, since a chat does not change kind. A failed
  // look-up is not remembered: that card goes without a topic, the next one asks again.
  let forum: Promise<boolean> | undefined;
  // grammY types a signal as its polyfill's AbortSignal; at run time it takes Node's.
  type Signal = NonNullable<Parameters<typeof api.sendMessage>[3]>;
  const isForum = (chatId: number, signal: Signal) => {
    forum ??= api.getChat(chatId, signal).then((chat) => 'is_forum' in chat && chat.is_forum === true);
    return forum.catch(() => {
      forum = undefined;
      return false;
    });
  };
  // The topic opened for a card whose sending failed, reused when it is retried rather than opening another.
  const topics = new Map<number, number>();
  async function send(message: PendingMessage) {
    const { text, topic_name: topicName, ...rest } = message.payload;
    const signal = AbortSignal.timeout(SEND_TIMEOUT_MS) as unknown as Signal;
    let threadId = topics.get(message.id);
    if (threadId === undefined && message.purpose === 'card' && (await isForum(message.chatId, signal))) {
      const name = String(topicName ?? `#${message.escalationId}`).slice(0, TOPIC_NAME_CHARS);
      threadId = (await api.createForumTopic(message.chatId, name, {}, signal)).message_thread_id;
      topics.set(message.id, threadId);
    }
    const sent = await api.sendMessage(
      message.chatId,
      text,
      { ...rest, ...(threadId ? { message_thread_id: threadId } : {}) },
      signal,
    );
    topics.delete(message.id);
    return { messageId: sent.message_id, ...(threadId ? { threadId } : {}) };
  }
  deliverer = createDeliverer({ outbox, send, isPermanent, log });

  let reminders: NodeJS.Timeout | undefined;
  return {
    ...assistant,
    deliverer,
    escalations,
    outbox,
    /** Starts delivering the outbox (resuming what a previous run left) and reminding of overdue questions. */
    startBackground() {
      deliverer?.start();
      if (coordinators.chatId !== undefined) {
        reminders = setInterval(() => {
          escalations
            .remindOverdue()
            .catch((error: Error) => log.error({ err: error.message }, 'reminders failed'));
        }, REMINDER_CHECK_MS);
      }
    },
    async stopBackground() {
      clearInterval(reminders);
      await deliverer?.stop();
    },
  };
}

export type TelegramAssistant = ReturnType<typeof composeTelegram>;
