import type { Message } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, openApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import { BACKENDS, CORPUS_DIR, type TestDatabase } from '../helpers/backends.ts';
import {
  acksOf,
  type CapturedAssistant,
  COORDINATORS,
  COORDINATORS_CHAT,
  capturedAssistant,
  cardOf,
  deliveredTo,
  escalationConfig,
  STAFF_IDS,
} from '../helpers/escalation.ts';
import {
  type ApiCall,
  callsOf,
  keyboardOf,
  person,
  sentMessages,
  sentTexts,
  updates,
} from '../helpers/telegram.ts';

/**
 * The whole escalation loop on the real app and the bot as src/telegram.ts composes it: a staff member's
 * question reaches the coordinators' chat as a card, a coordinator claims and answers it, the answer reaches
 * the asker, the asker's follow-up reaches the coordinators; deliveries are triggered by the test.
 */

/** A detail the public reports do not give (the assistant escalates it as not_in_public_reports). */
const UNKNOWN_DETAIL = 'Who signed the guidelines?';
/** Answered from the guidelines. */
const ANSWERABLE = 'May I put state secrets into ChatGPT?';
const ACK = (id: number) =>
  `Your question is now #${id} in the coordinators' queue (Department of Digital Transformation – Cryptography). ` +
  'Their answer will come here.';

interface EscalationRow {
  id: number;
  state: string;
  trigger: string;
  question: string;
  language: string;
  asker_chat_id: string;
  claimed_by: string | null;
  answered_by: string | null;
  answer: string | null;
  decline_reason: string | null;
  card_chat_id: string | null;
  card_message_id: string | null;
  card_thread_id: string | null;
  found: unknown[];
}

