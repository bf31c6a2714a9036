import type { Bot, Context } from 'grammy';
import type {
  Chat,
  ChatMember,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  Update,
  User,
  UserFromGetMe,
} from 'grammy/types';
import { BENCH_BOT_INFO } from '../../src/bench/telegram-capture.ts';

/** The bot's identity: given to `createBot` so that no getMe call is made. */
export const BOT_INFO: UserFromGetMe = {
  ...BENCH_BOT_INFO,
  id: 7_000_000_001,
  first_name: 'Guidelines Assistant',
  username: 'guidelines_test_bot',
};

const BOT_USER: User = {
  id: BOT_INFO.id,
  is_bot: true,
  first_name: BOT_INFO.first_name,
  username: BOT_INFO.username,
};

export const GROUP: Chat.SupergroupChat = {
  id: -1_001_234_567_890,
  type: 'supergroup',
  title: 'Ban Chuyển đổi số',
};

/** Ids are unique across the whole test run; Telegram's are per chat, so unique ones are always plausible. */
let lastUpdateId = 0;
let lastMessageId = 0;
let lastCallbackId = 0;
const now = () => Math.floor(Date.now() / 1000);

export function person(id: number, languageCode?: string): User {
  return {
    id,
    is_bot: false,
    first_name: `Person ${id}`,
    ...(languageCode ? { language_code: languageCode } : {}),
  };
}

const privateChat = (user: User): Chat.PrivateChat => ({
  id: user.id,
  type: 'private',
  first_name: user.first_name,
});

/** The entities Telegram would attach: a command at the start, and every @mention. */
function entitiesOf(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const command = /^\/\w+(@\w+)?/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const match of text.matchAll(/(?<![\w/])@\w{5,32}/g)) {
    entities.push({ type: 'mention', offset: match.index, length: match[0].length });
  }
  return entities;
}

interface MessageOptions {
  /** Defaults to the sender's private chat. */
  chat?: IncomingMessage['chat'];
  replyTo?: Message;
  /** A forum topic the message is written in; it then replies to the topic's first message unless `replyTo`. */
  thread?: number;
}

type IncomingMessage = NonNullable<Update['message']>;

function message<M = IncomingMessage>(
  from: User,
  fields: Record<string, unknown>,
  options: MessageOptions = {},
): M {
  const chat = options.chat ?? privateChat(from);
  // In a forum, Telegram makes every message in a topic a reply to the service message that opened it.
  const topicOpener =
    options.thread === undefined
      ? undefined
      : {
          message_id: options.thread,
          message_thread_id: options.thread,
          is_topic_message: true,
          date: now(),
          chat,
          from: BOT_USER,
          forum_topic_created: { name: 'topic', icon_color: 7_322_096 },
        };
  const replyTo = options.replyTo ?? topicOpener;
  return {
    message_id: ++lastMessageId,
    date: now(),
    chat,
    from,
    ...(options.thread === undefined ? {} : { message_thread_id: options.thread, is_topic_message: true }),
    ...(replyTo ? { reply_to_message: replyTo } : {}),
    ...fields,
  } as M;
}

const update = (fields: Omit<Update, 'update_id'>): Update => ({ update_id: ++lastUpdateId, ...fields });

/** Updates as Telegram sends them to a bot. */
export const updates = {
  text(from: User, text: string, options: MessageOptions = {}): Update {
    const entities = entitiesOf(text);
    return update({
      message: message(from, { text, ...(entities.length > 0 ? { entities } : {}) }, options),
    });
  },
  edited(from: User, text: string, options: MessageOptions = {}): Update {
    const edited = message<NonNullable<Update['edited_message']>>(from, { text, edit_date: now() }, options);
    return update({ edited_message: edited });
  },
  sticker(from: User, options: MessageOptions = {}): Update {
    const sticker = {
      file_id: 'sticker-file',
      file_unique_id: 'sticker-unique',
      type: 'regular',
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji: '👍',
    };
    return update({ message: message(from, { sticker }, options) });
  },
  photo(from: User, options: MessageOptions = {}): Update {
    const photo = [{ file_id: 'photo-file', file_unique_id: 'photo-unique', width: 800, height: 600 }];
    return update({ message: message(from, { photo, caption: 'Ảnh chụp tài liệu' }, options) });
  },
  voice(from: User, options: MessageOptions = {}): Update {
    const voice = { file_id: 'voice-file', file_unique_id: 'voice-unique', duration: 4 };
    return update({ message: message(from, { voice }, options) });
  },
  document(from: User, options: MessageOptions = {}): Update {
    const document = { file_id: 'doc-file', file_unique_id: 'doc-unique', file_name: 'huong-dan.pdf' };
    return update({ message: message(from, { document }, options) });
  },
  /** A press of an inline button under `on`, a message the bot sent. */
  callback(from: User, data: string, on: Message): Update {
    return update({
      callback_query: {
        id: String(++lastCallbackId),
        from,
        chat_instance: `instance-${on.chat.id}`,
        data,
        message: on,
      },
    });
  },
};

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** For sendMessage and editMessageText: the message Telegram returned. */
  message?: Message.TextMessage;
  /** Set when the call was answered with a failure (see `FakeTelegram.fault`). */
  failed?: string;
}

