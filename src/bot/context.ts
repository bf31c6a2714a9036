import type { I18nFlavor } from '@grammyjs/i18n';
import type { Context } from 'grammy';
import type { Answer } from '../answer/answer.ts';
import type { BotConfig } from '../config.ts';
import type { AuditEntry } from '../db/audit.ts';
import type { Stats } from '../db/stats.ts';
import type { EscalationService } from '../escalation/service.ts';
import type { GuardResult } from '../guard/guard.ts';
import type { Logger } from '../logger.ts';
import type { AskOptions } from '../pipeline/ask.ts';
import type { Language } from '../text/language.ts';

export type Role = 'staff' | 'coordinator' | 'maintainer';

/** What the bot keeps of a conversation (the database's conversations repository fits this shape). */
export interface ConversationStore {
  recordExchange(exchange: {
    userId: number;
    chatId: number;
    question: string;
    answer: Answer;
  }): Promise<number>;
  rate(exchangeId: number, userId: number, rating: 1 | -1): Promise<boolean>;
  setReasonPrompt(
    exchangeId: number,
    userId: number,
    prompt: { chatId: number; messageId: number },
  ): Promise<void>;
  addReason(userId: number, prompt: { chatId: number; messageId: number }, reason: string): Promise<boolean>;
  exchange(exchangeId: number): Promise<StoredExchange | undefined>;
  lastExchange(userId: number): Promise<StoredExchange | undefined>;
  language(userId: number): Promise<Language | undefined>;
  setLanguage(userId: number, language: Language): Promise<void>;
}

export interface StoredExchange {
  id: number;
  userId: number;
  chatId: number;
  question: string;
  answer: Answer;
}

export interface AboutInfo {
  version: string | undefined;
  documents: { title: string; status: string; edition: string; language: string }[];
}

/** Everything the bot needs from the rest of the assistant; the bot itself holds no SQL and no model. */
export interface BotDeps {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  conversations: ConversationStore;
  about(): Promise<AboutInfo>;
  escalations: EscalationService;
  /** The sensitive-data guard, for text that is not a question (follow-ups, coordinators' answers). */
  guard(text: string): GuardResult;
  /** Index maintenance for maintainers; each returns the text to show (the command line's own wording). */
  maintenance: {
    versions(): Promise<string>;
    reindex(actor: number, progress: (line: string) => void): Promise<string>;
    rollback(actor: number): Promise<string>;
  };
  /** Appends to the audit log (who did what; ids, never message text). */
  audit(entry: AuditEntry): Promise<void>;
  /** Activity of the last `days` days, for /stats. */
  stats(days: number): Promise<Stats>;
  config: BotConfig;
  log: Logger;
}

export type BotContext = Context &
  I18nFlavor & {
    deps: BotDeps;
    /** Empty for people the bot does not serve; they never get past the access check. */
    roles: Set<Role>;
  };
