import type { Bot, Context } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';

/** The bot's identity, so that no getMe call is made. */
export const BENCH_BOT_INFO: UserFromGetMe = {
  id: 7_000_000_002,
  is_bot: true,
  first_name: 'Guidelines Assistant (bench)',
  username: 'guidelines_bench_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/**
 * Answers every Bot API call of `bot` at once with a plausible result, nothing over the network: what is
 * measured is the assistant's own work, not Telegram's. Counts the messages sent.
 */
export function captureBotApi<C extends Context>(bot: Bot<C>) {
  const sent = { messages: 0, calls: 0 };
  let messageId = 0;
  bot.api.config.use(async (_prev, method, payload) => {
    sent.calls += 1;
    const p = payload as Record<string, unknown>;
    if (method === 'sendMessage' || method === 'editMessageText') {
      sent.messages += 1;
      const chat = { id: Number(p.chat_id), type: 'private', first_name: 'Staff' };
      const id = method === 'sendMessage' ? ++messageId : Number(p.message_id);
      const result = { message_id: id, date: Math.floor(Date.now() / 1000), chat, text: String(p.text) };
      return { ok: true, result } as never;
    }
    return { ok: true, result: true } as never;
  });
  return sent;
}

let updateId = 0;
let incomingId = 0;

/** A text message from a person in their private chat with the bot, as Telegram delivers it. */
export function textUpdate(userId: number, text: string): Update {
  const from = { id: userId, is_bot: false, first_name: `Staff ${userId}` };
  return {
    update_id: ++updateId,
    message: {
      message_id: ++incomingId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: 'private', first_name: from.first_name },
      from,
      text,
    },
  };
}