/** A Bot API failure: Telegram's error answer, or a thrown error (the network failed). */
export type Failure = { ok: false; error_code: number; description: string } | Error;

/** getChatMember's answer for a user: a member record, or Telegram's error (the bot is not in that chat…). */
export type ChatMemberAnswer = ChatMember | { error: string };

export interface FakeTelegram {
  /** Every Bot API call since the bot was created, in order. */
  calls: ApiCall[];
  /** What getChatMember answers; a user "left" the chat unless set otherwise. */
  chatMember: (chatId: number, userId: number) => ChatMemberAnswer;
  /** What getChat answers; a group is a supergroup without topics unless set otherwise. */
  chat: (chatId: number) => Chat;
  /** A failure to answer a call with instead of its result; none unless set. */
  fault: (method: string, payload: Record<string, unknown>) => Failure | undefined;
  /** Handles one update and returns the API calls it made. */
  send(update: Update): Promise<ApiCall[]>;
}

const chatOf = (chatId: number): Chat =>
  chatId > 0 ? { id: chatId, type: 'private', first_name: `Person ${chatId}` } : { ...GROUP, id: chatId };

/** The messages the bot sent or edited in `calls`, as Telegram returned them. */
export function sentMessages(calls: ApiCall[]): Message.TextMessage[] {
  return calls.flatMap((call) => (call.message ? [call.message] : []));
}

/** The texts of the messages the bot sent or edited in `calls`. */
export function sentTexts(calls: ApiCall[]): string[] {
  return sentMessages(calls).map((m) => m.text);
}

export function callsOf(calls: ApiCall[], method: string): ApiCall[] {
  return calls.filter((call) => call.method === method);
}

/** Callback data of an inline keyboard, row by row. */
export function keyboardOf(call: ApiCall): { text: string; data: string | undefined }[][] | undefined {
  const markup = call.payload.reply_markup as InlineKeyboardMarkup | undefined;
  return markup?.inline_keyboard?.map((row) =>
    row.map((button) => ({
      text: button.text,
      data: 'callback_data' in button ? button.callback_data : undefined,
    })),
  );
}

/**
 * Replaces Telegram: every Bot API call of `bot` is recorded and answered with a plausible result, and
 * nothing goes over the network. Install it after the bot's own transformers, so that it is the outermost.
 */
