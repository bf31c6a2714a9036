import type pg from 'pg';
import { type Param, parameters } from './params.ts';

type Queryable = pg.Pool | pg.PoolClient;

/** sendMessage parameters besides chat_id. */
export type OutgoingPayload = Record<string, unknown> & { text: string };

export interface OutgoingMessage {
  /** `review`: curated answers a re-index hid until the coordinators review them. */
  purpose: 'card' | 'ack' | 'answer' | 'declined' | 'followup' | 'reminder' | 'review';
  chatId: number;
  payload: OutgoingPayload;
  escalationId?: number;
  escalationMessageId?: number;
}

export interface PendingMessage extends OutgoingMessage {
  id: number;
  attempts: number;
}

/**
 * The statement that queues `messages`, in their order: one for any number of them, with one parameter, so
 * that a change and its messages can also be written as one statement (see the escalations' `raise`).
 */
export function queueStatement(messages: OutgoingMessage[], param: Param): string {
  const rows = messages.map((m) => ({
    escalation_id: m.escalationId ?? null,
    purpose: m.purpose,
    chat_id: m.chatId,
    payload: m.payload,
    escalation_message_id: m.escalationMessageId ?? null,
  }));
  return `INSERT INTO outbox (escalation_id, purpose, chat_id, payload, escalation_message_id)
    SELECT escalation_id, purpose, chat_id, payload, escalation_message_id
    FROM ROWS FROM (jsonb_to_recordset(${param(JSON.stringify(rows))}::jsonb)
      AS (escalation_id bigint, purpose text, chat_id bigint, payload jsonb, escalation_message_id bigint))
      WITH ORDINALITY AS m (escalation_id, purpose, chat_id, payload, escalation_message_id, position)
    ORDER BY position`;
}

/**
 * Messages waiting to be delivered to Telegram (table `outbox` of migration 003). A message is written in the
 * same transaction as the change it reports and marked delivered only once Telegram has accepted it.
 */
export function createOutboxRepository(pool: pg.Pool) {
  return {
    async enqueue(client: Queryable, messages: OutgoingMessage[]): Promise<void> {
      if (messages.length === 0) return;
      const { values, param } = parameters();
      await client.query(queueStatement(messages, param), values);
    },

    /**
     * Due messages, oldest first; each is taken by one deliverer even with several replicas running. Taking
     * one leases it for 30 seconds: if its deliverer dies before Telegram accepts it, it is due again then.
     */
    async due(limit: number): Promise<PendingMessage[]> {
      const result = await pool.query<{
        id: string;
        escalation_id: string | null;
        purpose: OutgoingMessage['purpose'];
        chat_id: string;
        payload: OutgoingPayload;
        escalation_message_id: string | null;
        attempts: number;
      }>(
        `UPDATE outbox SET next_attempt_at = now() + interval '30 seconds'
         WHERE id IN (SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at <= now()
                      ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING id, escalation_id, purpose, chat_id, payload, escalation_message_id, attempts`,
        [limit],
      );
      return result.rows
        .map((r) => ({
          id: Number(r.id),
          purpose: r.purpose,
          chatId: Number(r.chat_id),
          payload: r.payload,
          attempts: r.attempts,
          ...(r.escalation_id ? { escalationId: Number(r.escalation_id) } : {}),
          ...(r.escalation_message_id ? { escalationMessageId: Number(r.escalation_message_id) } : {}),
        }))
        .sort((a, b) => a.id - b.id);
    },

    /** Records Telegram's acceptance, and where the message landed when a later reply must find it. */
    async delivered(message: PendingMessage, telegramMessageId: number, threadId?: number): Promise<void> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `UPDATE outbox SET state = 'delivered', delivered_at = now(), telegram_message_id = $2,
             attempts = attempts + 1 WHERE id = $1`,
          [message.id, telegramMessageId],
        );
        if (message.purpose === 'card' && message.escalationId) {
          await client.query(
            `UPDATE escalations SET card_chat_id = $2, card_message_id = $3,
               card_thread_id = coalesce($4, card_thread_id) WHERE id = $1`,
            [message.escalationId, message.chatId, telegramMessageId, threadId ?? null],
          );
        }
        if (message.escalationMessageId) {
          await client.query(
            'UPDATE escalation_messages SET delivered_chat_id = $2, delivered_message_id = $3 WHERE id = $1',
            [message.escalationMessageId, message.chatId, telegramMessageId],
          );
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },

    async retryLater(id: number, error: string, delayMs: number): Promise<void> {
      await pool.query(
        `UPDATE outbox SET attempts = attempts + 1, last_error = $2,
           next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1`,
        [id, error.slice(0, 500), delayMs / 1000],
      );
    },

    /** Telegram refused the message for good (the chat is gone, the bot was blocked): kept, not retried. */
    async failed(id: number, error: string): Promise<void> {
      await pool.query(
        `UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = $2 WHERE id = $1`,
        [id, error.slice(0, 500)],
      );
    },

    async pendingCount(): Promise<number> {
      const result = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox WHERE state = 'pending'`,
      );
      return result.rows[0]?.n ?? 0;
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
