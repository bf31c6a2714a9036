import type pg from 'pg';
import type { Answer } from '../answer/answer.ts';
import type { Language } from '../text/language.ts';

export interface NewExchange {
  userId: number;
  chatId: number;
  question: string;
  answer: Answer;
}

export interface StoredExchange extends NewExchange {
  id: number;
}

const EXCHANGE = `id::int, user_id::float8 AS "userId", chat_id::float8 AS "chatId", question, answer`;

/** A pressed 👎 whose reason was asked for with a message; a reply to it is the reason. */
export interface ReasonPrompt {
  chatId: number;
  messageId: number;
}

/**
 * The bot's records of a conversation: exchanges, feedback, requests for a coordinator and language
 * preferences (tables of migration 002). Telegram ids fit in 52 bits, so they travel as JS numbers.
 */
export function createConversationsRepository(pool: pg.Pool) {
  return {
    async recordExchange({ userId, chatId, question, answer }: NewExchange): Promise<number> {
      const result = await pool.query<{ id: string }>(
        `INSERT INTO exchanges (user_id, chat_id, language, question, kind, answer, corpus_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          userId,
          chatId,
          answer.language,
          question,
          answer.kind,
          JSON.stringify(answer),
          answer.corpusVersion ?? null,
        ],
      );
      return Number(result.rows[0]?.id);
    },

    /** Stores or changes a person's rating of an answer; false when the exchange does not exist. */
    async rate(exchangeId: number, userId: number, rating: 1 | -1): Promise<boolean> {
      const result = await pool.query(
        `INSERT INTO feedback (exchange_id, user_id, rating)
         SELECT id, $2, $3 FROM exchanges WHERE id = $1
         ON CONFLICT (exchange_id, user_id) DO UPDATE SET rating = EXCLUDED.rating, created_at = now()`,
        [exchangeId, userId, rating],
      );
      return (result.rowCount ?? 0) > 0;
    },

    async setReasonPrompt(exchangeId: number, userId: number, prompt: ReasonPrompt): Promise<void> {
      await pool.query(
        `UPDATE feedback SET reason_prompt_chat_id = $3, reason_prompt_message_id = $4
         WHERE exchange_id = $1 AND user_id = $2`,
        [exchangeId, userId, prompt.chatId, prompt.messageId],
      );
    },

    /** Stores the reason given in reply to a prompt; false when the message was not such a reply. */
    async addReason(userId: number, prompt: ReasonPrompt, reason: string): Promise<boolean> {
      const result = await pool.query(
        `UPDATE feedback SET reason = $4
         WHERE user_id = $1 AND reason_prompt_chat_id = $2 AND reason_prompt_message_id = $3`,
        [userId, prompt.chatId, prompt.messageId, reason],
      );
      return (result.rowCount ?? 0) > 0;
    },

    async exchange(exchangeId: number): Promise<StoredExchange | undefined> {
      const result = await pool.query(`SELECT ${EXCHANGE} FROM exchanges WHERE id = $1`, [exchangeId]);
      return result.rows[0] as StoredExchange | undefined;
    },

    /** A person's latest question, for /human without a question of its own. */
    async lastExchange(userId: number): Promise<StoredExchange | undefined> {
      const result = await pool.query(
        `SELECT ${EXCHANGE} FROM exchanges WHERE user_id = $1 ORDER BY id DESC LIMIT 1`,
        [userId],
      );
      return result.rows[0] as StoredExchange | undefined;
    },

    async language(userId: number): Promise<Language | undefined> {
      const result = await pool.query<{ language: Language }>({
        name: 'conversations.language',
        text: 'SELECT language FROM user_preferences WHERE user_id = $1',
        values: [userId],
      });
      return result.rows[0]?.language;
    },

    async setLanguage(userId: number, language: Language): Promise<void> {
      await pool.query(
        `INSERT INTO user_preferences (user_id, language) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET language = EXCLUDED.language, updated_at = now()`,
        [userId, language],
      );
    },
  };
}

export type ConversationsRepository = ReturnType<typeof createConversationsRepository>;
