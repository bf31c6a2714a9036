import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/bot/i18n.ts';
import { createReviewNotice } from '../../src/bot/review-messages.ts';
import type { FlaggedAnswer } from '../../src/db/curated.ts';
import type { CorpusVersion } from '../../src/db/versions.ts';
import { plainText } from '../helpers/telegram.ts';

const i18n = createI18n();
const translate = (locale: string, key: string, variables?: Record<string, string | number>) =>
  i18n.t(locale, key, variables);
const V7 = { label: 'v7' } as CorpusVersion;
const CHAT = -1_001_555_000_111;

/** A flagged answer; `null`: its escalation was deleted (retention), so it has no card to name. */
const flagged = (id: number, question: string, escalationId: number | null = id + 100): FlaggedAnswer => ({
  id,
  escalationId: escalationId ?? undefined,
  language: 'vi',
  question,
  sections: [
    { documentId: 'cpo-ai-guidelines', sectionId: 'IV.2', change: 'changed' },
    { documentId: 'cpo-ai-guidelines', sectionId: 'IV.3', change: 'removed' },
  ],
});

describe('the coordinators’ message about curated answers to review', () => {
  it('lists each answer with its question and changed sections, in the coordinators’ language, escaped', () => {
    const notice = createReviewNotice(translate, { chatId: CHAT, language: 'vi' });
    const [message, ...more] = notice([flagged(1, 'Có được dùng <b>ChatGPT</b> không?', null)], V7);
    expect(more).toEqual([]);
    expect(message).toMatchObject({ purpose: 'review', chatId: CHAT, payload: { parse_mode: 'HTML' } });
    expect(message?.payload.text).toContain('&lt;b&gt;ChatGPT&lt;/b&gt;');
    expect(plainText(String(message?.payload.text)).split('\n')).toEqual([
      'Câu trả lời mẫu cần rà soát: phiên bản v7 đã thay đổi các mục mà chúng dựa vào',
      'Cán bộ sẽ không còn nhận được các câu trả lời này. Hãy đối chiếu từng câu trả lời với nội dung mới; bấm Công bố trên thẻ của câu hỏi để hiển thị lại.',
      '',
      '• câu trả lời mẫu 1 (vi): Có được dùng <b>ChatGPT</b> không?',
      '  cpo-ai-guidelines › IV.2: đã thay đổi; cpo-ai-guidelines › IV.3: đã bị bỏ',
    ]);
  });

  it('stays one Telegram message however many answers were flagged, saying how many more there are', () => {
    const notice = createReviewNotice(translate, { chatId: CHAT, language: 'en' });
    const many = Array.from({ length: 60 }, (_, i) => flagged(i + 1, `Question ${i + 1} ${'x'.repeat(300)}`));
    const [message] = notice(many, V7);
    const text = String(message?.payload.text);
    expect(text.length).toBeLessThan(4096);
    const shown = (text.match(/^• /gm) ?? []).length;
    expect(shown).toBeGreaterThan(5);
    expect(text.endsWith(`…and ${60 - shown} more.`)).toBe(true);
  });

  it('writes nothing when no coordinators’ chat is configured, or nothing was flagged', () => {
    expect(
      createReviewNotice(translate, { chatId: undefined, language: 'en' })([flagged(1, 'q')], V7),
    ).toEqual([]);
    expect(createReviewNotice(translate, { chatId: CHAT, language: 'en' })([], V7)).toEqual([]);
  });
});
