import type { OutboxRepository, PendingMessage } from '../db/outbox.ts';
import type { Logger } from '../logger.ts';

export interface Delivered {
  messageId: number;
  /** The forum topic a card was posted in, when one was created for it. */
  threadId?: number;
}

export interface DelivererDeps {
  outbox: Pick<OutboxRepository, 'due' | 'delivered' | 'retryLater' | 'failed'>;
  /** Sends one message to Telegram; throws what the API client throws. */
  send(message: PendingMessage): Promise<Delivered>;
  /** Whether an error means the message can never be delivered (chat gone, bot blocked, bad request). */
  isPermanent(error: unknown): boolean;
  log: Logger;
}

const BATCH = 20;
const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 5 * 60_000;

/** 1 s, 2 s, 4 s… up to five minutes: an outage of any length is ridden out without hammering Telegram. */
export const retryDelay = (attempts: number) => Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempts);

/**
 * Delivers the outbox: due messages in order, each marked delivered only after Telegram accepted it, failures
 * retried with back-off. Polls every `intervalMs`, and at once when kicked after a new message is written.
 */
export function createDeliverer(deps: DelivererDeps, intervalMs = 1_000) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  async function deliverOne(message: PendingMessage): Promise<void> {
    try {
      const { messageId, threadId } = await deps.send(message);
      await deps.outbox.delivered(message, messageId, threadId);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (deps.isPermanent(error)) {
        deps.log.warn({ outbox: message.id, purpose: message.purpose, error: text }, 'message undeliverable');
        await deps.outbox.failed(message.id, text);
      } else {
        await deps.outbox.retryLater(message.id, text, retryDelay(message.attempts));
      }
    }
  }

  async function run(): Promise<void> {
    do {
      again = false;
      const due = await deps.outbox.due(BATCH);
      for (const message of due) await deliverOne(message);
      if (due.length === BATCH) again = true;
    } while (again);
  }

  /** Runs a pass unless one is running, in which case that one goes round once more. */
  function kick(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = run()
      .catch((error: Error) =>
        deps.log.error({ err: { name: error.name, message: error.message } }, 'outbox pass failed'),
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  return {
    kick,
    start() {
      timer ??= setInterval(() => void kick(), intervalMs);
      void kick();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

export type Deliverer = ReturnType<typeof createDeliverer>;
