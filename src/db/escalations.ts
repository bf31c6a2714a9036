import type pg from 'pg';
import type { Citation } from '../answer/answer.ts';
import { type AuditAction, audit, auditStatement } from './audit.ts';
import { type OutboxRepository, type OutgoingMessage, queueStatement } from './outbox.ts';
import { parameters } from './params.ts';

export type EscalationState = 'open' | 'claimed' | 'answered' | 'closed' | 'declined';
export type EscalationTrigger =
  | 'low_confidence'
  | 'not_in_public_reports'
  | 'not_covered'
  | 'unverified'
  | 'asked';

export interface NewEscalation {
  exchangeId?: number;
  askerUserId: number;
  askerChatId: number;
  language: string;
  question: string;
  trigger: EscalationTrigger;
  found: Citation[];
  corpusVersion: string | undefined;
}

export interface Escalation extends NewEscalation {
  id: number;
  state: EscalationState;
  claimedBy: number | undefined;
  claimedByName: string | undefined;
  answer: string | undefined;
  cardChatId: number | undefined;
  cardMessageId: number | undefined;
  cardThreadId: number | undefined;
  createdAt: Date;
}

const COLUMNS = `id::int, exchange_id::int AS "exchangeId", asker_user_id::float8 AS "askerUserId",
  asker_chat_id::float8 AS "askerChatId", language, question, trigger, found,
  corpus_version AS "corpusVersion", state, claimed_by::float8 AS "claimedBy", claimed_by_name AS "claimedByName",
  answer, card_chat_id::float8 AS "cardChatId", card_message_id::float8 AS "cardMessageId",
  card_thread_id::float8 AS "cardThreadId", created_at AS "createdAt"`;

function fromRow(row: Record<string, unknown>): Escalation {
  const e = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? undefined : v]));
  return e as unknown as Escalation;
}

/** Messages to send because of a change, built once the escalation's number is known. */
export type MessagesFor = (escalation: Escalation) => OutgoingMessage[];

/**
 * Escalations and their conversation (tables of migration 003). Every change and the messages announcing it
 * are written in one transaction, so that what happened and what will be said about it never disagree.
 */