describe.each(BACKENDS)('the escalation loop [$name]', (backend) => {
  let db: TestDatabase;
  let app: App;
  let config: Config;
  let a: CapturedAssistant;
  let nextStaff = 0;
  const [alice, bob] = COORDINATORS as [(typeof COORDINATORS)[0], (typeof COORDINATORS)[0]];
  const coordinatorsChat = COORDINATORS_CHAT;

  const staff = () => person(STAFF_IDS[nextStaff++] as number, 'en');

  async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await app.database.pool.query(sql, params)).rows as T[];
  }
  const escalationsOf = (userId: number) =>
    rows<EscalationRow>(
      `SELECT id::int, state, trigger, question, language, asker_chat_id::text, claimed_by::text,
         answered_by::text, answer, decline_reason, card_chat_id::text, card_message_id::text,
         card_thread_id::text, found
       FROM escalations WHERE asker_user_id = $1 ORDER BY id`,
      [userId],
    );
  const outboxOf = (escalationId: number) =>
    rows<{ purpose: string; state: string; attempts: number; telegram_message_id: string | null }>(
      `SELECT purpose, state, attempts, telegram_message_id::text FROM outbox WHERE escalation_id = $1 ORDER BY id`,
      [escalationId],
    );
  /** Leaves only the escalations a test raises in the queue. */
  const emptyQueue = () => rows(`UPDATE escalations SET state = 'closed' WHERE state IN ('open', 'claimed')`);

  /** The card of escalation `id` as Telegram holds it now: the last version sent or edited. */
  function currentCard(assistant: CapturedAssistant, id: number): Message.TextMessage {
    const [sent] = cardOf(assistant.tg.calls, id);
    if (!sent) throw new Error(`no card for #${id}`);
    const edits = callsOf(assistant.tg.calls, 'editMessageText').filter(
      (c) => c.message?.message_id === sent.message.message_id,
    );
    return (edits.at(-1)?.message ?? sent.message) as Message.TextMessage;
  }

  /** Asks `question` as `user` and returns the escalation it raised, delivered. */
  async function escalated(user = staff(), question = UNKNOWN_DETAIL, assistant = a) {
    await assistant.send(updates.text(user, question));
    const [row] = await escalationsOf(user.id);
    if (!row) throw new Error(`"${question}" was not escalated`);
    return { user, row, card: currentCard(assistant, row.id) };
  }

  beforeAll(async () => {
    db = await backend.create();
    app = await openApp(db.config);
    await app.reindex(CORPUS_DIR);
    config = escalationConfig(db);
    a = capturedAssistant(app, config);
  });

  afterAll(async () => {
    await a?.deliver();
    await app?.close();
    await db?.drop();
  });

  it('takes a question about a detail the reports lack from the asker to a coordinator and the answer back, with a follow-up, its answer and the close', async () => {
    const user = staff();
    const asked = await a.send(updates.text(user, UNKNOWN_DETAIL));

    // The asker's own reply says the question goes to the coordinating unit.
    expect(sentTexts(deliveredTo(asked, user.id)).join('\n')).toContain(
      'Department of Digital Transformation',
    );
    const [row] = await escalationsOf(user.id);
    expect(row).toMatchObject({
      state: 'open',
      trigger: 'not_in_public_reports',
      question: UNKNOWN_DETAIL,
      language: 'en',
      asker_chat_id: String(user.id),
    });
    const id = row?.id as number;

    // Delivered: the acknowledgement with the number, then the card.
    const [ack] = acksOf(asked, user.id, id);
    expect(ack?.payload.text).toBe(ACK(id));
    expect(acksOf(a.tg.calls, user.id, id)).toHaveLength(1);
    const cards = cardOf(a.tg.calls, id);
    expect(cards).toHaveLength(1);
    const card = cards[0] as ApiCall & { message: Message.TextMessage };
    expect(a.tg.calls.indexOf(ack as ApiCall)).toBeLessThan(a.tg.calls.indexOf(card));
    expect(card.payload).toMatchObject({ chat_id: coordinatorsChat.id, parse_mode: 'HTML' });
    expect(card.payload).not.toHaveProperty('topic_name');
    const html = String(card.payload.text);
    expect(html).toContain(`<blockquote>${UNKNOWN_DETAIL}</blockquote>`);
    expect(html).toContain('State: open');
    expect(html).toContain("Asker's language: en");
    expect(html).toContain('Why it came here: it asks for a detail the public reports do not give');
    expect(keyboardOf(card)).toEqual([
      [
        { text: 'Claim', data: `claim:${id}` },
        { text: 'Decline', data: `decline:${id}` },
      ],
    ]);
    expect(await outboxOf(id)).toEqual([
      {
        purpose: 'ack',
        state: 'delivered',
        attempts: 1,
        telegram_message_id: String(ack?.message?.message_id),
      },
      {
        purpose: 'card',
        state: 'delivered',
        attempts: 1,
        telegram_message_id: String(card.message.message_id),
      },
    ]);
    expect((await escalationsOf(user.id))[0]).toMatchObject({
      card_chat_id: String(coordinatorsChat.id),
      card_message_id: String(card.message.message_id),
    });

    // Claim: the card shows who has it and keeps only Decline.
    const claim = await a.send(updates.callback(alice, `claim:${id}`, card.message));
    expect(callsOf(claim, 'answerCallbackQuery')[0]?.payload.text).toBe('Claimed by you.');
    const [claimedCard] = callsOf(claim, 'editMessageText');
    expect(claimedCard?.payload).toMatchObject({
      chat_id: coordinatorsChat.id,
      message_id: card.message.message_id,
      parse_mode: 'HTML',
    });
    expect(claimedCard?.payload.text).toContain(`State: claimed by ${alice.first_name}`);
    expect(keyboardOf(claimedCard as ApiCall)).toEqual([[{ text: 'Decline', data: `decline:${id}` }]]);
    expect((await escalationsOf(user.id))[0]).toMatchObject({
      state: 'claimed',
      claimed_by: String(alice.id),
    });

    // The coordinator answers by replying to the card.
    const answerText = 'The guidelines were signed by the Chief of the Central Party Office.';
    const answered = await a.send(
      updates.text(alice, answerText, { chat: coordinatorsChat, replyTo: card.message }),
    );
    const recorded = deliveredTo(answered, coordinatorsChat.id);
    expect(recorded.map((c) => c.payload.text)).toEqual([
      `Answer to #${id} recorded; it is on its way to the asker.`,
    ]);
    expect(callsOf(answered, 'editMessageText')[0]?.payload.text).toContain('State: answered');
    const [toAsker] = deliveredTo(answered, user.id);
    expect(toAsker?.payload).toMatchObject({ parse_mode: 'HTML' });
    expect(toAsker?.payload.text).toBe(
      `<b>Answer from the Department of Digital Transformation – Cryptography (question #${id}):</b>\n\n` +
        `${answerText}\n\n<i>Reply to this message to ask a follow-up.</i>`,
    );
    expect((await escalationsOf(user.id))[0]).toMatchObject({
      state: 'answered',
      answer: answerText,
      answered_by: String(alice.id),
    });
    const [coordinatorMessage] = await rows<{ delivered_message_id: string }>(
      `SELECT delivered_message_id::text FROM escalation_messages WHERE escalation_id = $1 AND author = 'coordinator'`,
      [id],
    );
    expect(coordinatorMessage?.delivered_message_id).toBe(String(toAsker?.message.message_id));

    // The asker's reply to the answer is a follow-up, not a new question.
    const followUp = 'Is that the same person who signs Official Letter 557?';
    const exchangesBefore = await rows(`SELECT id FROM exchanges WHERE user_id = $1`, [user.id]);
    const followed = await a.send(updates.text(user, followUp, { replyTo: toAsker?.message }));
    expect(sentTexts(deliveredTo(followed, user.id))).toEqual([
      `Your follow-up was added to question #${id}.`,
    ]);
    expect(await rows(`SELECT id FROM exchanges WHERE user_id = $1`, [user.id])).toEqual(exchangesBefore);
    const [forwarded] = deliveredTo(followed, coordinatorsChat.id);
    expect(forwarded?.payload).toMatchObject({
      parse_mode: 'HTML',
      text: `<b>Follow-up to #${id} from the asker:</b>\n<blockquote>${followUp}</blockquote>`,
      reply_parameters: { message_id: card.message.message_id },
    });

    // A reply to the forwarded follow-up answers the same question, like a reply to the card.
    const second = 'It was signed on 27 November 2025.';
    const answeredAgain = await a.send(
      updates.text(alice, second, { chat: coordinatorsChat, replyTo: forwarded?.message }),
    );
    expect(sentTexts(deliveredTo(answeredAgain, coordinatorsChat.id))).toEqual([
      `Answer to #${id} recorded; it is on its way to the asker.`,
    ]);
    expect(deliveredTo(answeredAgain, user.id).map((c) => c.payload.text)).toEqual([
      expect.stringContaining(`(question #${id}):</b>\n\n${second}`),
    ]);
    expect(await escalationsOf(alice.id)).toEqual([]);

    // Close: the card says so.
    const closed = await a.send(updates.callback(alice, `close:${id}`, currentCard(a, id)));
    expect(callsOf(closed, 'answerCallbackQuery')[0]?.payload.text).toBe(`#${id} closed.`);
    expect(callsOf(closed, 'editMessageText')[0]?.payload.text).toContain('State: closed');
    expect((await escalationsOf(user.id))[0]?.state).toBe('closed');

    // Publish: a colleague asking much the same question gets the department's answer, with its date.
    const published = await a.send(updates.callback(alice, `publish:${id}`, currentCard(a, id)));
    expect(callsOf(published, 'answerCallbackQuery')[0]?.payload.text).toMatch(
      new RegExp(`^#${id} is published as curated answer \\d+`),
    );
    const colleague = staff();
    const similar = await a.send(updates.text(colleague, UNKNOWN_DETAIL.replace('?', ' ?')));
    const reply = sentTexts(deliveredTo(similar, colleague.id)).join('\n');
    expect(reply).toContain('The coordinating department has answered a similar question');
    expect(reply).toContain(second);
    expect(reply).toMatch(/Answer of the Department of Digital Transformation – Cryptography/);
    expect(await escalationsOf(colleague.id)).toEqual([]);
    // The other tests escalate the same question again.
    await rows('DELETE FROM curated_answers');
    // Every message of the loop was delivered once.
    expect((await outboxOf(id)).map((m) => [m.purpose, m.state, m.attempts])).toEqual([
      ['ack', 'delivered', 1],
      ['card', 'delivered', 1],
      ['answer', 'delivered', 1],
      ['followup', 'delivered', 1],
      ['answer', 'delivered', 1],
    ]);
  });

  it('hands an answered question to the coordinators when its asker presses "Ask a coordinator", once', async () => {
    const user = staff();
    const answered = await a.send(updates.text(user, ANSWERABLE));
    expect(await escalationsOf(user.id)).toEqual([]);
    const last = deliveredTo(answered, user.id).at(-1)?.message as Message.TextMessage;
    const coordinatorButton = keyboardOf(deliveredTo(answered, user.id).at(-1) as ApiCall)?.[1]?.[0];
    expect(coordinatorButton?.text).toBe('Ask a coordinator');

    const pressed = await a.send(updates.callback(user, coordinatorButton?.data as string, last));
    const [row] = await escalationsOf(user.id);
    expect(row).toMatchObject({ state: 'open', trigger: 'asked', question: ANSWERABLE });
    const id = row?.id as number;
    expect(acksOf(pressed, user.id, id)).toHaveLength(1);
    const html = String(cardOf(pressed, id)[0]?.payload.text);
    expect(html).toContain('Why it came here: the asker asked for a person');
    // The coordinator sees what the assistant found and answered with.
    expect(html).toContain('What the assistant found:');
    expect(html).toMatch(/1\. <i>[^<]+<\/i>\n<blockquote>[^<]+<\/blockquote>/);

    const again = await a.send(updates.callback(user, coordinatorButton?.data as string, last));
    expect(sentTexts(deliveredTo(again, user.id))).toEqual([
      `This question is already with the coordinators as #${id}.`,
    ]);
    expect(cardOf(again, id)).toEqual([]);
    expect(await escalationsOf(user.id)).toHaveLength(1);
  });

  it('escalates the question written after /human, as asked for by the asker', async () => {
    const user = staff();
    const question = 'Does our unit need approval before using a translation tool & a <chatbot>?';
    const calls = await a.send(updates.text(user, `/human ${question}`));
    const [row] = await escalationsOf(user.id);
    expect(row).toMatchObject({ state: 'open', trigger: 'asked', question, language: 'en' });
    const id = row?.id as number;
    // The acknowledgement is the only message to the asker.
    expect(sentTexts(deliveredTo(calls, user.id))).toEqual([ACK(id)]);
    // The card is HTML: the question's own markup characters are escaped.
    expect(cardOf(calls, id)[0]?.payload.text).toContain(
      '<blockquote>Does our unit need approval before using a translation tool &amp; a &lt;chatbot&gt;?</blockquote>',
    );
    const [exchange] = await rows<{ question: string }>(`SELECT question FROM exchanges WHERE user_id = $1`, [
      user.id,
    ]);
    expect(exchange?.question).toBe(question);
  });

  it('escalates the last question on /human alone, and explains /human when there is none', async () => {
    const user = staff();
    const nothing = await a.send(updates.text(user, '/human'));
    expect(sentTexts(nothing)).toEqual([
      'Write your question after /human (for example: /human Who approves the use of AI tools?), or ask it ' +
        'first and then send /human.',
    ]);
    expect(await escalationsOf(user.id)).toEqual([]);

    await a.send(updates.text(user, ANSWERABLE));
    const calls = await a.send(updates.text(user, '/human'));
    const [row] = await escalationsOf(user.id);
    expect(row).toMatchObject({ trigger: 'asked', question: ANSWERABLE });
    expect(sentTexts(deliveredTo(calls, user.id))).toEqual([ACK(row?.id as number)]);
    expect(cardOf(calls, row?.id as number)).toHaveLength(1);
  });

  it('asks a declining coordinator for the reason with a forced reply, and sends the reason to the asker', async () => {
    const { user, row, card } = await escalated();
    const pressed = await a.send(updates.callback(bob, `decline:${row.id}`, card));
    expect(callsOf(pressed, 'answerCallbackQuery')).toHaveLength(1);
    const [prompt] = deliveredTo(pressed, coordinatorsChat.id);
    expect(prompt?.payload).toMatchObject({
      text: `Reply to this message with the reason for declining #${row.id}; it is sent to the asker.`,
      reply_markup: { force_reply: true, selective: true },
      reply_parameters: { message_id: card.message_id },
    });
    // Pressing Decline alone changes nothing.
    expect((await escalationsOf(user.id))[0]?.state).toBe('open');

    const reason = 'This is decided by your own unit; please ask your head of office.';
    const replied = await a.send(
      updates.text(bob, reason, { chat: coordinatorsChat, replyTo: prompt?.message }),
    );
    expect(sentTexts(deliveredTo(replied, coordinatorsChat.id))).toEqual([
      `#${row.id} declined; the asker is told why.`,
    ]);
    const [edited] = callsOf(replied, 'editMessageText');
    expect(edited?.payload.text).toContain('State: declined');
    expect(edited?.payload.reply_markup).toBeUndefined();
    expect(sentTexts(deliveredTo(replied, user.id))).toEqual([
      `The coordinators could not take question #${row.id}: ${reason}`,
    ]);
    expect((await escalationsOf(user.id))[0]).toMatchObject({
      state: 'declined',
      decline_reason: reason,
      answered_by: String(bob.id),
    });

    // A declined question takes no answer any more.
    const late = await a.send(
      updates.text(alice, 'Actually, here it is.', { chat: coordinatorsChat, replyTo: card }),
    );
    expect(sentTexts(deliveredTo(late, coordinatorsChat.id))).toEqual([
      expect.stringMatching(new RegExp(`^#${row.id} is .*declined; nothing was sent\\.$`)),
    ]);
    expect(deliveredTo(late, user.id)).toEqual([]);
  });

  it('lists open and claimed questions on /queue, oldest first with their age and claimer, to coordinators only', async () => {
    await emptyQueue();
    expect(sentTexts(await a.send(updates.text(alice, '/queue', { chat: coordinatorsChat })))).toEqual([
      'No open questions.',
    ]);

    const questions = [
      'Who signed the guidelines?',
      'When do the guidelines take effect?',
      'Which AI tools are approved for use?',
    ];
    const raised = [];
    for (const question of questions) raised.push((await escalated(staff(), question)).row);
    const [recent, oldest, middle] = raised as [EscalationRow, EscalationRow, EscalationRow];
    // Ages given out of the order they were raised in: the queue sorts by age, not by number.
    for (const [row, age] of [
      [recent, '5 minutes'],
      [oldest, '2 days'],
      [middle, '3 hours'],
    ] as const) {
      await rows(`UPDATE escalations SET created_at = now() - $2::interval WHERE id = $1`, [row.id, age]);
    }
    await a.send(updates.callback(bob, `claim:${middle.id}`, currentCard(a, middle.id)));

    const [queue] = sentTexts(await a.send(updates.text(alice, '/queue', { chat: coordinatorsChat })));
    expect(queue).toBe(
      [
        'Open questions, oldest first:',
        `#${oldest.id} · 2 d · State: open — ${oldest.question}`,
        `#${middle.id} · 3 h · State: claimed by ${bob.first_name} — ${middle.question}`,
        `#${recent.id} · 5 min · State: open — ${recent.question}`,
      ].join('\n'),
    );
    // In a private chat too.
    expect(sentTexts(await a.send(updates.text(bob, '/queue')))).toEqual([queue]);

    // A staff member gets no queue: nothing in the coordinators' chat, the list of commands in private.
    const member = staff();
    expect(await a.send(updates.text(member, '/queue', { chat: coordinatorsChat }))).toEqual([]);
    const [privateReply] = sentTexts(await a.send(updates.text(member, '/queue')));
    expect(privateReply).not.toContain('Open questions');
    expect(privateReply).toMatch(/^(Only coordinators can do this\.|Write a question as a message)/);
    // Nor can a staff member claim: the press is answered, and nothing changes.
    const press = await a.send(updates.callback(member, `claim:${oldest.id}`, currentCard(a, oldest.id)));
    expect(press.map((c) => c.method)).toEqual(['answerCallbackQuery']);
    expect(
      (await rows<{ state: string }>(`SELECT state FROM escalations WHERE id = $1`, [oldest.id]))[0]?.state,
    ).toBe('open');
  });

  it('reminds the coordinators of an overdue question at most once per reminder interval', async () => {
    await emptyQueue();
    const overdue = capturedAssistant(app, escalationConfig(db, { ESCALATION_SLA_MINUTES: '1' }));
    const { row } = await escalated(staff(), 'When do the guidelines take effect?', overdue);
    const reminders = () =>
      deliveredTo(overdue.tg.calls, coordinatorsChat.id).filter((c) =>
        String(c.payload.text).startsWith('Questions waiting longer than'),
      );

    expect(await overdue.telegram.escalations.remindOverdue()).toEqual([]);
    await rows(`UPDATE escalations SET created_at = now() - interval '2 minutes' WHERE id = $1`, [row.id]);
    expect((await overdue.telegram.escalations.remindOverdue()).map((e) => e.id)).toEqual([row.id]);
    await overdue.deliver();
    expect(reminders().map((c) => c.payload.text)).toEqual([
      expect.stringMatching(new RegExp(`^Questions waiting longer than [\\d.]+ h: #${row.id}$`)),
    ]);
    expect(reminders()[0]?.payload).toMatchObject({ parse_mode: 'HTML', chat_id: coordinatorsChat.id });

    // Again within the interval (60 minutes by default): nothing.
    expect(await overdue.telegram.escalations.remindOverdue()).toEqual([]);
    await overdue.deliver();
    expect(reminders()).toHaveLength(1);

    // Once the interval has passed, once more; a claimed question is still waiting.
    await overdue.send(updates.callback(alice, `claim:${row.id}`, currentCard(overdue, row.id)));
    await rows(`UPDATE escalations SET last_reminded_at = now() - interval '61 minutes' WHERE id = $1`, [
      row.id,
    ]);
    expect((await overdue.telegram.escalations.remindOverdue()).map((e) => e.id)).toEqual([row.id]);
    await overdue.deliver();
    expect(reminders()).toHaveLength(2);

    // An answered question is no longer waiting.
    await overdue.send(
      updates.text(alice, 'On 27 November.', {
        chat: coordinatorsChat,
        replyTo: currentCard(overdue, row.id),
      }),
    );
    await rows(`UPDATE escalations SET last_reminded_at = now() - interval '61 minutes' WHERE id = $1`, [
      row.id,
    ]);
    expect(await overdue.telegram.escalations.remindOverdue()).toEqual([]);
  });

  it('opens a topic per question in a forum coordinators’ chat, and takes a message in that topic as the answer', async () => {
    const forum = capturedAssistant(app, config);
    const plain = forum.tg.chat;
    forum.tg.chat = (chatId) =>
      chatId === coordinatorsChat.id ? { ...coordinatorsChat, is_forum: true } : plain(chatId);
    const forumChat = { ...coordinatorsChat, is_forum: true as const };

    const { user, row } = await escalated(staff(), UNKNOWN_DETAIL, forum);
    expect(callsOf(forum.tg.calls, 'getChat').map((c) => c.payload.chat_id)).toEqual([coordinatorsChat.id]);
    const [topic] = callsOf(forum.tg.calls, 'createForumTopic');
    expect(topic?.payload).toEqual({ chat_id: coordinatorsChat.id, name: `#${row.id} ${UNKNOWN_DETAIL}` });
    const [card] = cardOf(forum.tg.calls, row.id);
    const threadId = card?.message.message_thread_id as number;
    expect(threadId).toBeGreaterThan(0);
    expect(card?.payload).toMatchObject({ message_thread_id: threadId });
    expect(card?.payload).not.toHaveProperty('topic_name');
    expect((await escalationsOf(user.id))[0]?.card_thread_id).toBe(String(threadId));

    // A second question gets its own topic; the chat is asked about once.
    const second = await escalated(staff(), 'Which AI tools are approved for use?', forum);
    expect(callsOf(forum.tg.calls, 'getChat')).toHaveLength(1);
    expect(callsOf(forum.tg.calls, 'createForumTopic')).toHaveLength(2);
    expect(second.card.message_thread_id).not.toBe(threadId);

    // A message in the topic, not a reply to the card, answers the question of that topic.
    const answerText = 'They were signed on behalf of the Central Party Office.';
    const answered = await forum.send(updates.text(alice, answerText, { chat: forumChat, thread: threadId }));
    expect(deliveredTo(answered, coordinatorsChat.id)[0]?.payload).toMatchObject({
      text: `Answer to #${row.id} recorded; it is on its way to the asker.`,
      message_thread_id: threadId,
    });
    const [toAsker] = deliveredTo(answered, user.id);
    expect(toAsker?.payload.text).toContain(answerText);
    expect((await escalationsOf(second.user.id))[0]?.state).toBe('open');

    // The asker's follow-up goes to the same topic, as a reply to the card.
    const followed = await forum.send(
      updates.text(user, 'Thank you. Signed when?', { replyTo: toAsker?.message }),
    );
    expect(deliveredTo(followed, coordinatorsChat.id)[0]?.payload).toMatchObject({
      message_thread_id: threadId,
      reply_parameters: { message_id: card?.message.message_id },
    });
  });

  it("delivers a coordinator's answer with markup as text, and records neither an empty nor an over-long one", async () => {
    const { user, row, card } = await escalated();
    const reply = (text: string) =>
      a.send(updates.text(alice, text, { chat: coordinatorsChat, replyTo: card }));

    const empty = await reply('\u200B\u2060');
    expect(sentTexts(deliveredTo(empty, coordinatorsChat.id))).toEqual([
      'That message has no text to send to the asker; nothing was recorded.',
    ]);
    const long = await reply(`See: ${'đoạn văn dài '.repeat(300)}`);
    expect(sentTexts(deliveredTo(long, coordinatorsChat.id))[0]).toMatch(
      /^That text is too long for one message to the asker \(3,904 characters, at most 3,500\); nothing was recorded/,
    );
    expect(deliveredTo([...empty, ...long], user.id)).toEqual([]);
    expect((await escalationsOf(user.id))[0]).toMatchObject({ state: 'open', answer: null });

    const markup = 'Yes, <b>but</b> ask first & see </blockquote><a href="javascript:x">this</a>\u202E!';
    const answered = await reply(markup);
    const [toAsker] = deliveredTo(answered, user.id);
    expect(toAsker?.payload.text).toContain(
      'Yes, &lt;b&gt;but&lt;/b&gt; ask first &amp; see &lt;/blockquote&gt;&lt;a href="javascript:x"&gt;this&lt;/a&gt;!',
    );
    expect((await escalationsOf(user.id))[0]?.answer).toBe(markup.replace('\u202E', ''));
    expect(row.id).toBeGreaterThan(0);
  });

  it("takes a coordinator's reply to a bot message that is not a card as nothing at all", async () => {
    await emptyQueue();
    const [queue] = sentMessages(await a.send(updates.text(alice, '/queue', { chat: coordinatorsChat })));
    const before = await rows('SELECT id FROM escalations');
    const reply = await a.send(
      updates.text(alice, 'Thanks, noted.', { chat: coordinatorsChat, replyTo: queue as Message }),
    );
    expect(callsOf(reply, 'sendMessage')).toEqual([]);
    expect(await rows('SELECT id FROM escalations')).toEqual(before);
  });

  it('writes question numbers of four digits without grouping, and still takes the reason for declining #1000', async () => {
    await rows(`SELECT setval('escalations_id_seq', GREATEST(999, (SELECT max(id) FROM escalations)))`);
    const { user, row, card } = await escalated();
    expect(row.id).toBeGreaterThanOrEqual(1000);
    expect(acksOf(a.tg.calls, user.id, row.id)).toHaveLength(1);
    expect(card.text).toContain(`Question #${row.id}`);

    const [prompt] = deliveredTo(
      await a.send(updates.callback(bob, `decline:${row.id}`, card)),
      coordinatorsChat.id,
    );
    expect(prompt?.payload.text).toContain(`#${row.id};`);
    const reason = 'Not a question for the department.';
    const replied = await a.send(
      updates.text(bob, reason, { chat: coordinatorsChat, replyTo: prompt?.message }),
    );
    expect(sentTexts(deliveredTo(replied, coordinatorsChat.id))).toEqual([
      `#${row.id} declined; the asker is told why.`,
    ]);
    expect((await escalationsOf(user.id))[0]).toMatchObject({ state: 'declined', decline_reason: reason });
  });
});
