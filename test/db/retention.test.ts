import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.ts';
import { type App, openApp } from '../../src/app.ts';
import { createConversationsRepository } from '../../src/db/conversations.ts';
import { createEscalationsRepository } from '../../src/db/escalations.ts';
import { createOutboxRepository } from '../../src/db/outbox.ts';
import { createRetentionRepository } from '../../src/db/retention.ts';
import { BACKENDS, type TestDatabase } from '../helpers/backends.ts';

const POLICY = { days: 30, escalationDays: 90 };
const answer = (text: string): Answer => ({ kind: 'escalated', language: 'en', answer: text, citations: [] });

describe.each(BACKENDS)('retention and the audit log [$name]', (backend) => {
  let db: TestDatabase;
  let app: App;
  const ids: Record<string, number> = {};
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await app.database.pool.query(sql, params)).rows[0]?.n);

  beforeAll(async () => {
    db = await backend.create();
    app = await openApp(db.config);
    const { pool } = app.database;
    const conversations = createConversationsRepository(pool);
    const escalations = createEscalationsRepository(pool, createOutboxRepository(pool));
    const exchange = async (name: string, ageDays: number) => {
      ids[name] = await conversations.recordExchange({
        userId: 7,
        chatId: 7,
        question: name,
        answer: answer(name),
      });
      await pool.query(`UPDATE exchanges SET created_at = now() - make_interval(days => $2) WHERE id = $1`, [
        ids[name],
        ageDays,
      ]);
      await conversations.rate(ids[name] as number, 7, -1);
    };
    await exchange('recent', 5);
    await exchange('old', 40);
    await exchange('old but escalated and open', 40);
    await exchange('old and escalated long closed', 400);
    const raise = (name: string) =>
      escalations.raise(
        {
          exchangeId: ids[name],
          askerUserId: 7,
          askerChatId: 7,
          language: 'en',
          question: name,
          trigger: 'asked',
          found: [],
          corpusVersion: 'v1',
        },
        () => [],
      );
    await raise('old but escalated and open');
    const closed = await raise('old and escalated long closed');
    await escalations.answer(closed.id, 9, 'an answer', () => []);
    await escalations.close(closed.id, 9, () => []);
    await pool.query(`UPDATE escalations SET updated_at = now() - interval '100 days' WHERE id = $1`, [
      closed.id,
    ]);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('shows what would be purged without deleting anything', async () => {
    const retention = createRetentionRepository(app.database.pool);
    expect(await retention.preview(POLICY)).toEqual({
      exchanges: 2,
      feedback: 2,
      escalations: 1,
      deliveredMessages: 0,
    });
    expect(await count('SELECT count(*) AS n FROM exchanges')).toBe(4);
  });

  it('deletes old questions with their feedback and long-closed escalations, keeping what is still in progress', async () => {
    await createRetentionRepository(app.database.pool).purge(POLICY);
    const kept = (await app.database.pool.query('SELECT question FROM exchanges ORDER BY id')).rows.map(
      (r) => r.question,
    );
    expect(kept).toEqual(['recent', 'old but escalated and open']);
    expect(await count('SELECT count(*) AS n FROM feedback')).toBe(2);
    expect(await count('SELECT count(*) AS n FROM escalations')).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'purged'`)).toBe(1);
  });

  it('keeps an append-only audit log of escalations, answers and closings', async () => {
    const actions = (await app.database.pool.query('SELECT action FROM audit_log ORDER BY id')).rows.map(
      (r) => r.action,
    );
    expect(actions).toEqual(['escalated', 'escalated', 'answered', 'closed', 'purged']);
    await expect(app.database.pool.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(app.database.pool.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});