export function createEscalationsRepository(pool: pg.Pool, outbox: OutboxRepository) {
  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Applies an update to one escalation if it is in one of `from` ($1 is the id, $2 the states, `values` start
   * at $3); undefined when it was not, so of two coordinators acting at once exactly one wins.
   */
  async function transition(
    id: number,
    from: EscalationState[],
    set: string,
    values: unknown[],
    messagesFor: MessagesFor,
    record: { actor: number | undefined; action: AuditAction },
  ): Promise<Escalation | undefined> {
    return inTransaction(async (client) => {
      const result = await client.query(
        `UPDATE escalations SET ${set}, updated_at = now() WHERE id = $1 AND state = ANY($2::text[]) RETURNING ${COLUMNS}`,
        [id, from, ...values],
      );
      const row = result.rows[0];
      if (!row) return undefined;
      const escalation = fromRow(row);
      await outbox.enqueue(client, messagesFor(escalation));
      await audit(client, { ...record, subject: `escalation:${id}` });
      return escalation;
    });
  }

  return {
    /**
     * Stores a new escalation with the messages announcing it and its audit record. Its number is reserved
     * first, so that the messages (which show it) are built before anything is written, and all three are
     * then written by one statement: two round trips instead of a transaction's five, on the path of
     * every question the assistant cannot answer.
     */
    async raise(escalation: NewEscalation, messagesFor: MessagesFor): Promise<Escalation> {
      const reserved = await pool.query<{ id: number }>({
        name: 'escalations.reserve',
        text: "SELECT nextval(pg_get_serial_sequence('escalations', 'id'))::int AS id",
      });
      const id = reserved.rows[0]?.id as number;
      const announced = messagesFor({
        ...escalation,
        id,
        state: 'open',
        claimedBy: undefined,
        claimedByName: undefined,
        answer: undefined,
        cardChatId: undefined,
        cardMessageId: undefined,
        cardThreadId: undefined,
        createdAt: new Date(),
      });
      const { values, param } = parameters();
      const columns = [
        id,
        escalation.exchangeId ?? null,
        escalation.askerUserId,
        escalation.askerChatId,
        escalation.language,
        escalation.question,
        escalation.trigger,
        JSON.stringify(escalation.found),
        escalation.corpusVersion ?? null,
      ].map(param);
      const record = {
        actor: escalation.askerUserId,
        action: 'escalated' as const,
        subject: `escalation:${id}`,
        details: { trigger: escalation.trigger },
      };
      // One statement is atomic, and the outbox's reference to the new row is checked at its end.
      const result = await pool.query(
        `WITH raised AS (
           INSERT INTO escalations (id, exchange_id, asker_user_id, asker_chat_id, language, question, trigger,
             found, corpus_version) VALUES (${columns.join(', ')}) RETURNING ${COLUMNS}),
         queued AS (${queueStatement(announced, param)}),
         audited AS (${auditStatement(record, param)})
         SELECT * FROM raised`,
        values,
      );
      return fromRow(result.rows[0]);
    },

    async get(id: number): Promise<Escalation | undefined> {
      const result = await pool.query(`SELECT ${COLUMNS} FROM escalations WHERE id = $1`, [id]);
      return result.rows[0] ? fromRow(result.rows[0]) : undefined;
    },

    /** The escalation an exchange was escalated as, so a second press of the button raises nothing new. */
    async forExchange(exchangeId: number): Promise<Escalation | undefined> {
      const result = await pool.query(`SELECT ${COLUMNS} FROM escalations WHERE exchange_id = $1`, [
        exchangeId,
      ]);
      return result.rows[0] ? fromRow(result.rows[0]) : undefined;
    },

    /**
     * The escalation whose card (or forum topic) a coordinator's message replies to, or whose follow-up from the
     * asker it replies to: answering the follow-up where it appeared is the natural thing to do.
     */
    async byCard(chatId: number, messageId: number | undefined, threadId: number | undefined) {
      const result = await pool.query(
        `SELECT ${COLUMNS} FROM escalations WHERE card_chat_id = $1
           AND (card_message_id = $2 OR (card_thread_id IS NOT NULL AND card_thread_id = $3)
             OR id IN (SELECT escalation_id FROM escalation_messages
                       WHERE author = 'asker' AND delivered_chat_id = $1 AND delivered_message_id = $2))
         ORDER BY id DESC LIMIT 1`,
        [chatId, messageId ?? null, threadId ?? null],
      );
      return result.rows[0] ? fromRow(result.rows[0]) : undefined;
    },

    /** The escalation whose delivered coordinator's answer the asker replies to. */
    async byDeliveredAnswer(chatId: number, messageId: number): Promise<Escalation | undefined> {
      const result = await pool.query(
        `SELECT ${COLUMNS} FROM escalations WHERE id = (SELECT escalation_id FROM escalation_messages
           WHERE author = 'coordinator' AND delivered_chat_id = $1 AND delivered_message_id = $2)`,
        [chatId, messageId],
      );
      return result.rows[0] ? fromRow(result.rows[0]) : undefined;
    },

    /** Only one coordinator can claim an open escalation; the others get undefined. */
    claim: (id: number, by: number, name: string, messagesFor: MessagesFor) =>
      transition(
        id,
        ['open'],
        "state = 'claimed', claimed_by = $3, claimed_by_name = $4, claimed_at = now()",
        [by, name],
        messagesFor,
        { actor: by, action: 'claimed' },
      ),

    decline: (id: number, by: number, reason: string, messagesFor: MessagesFor) =>
      transition(
        id,
        ['open', 'claimed'],
        "state = 'declined', decline_reason = $3, answered_by = $4, answered_at = now()",
        [reason, by],
        messagesFor,
        { actor: by, action: 'declined' },
      ),

    close: (id: number, by: number | undefined, messagesFor: MessagesFor) =>
      transition(id, ['answered'], "state = 'closed'", [], messagesFor, { actor: by, action: 'closed' }),

    /** Records a coordinator's answer and queues it for the asker (the row remembers where it lands). */
    async answer(
      id: number,
      by: number,
      text: string,
      messagesFor: (e: Escalation, messageId: number) => OutgoingMessage[],
    ) {
      return inTransaction(async (client) => {
        const result = await client.query(
          `UPDATE escalations SET state = 'answered', answer = $2, answered_by = $3, answered_at = now(),
             updated_at = now() WHERE id = $1 AND state IN ('open', 'claimed', 'answered') RETURNING ${COLUMNS}`,
          [id, text, by],
        );
        if (!result.rows[0]) return undefined;
        const escalation = fromRow(result.rows[0]);
        const message = await client.query<{ id: string }>(
          `INSERT INTO escalation_messages (escalation_id, author, user_id, text) VALUES ($1, 'coordinator', $2, $3)
           RETURNING id`,
          [id, by, text],
        );
        await outbox.enqueue(client, messagesFor(escalation, Number(message.rows[0]?.id)));
        await audit(client, { actor: by, action: 'answered', subject: `escalation:${id}` });
        return escalation;
      });
    },

    /** Threads the asker's follow-up to its escalation and queues it for the coordinators. */
    async followUp(
      id: number,
      by: number,
      text: string,
      messagesFor: (e: Escalation, messageId: number) => OutgoingMessage[],
    ) {
      return inTransaction(async (client) => {
        const result = await client.query(`SELECT ${COLUMNS} FROM escalations WHERE id = $1`, [id]);
        if (!result.rows[0]) return undefined;
        // The row remembers where the follow-up lands, so that a coordinator's reply to it finds the escalation.
        const message = await client.query<{ id: string }>(
          `INSERT INTO escalation_messages (escalation_id, author, user_id, text) VALUES ($1, 'asker', $2, $3)
           RETURNING id`,
          [id, by, text],
        );
        // A follow-up reopens a closed conversation: someone has to read it.
        await client.query(
          `UPDATE escalations SET state = 'answered', updated_at = now() WHERE id = $1 AND state = 'closed'`,
          [id],
        );
        const escalation = fromRow(result.rows[0]);
        await outbox.enqueue(client, messagesFor(escalation, Number(message.rows[0]?.id)));
        return escalation;
      });
    },

    /** Open and claimed escalations, oldest first. */
    async queue(limit = 30): Promise<Escalation[]> {
      const result = await pool.query(
        `SELECT ${COLUMNS} FROM escalations WHERE state IN ('open', 'claimed') ORDER BY created_at, id LIMIT $1`,
        [limit],
      );
      return result.rows.map(fromRow);
    },

    /** Marks overdue escalations as reminded (at most once per interval) and returns them. */
    async remind(
      olderThanMs: number,
      everyMs: number,
      messagesFor: (overdue: Escalation[]) => OutgoingMessage[],
    ) {
      return inTransaction(async (client) => {
        const result = await client.query(
          `UPDATE escalations SET last_reminded_at = now()
           WHERE state IN ('open', 'claimed') AND created_at < now() - make_interval(secs => $1)
             AND (last_reminded_at IS NULL OR last_reminded_at < now() - make_interval(secs => $2))
           RETURNING ${COLUMNS}`,
          [olderThanMs / 1000, everyMs / 1000],
        );
        const overdue = result.rows.map(fromRow).sort((a, b) => a.id - b.id);
        if (overdue.length > 0) await outbox.enqueue(client, messagesFor(overdue));
        return overdue;
      });
    },
  };
}

export type EscalationsRepository = ReturnType<typeof createEscalationsRepository>;