export function fakeTelegram<C extends Context>(bot: Bot<C>): FakeTelegram {
  const calls: ApiCall[] = [];
  const fake: FakeTelegram = {
    calls,
    chatMember: (_chatId, userId) => ({ status: 'left', user: person(userId) }),
    chat: chatOf,
    fault: () => undefined,
    async send(u) {
      const from = calls.length;
      await bot.handleUpdate(u);
      return calls.slice(from);
    },
  };

  function textMessage(payload: Record<string, unknown>, messageId: number): Message.TextMessage {
    const thread = payload.message_thread_id;
    return {
      message_id: messageId,
      date: now(),
      chat: chatOf(Number(payload.chat_id)),
      from: BOT_USER,
      text: String(payload.text),
      ...(thread ? { message_thread_id: Number(thread), is_topic_message: true } : {}),
      ...(payload.reply_markup && 'inline_keyboard' in (payload.reply_markup as object)
        ? { reply_markup: payload.reply_markup as InlineKeyboardMarkup }
        : {}),
    } as Message.TextMessage;
  }

  bot.api.config.use(async (_prev, method, payload) => {
    const call: ApiCall = { method, payload: payload as Record<string, unknown> };
    calls.push(call);
    const p = call.payload;
    const failure = fake.fault(method, p);
    if (failure) {
      call.failed = failure instanceof Error ? failure.message : failure.description;
      if (failure instanceof Error) throw failure;
      return failure as never;
    }
    switch (method) {
      case 'sendMessage':
        call.message = textMessage(p, ++lastMessageId);
        return { ok: true, result: call.message } as never;
      case 'editMessageText':
        call.message = textMessage(p, Number(p.message_id));
        return { ok: true, result: call.message } as never;
      case 'getChat':
        return { ok: true, result: fake.chat(Number(p.chat_id)) } as never;
      case 'createForumTopic':
        return {
          ok: true,
          result: { message_thread_id: ++lastMessageId, name: String(p.name), icon_color: 7_322_096 },
        } as never;
      case 'getChatMember': {
        const answer = fake.chatMember(Number(p.chat_id), Number(p.user_id));
        if ('error' in answer) return { ok: false, error_code: 400, description: answer.error } as never;
        return { ok: true, result: answer } as never;
      }
      default:
        // answerCallbackQuery, sendChatAction and the rest answer `true`.
        return { ok: true, result: true } as never;
    }
  });
  return fake;
}

/** A message's HTML as plain text: tags dropped (a link keeps its address), entities decoded. */
export function plainText(html: string): string {
  return html
    .replace(/<a href="([^"]*)">([^<]*)<\/a>/g, '$2 ($1)')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** One step of a conversation: what the person did and the calls the bot made in answer. */
export interface Turn {
  update: Update;
  calls: ApiCall[];
}

/** A message's HTML as Markdown, for reading: bold, italics, quotes and links kept, entities decoded. */
function markdownOf(html: string): string {
  const markdown = html
    .replace(/<blockquote>([\s\S]*?)<\/blockquote>/g, (_, quote: string) =>
      quote
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n'),
    )
    .replace(/<b>([\s\S]*?)<\/b>/g, '**$1**')
    .replace(/<i>([\s\S]*?)<\/i>/g, '_$1_')
    .replace(/<a href="([^"]*)">([\s\S]*?)<\/a>/g, '[$2]($1)');
  return plainText(markdown)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n\n');
}

function buttonLabel(update: Update): string {
  const query = update.callback_query;
  const markup = (query?.message as Message | undefined)?.reply_markup;
  const button = markup?.inline_keyboard
    .flat()
    .find((b) => 'callback_data' in b && b.callback_data === query?.data);
  return button?.text ?? String(query?.data);
}

function personSide(update: Update): string {
  if (update.callback_query) return `**Person** presses [${buttonLabel(update)}]`;
  const message = update.message ?? update.edited_message;
  const quoted = message?.reply_to_message ? ' (replying to the bot)' : '';
  return `**Person**${quoted}: ${message?.text ?? '(not text)'}`;
}

function botSide(call: ApiCall): string | undefined {
  if (call.method === 'answerCallbackQuery') {
    const text = call.payload.text;
    return text ? `_${call.payload.show_alert ? 'Alert' : 'Notice'}:_ ${String(text)}` : undefined;
  }
  if (!call.message) return undefined;
  const keyboard = keyboardOf(call);
  const forceReply = (call.payload.reply_markup as { force_reply?: boolean } | undefined)?.force_reply;
  const extras = [
    ...(keyboard
      ? [`_Buttons:_ ${keyboard.map((row) => row.map((b) => `[${b.text}]`).join(' ')).join(' / ')}`]
      : []),
    ...(forceReply ? ['_(asks for a reply)_'] : []),
  ];
  return ['**Bot:**', '', markdownOf(call.message.text), ...extras.flatMap((e) => ['', e])].join('\n');
}

/** A conversation as Markdown: each thing the person did, then what the bot answered. */
export function transcript(title: string, intro: string, turns: Turn[]): string {
  const lines = [`# ${title}`, '', intro, ''];
  for (const { update, calls } of turns) {
    lines.push('---', '', personSide(update), '');
    for (const call of calls) {
      const shown = botSide(call);
      if (shown) lines.push(shown, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
