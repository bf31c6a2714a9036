import type { Escalation, EscalationsRepository, NewEscalation } from '../db/escalations.ts';
import type { OutgoingMessage } from '../db/outbox.ts';

/** The messages each step of the flow sends (Telegram-formatted by the bot). */
export interface FlowMessages {
  raised(e: Escalation): OutgoingMessage[];
  answered(e: Escalation, escalationMessageId: number, answer: string): OutgoingMessage[];
  declined(e: Escalation, reason: string): OutgoingMessage[];
  followUp(e: Escalation, text: string, escalationMessageId: number): OutgoingMessage[];
  reminder(overdue: Escalation[], slaHours: number): OutgoingMessage[];
}

export interface EscalationServiceDeps {
  escalations: EscalationsRepository;
  messages: FlowMessages;
  /** Wakes the outbox deliverer after a change wrote messages. */
  kick(): void;
  slaMinutes: number;
  reminderIntervalMinutes: number;
  /** Stores an answered escalation as a curated answer; returns its id. */
  publish(escalation: Escalation, publishedBy: number): Promise<number | undefined>;
}

/**
 * The escalation flow: every step is stored together with the messages announcing it, then the deliverer is
 * woken. Nothing here talks to Telegram, so a crash or an outage between steps loses nothing.
 */
export function createEscalationService(deps: EscalationServiceDeps) {
  const { escalations, messages } = deps;
  const kicked = <T>(result: T): T => {
    if (result) deps.kick();
    return result;
  };
  return {
    raise: async (escalation: NewEscalation) => kicked(await escalations.raise(escalation, messages.raised)),
    claim: async (id: number, by: number, name: string) => escalations.claim(id, by, name, () => []),
    decline: async (id: number, by: number, reason: string) =>
      kicked(await escalations.decline(id, by, reason, (e) => messages.declined(e, reason))),
    answer: async (id: number, by: number, text: string) =>
      kicked(await escalations.answer(id, by, text, (e, messageId) => messages.answered(e, messageId, text))),
    close: async (id: number, by?: number) => escalations.close(id, by, () => []),
    /** Publishes the answer of an answered (or closed) escalation for similar questions to come. */
    publish: async (id: number, by: number) => {
      const escalation = await escalations.get(id);
      if (!escalation || !['answered', 'closed'].includes(escalation.state)) return undefined;
      return deps.publish(escalation, by);
    },
    followUp: async (id: number, by: number, text: string) =>
      kicked(
        await escalations.followUp(id, by, text, (e, messageId) => messages.followUp(e, text, messageId)),
      ),
    /** Reminds the coordinators of overdue escalations, each at most once per reminder interval. */
    remindOverdue: async () =>
      kicked(
        await escalations.remind(deps.slaMinutes * 60_000, deps.reminderIntervalMinutes * 60_000, (overdue) =>
          messages.reminder(overdue, Math.round((deps.slaMinutes / 60) * 10) / 10),
        ),
      ),
    queue: () => escalations.queue(),
    get: (id: number) => escalations.get(id),
    forExchange: (exchangeId: number) => escalations.forExchange(exchangeId),
    byCard: (chatId: number, messageId: number | undefined, threadId: number | undefined) =>
      escalations.byCard(chatId, messageId, threadId),
    byDeliveredAnswer: (chatId: number, messageId: number) =>
      escalations.byDeliveredAnswer(chatId, messageId),
  };
}

export type EscalationService = ReturnType<typeof createEscalationService>;
