import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, openApp } from '../../src/app.ts';
import { createEscalationsRepository, type NewEscalation } from '../../src/db/escalations.ts';
import { createOutboxRepository, type OutgoingMessage } from '../../src/db/outbox.ts';
import { BACKENDS, type TestDatabase } from '../helpers/backends.ts';

const QUESTION: NewEscalation = {
  askerUserId: 7,
  askerChatId: 70,
  language: 'vi',
  question: 'Ai ký Hướng dẫn?',
  trigger: 'not_in_public_reports',
  found: [],
  corpusVersion: 'v1',
};

/** Raising an escalation: the row, the messages announcing it and its audit record, all or nothing. */
describe.each(BACKENDS)('raising an escalation [$name]', (backend) => {
  let db: TestDatabase;
  let app: App;
  let escalations: ReturnType<typeof createEscalationsRepository>;
  const rows = async (sql: string, params: unknown[] = []) =>
    (await app.database.pool.query(sql, params)).rows;
  /** Rows of the three tables a raise writes. */
  const totals = () =>
    rows(
      'SELECT (SELECT count(*) FROM escalations)::int AS e, (SELECT count(*) FROM outbox)::int AS o, (SELECT count(*) FROM audit_log)::int AS a',
    );

  beforeAll(async () => {
    db = await backend.create();
    app = await openApp(db.config);
    escalations = createEscalationsRepository(app.database.pool, createOutboxRepository(app.database.pool));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('stores it with its messages, in their order and carrying its number, and its audit record', async () => {
    const announce = (e: { id: number }): OutgoingMessage[] => [
      { purpose: 'ack', chatId: 70, escalationId: e.id, payload: { text: `#${e.id} queued` } },
      { purpose: 'card', chatId: -1001234567890, escalationId: e.id, payload: { text: `#${e.id}`, a: [1] } },
    ];
    const first = await escalations.raise(QUESTION, announce);
    const second = await escalations.raise({ ...QUESTION, question: 'Second' }, announce);
    expect(second.id).toBeGreaterThan(first.id);
    expect(first).toMatchObject({ ...QUESTION, id: first.id, state: 'open', claimedBy: undefined });
    expect(first.createdAt).toBeInstanceOf(Date);
    expect(await escalations.get(first.id)).toEqual(first);

    const queued = await rows(
      'SELECT escalation_id::int AS e, purpose, chat_id::float8 AS chat, payload FROM outbox ORDER BY id',
    );
    expect(queued).toEqual([
      { e: first.id, purpose: 'ack', chat: 70, payload: { text: `#${first.id} queued` } },
      { e: first.id, purpose: 'card', chat: -1001234567890, payload: { text: `#${first.id}`, a: [1] } },
      { e: second.id, purpose: 'ack', chat: 70, payload: { text: `#${second.id} queued` } },
      { e: second.id, purpose: 'card', chat: -1001234567890, payload: { text: `#${second.id}`, a: [1] } },
    ]);
    expect(
      await rows('SELECT actor::int AS actor, action, subject, details FROM audit_log ORDER BY id'),
    ).toEqual([
      {
        actor: 7,
        action: 'escalated',
        subject: `escalation:${first.id}`,
        details: { trigger: QUESTION.trigger },
      },
      {
        actor: 7,
        action: 'escalated',
        subject: `escalation:${second.id}`,
        details: { trigger: QUESTION.trigger },
      },
    ]);
  });

  it('writes nothing when one of its messages cannot be queued', async () => {
    const before = await totals();
    const unqueueable = (e: { id: number }) =>
      [
        { purpose: 'ack', chatId: 70, escalationId: e.id, payload: { text: 'fine' } },
        {
          purpose: 'card',
          chatId: null as unknown as number,
          escalationId: e.id,
          payload: { text: 'no chat' },
        },
      ] satisfies OutgoingMessage[];
    await expect(escalations.raise({ ...QUESTION, question: 'Lost?' }, unqueueable)).rejects.toThrow(
      /chat_id/,
    );
    expect(await totals()).toEqual(before);
  });

  it('queues no message when there is none to send', async () => {
    const silent = await escalations.raise({ ...QUESTION, question: 'Quiet' }, () => []);
    expect(await rows('SELECT count(*)::int AS n FROM outbox WHERE escalation_id = $1', [silent.id])).toEqual(
      [{ n: 0 }],
    );
  });
});
