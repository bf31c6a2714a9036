import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/answer/answer.ts';
import { MESSAGES } from '../../src/answer/messages.ts';
import { escapeHtml, formatAnswer, TELEGRAM_MESSAGE_LIMIT } from '../../src/bot/format-answer.ts';
import type { Language } from '../../src/text/language.ts';
import { expectCleanSplit, htmlProblems, plain } from '../helpers/telegram-html.ts';

function citation(overrides: Partial<Citation> = {}): Citation {
  return {
    documentId: 'cpo-ai-guidelines',
    section: 'IV. Những điều tuyệt đối không được làm › 1',
    version: 'digest-2025-11-27',
    quote: 'Tuyệt đối không đưa thông tin bí mật nhà nước lên các nền tảng AI công cộng.',
    score: 0.03,
    documentTitle: 'Hướng dẫn khai thác, sử dụng trí tuệ nhân tạo',
    documentKind: 'guidelines',
    language: 'vi',
    translation: false,
    sourceUrl: 'https://example.org/guidelines',
    ...overrides,
  };
}

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    kind: 'answered',
    language: 'vi',
    answer: MESSAGES.vi.answeredLead,
    citations: [citation()],
    ...overrides,
  };
}

const unsplit = (a: Answer) => {
  const [whole, ...rest] = formatAnswer(a, Number.POSITIVE_INFINITY);
  expect(rest).toEqual([]);
  return whole ?? '';
};

describe('escapeHtml', () => {
  it.each([
    ['plain text', 'Không được làm', 'Không được làm'],
    ['a script tag', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['an entity already written', '&amp;', '&amp;amp;'],
    ['a closing blockquote', '</blockquote>', '&lt;/blockquote&gt;'],
    ['comparisons', 'a < b && c > d', 'a &lt; b &amp;&amp; c &gt; d'],
    ['double quotes in text, which Telegram takes as they are', 'say "no"', 'say "no"'],
  ])('escapes %s', (_name, text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });
});

describe('formatAnswer', () => {
  it.each([
    ['answer text', { answer: 'Is <b>this</b> & that <script>x</script>?' }],
    [
      'quote',
      { citations: [citation({ quote: 'x </blockquote><b>bold</b> &amp; <script>alert(1)</script>' })] },
    ],
    ['title', { citations: [citation({ documentTitle: 'Q&A <i>draft</i>' })] }],
    ['section and version', { citations: [citation({ section: '</b>IV', version: 'v<1>' })] }],
    [
      'original',
      {
        citations: [
          citation({
            translation: true,
            original: { language: 'vi', section: '<x>', quote: '</blockquote>&' },
          }),
        ],
      },
    ],
  ] as [string, Partial<Answer>][])('escapes hostile text in the %s', (_field, overrides) => {
    const a = answer(overrides);
    const [message, ...rest] = formatAnswer(a);
    expect(rest).toEqual([]);
    expect(htmlProblems(message ?? '')).toEqual([]);
    expect(message).not.toContain('<script>');
    const shown = plain(message ?? '');
    expect(shown).toContain(a.answer);
    for (const c of a.citations) {
      for (const text of [c.quote, c.documentTitle, c.section, c.version, c.original?.quote ?? '']) {
        expect(shown).toContain(text);
      }
    }
  });

  it('shows a cited passage as a bold numbered header, the quote in a blockquote and a source link', () => {
    const [message] = formatAnswer(answer({ language: 'en', answer: 'Lead.' }));
    expect(message).toBe(
      'Lead.\n\n' +
        '<b>[1] Hướng dẫn khai thác, sử dụng trí tuệ nhân tạo · Section: IV. Những điều tuyệt đối không được làm › 1' +
        ' · version digest-2025-11-27</b>\n' +
        '<blockquote>Tuyệt đối không đưa thông tin bí mật nhà nước lên các nền tảng AI công cộng.</blockquote>\n' +
        '<a href="https://example.org/guidelines">Source</a>',
    );
  });

  it('marks a translated passage and follows it with its original in a second blockquote', () => {
    const translated = citation({
      quote: 'Staff must absolutely not upload state secrets to public AI platforms.',
      language: 'en',
      translation: true,
      original: {
        language: 'vi',
        section: 'IV. Những điều tuyệt đối không được làm',
        quote: 'Tuyệt đối không đưa bí mật nhà nước lên nền tảng AI công cộng.',
      },
    });
    const [message = ''] = formatAnswer(answer({ language: 'en', citations: [translated] }));
    expect(message).toMatch(/^<b>\[1\] .* \(translation\)<\/b>$/m);
    expect(message.match(/<blockquote>/g)).toHaveLength(2);
    const translation = message.indexOf('<blockquote>Staff must');
    const label = message.indexOf('<i>original (vi): IV. Những điều tuyệt đối không được làm</i>');
    const original = message.indexOf('<blockquote>Tuyệt đối không đưa bí mật');
    expect(translation).toBeGreaterThan(0);
    expect(label).toBeGreaterThan(translation);
    expect(original).toBeGreaterThan(label);
  });

  it('shows no translation marker or original for an untranslated passage', () => {
    const [message = ''] = formatAnswer(answer({ language: 'en' }));
    expect(message).not.toContain('(translation)');
    expect(message.match(/<blockquote>/g)).toHaveLength(1);
  });

  it('keeps the answer text of a generated answer one sentence per line, citation marks included', () => {
    const text = 'Secrets must never go to public AI. [1]\nDrafts need a human check. [1][2]';
    const [message = ''] = formatAnswer(
      answer({ mode: 'generated', answer: text, citations: [citation(), citation()] }),
    );
    expect(message.startsWith(`${text}\n\n<b>[1] `)).toBe(true);
    expect(message).toContain('\n\n<b>[2] ');
  });

  it('shows a refused answer with no citations as its text alone', () => {
    expect(formatAnswer(answer({ kind: 'refused', answer: 'Reindex <now>.', citations: [] }))).toEqual([
      'Reindex &lt;now&gt;.',
    ]);
  });

  it.each([
    ['https', 'https://example.org/a?x=1&y=2', '<a href="https://example.org/a?x=1&amp;y=2">'],
    ['http', 'http://example.org/', '<a href="http://example.org/">'],
    ['a double quote', 'https://example.org/"onclick="x', '<a href="https://example.org/%22onclick=%22x">'],
    ['javascript:', 'javascript:alert(document.cookie)', undefined],
    ['JavaScript: in capitals', 'JavaScript:alert(1)', undefined],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>', undefined],
    ['a tg: URL', 'tg://resolve?domain=x', undefined],
    ['text that is no URL', 'see the website', undefined],
    ['no URL', undefined, undefined],
  ])('links a source given as %s only when it is a web page', (_name, sourceUrl, link) => {
    const [message = ''] = formatAnswer(answer({ language: 'en', citations: [citation({ sourceUrl })] }));
    expect(htmlProblems(message)).toEqual([]);
    if (link) expect(message).toContain(`${link}Source</a>`);
    else {
      expect(message).not.toContain('<a');
      expect(message.toLowerCase()).not.toContain('javascript');
    }
  });

  it.each(['vi', 'en', 'uk'] as Language[])(
    'shows the %s labels, the escalation heading and no reason',
    (language) => {
      const m = MESSAGES[language];
      const a = answer({
        kind: 'escalated',
        language,
        answer: m.escalatedLead,
        reason: 'INTERNAL: the corpus never mentions "pension"',
        escalation: 'low_confidence',
        citations: [
          citation({ translation: true, original: { language: 'vi', section: 'I', quote: 'Gốc.' } }),
        ],
      });
      const [message = '', ...rest] = formatAnswer(a);
      expect(rest).toEqual([]);
      expect(message).toContain(`${escapeHtml(m.escalatedLead)}\n\n<i>${m.closestPassages}:</i>\n<b>[1] `);
      expect(message).toContain(` · ${m.section}: `);
      expect(message).toContain(` · ${m.version} digest-2025-11-27 (${m.translation})</b>`);
      expect(message).toContain(`<i>${m.original} (vi): I</i>`);
      expect(message).toContain(`>${m.source}</a>`);
      expect(message).not.toContain('INTERNAL');
      expect(formatAnswer({ ...a, kind: 'answered' })[0]).not.toContain(m.closestPassages);
    },
  );

  it('packs a long answer into several messages, each whole passage in one message', () => {
    const citations = Array.from({ length: 12 }, (_, i) =>
      citation({
        quote: `Đoạn ${i + 1} <&> ${'cán bộ không được đưa bí mật lên AI. '.repeat(25)}`.slice(0, 900),
      }),
    );
    const a = answer({ citations });
    const messages = formatAnswer(a);
    expect(messages.length).toBeGreaterThan(2);
    expectCleanSplit(messages, unsplit(a), TELEGRAM_MESSAGE_LIMIT);
    for (const c of citations) {
      expect(messages.some((m) => m.includes(`<blockquote>${escapeHtml(c.quote.trim())}</blockquote>`))).toBe(
        true,
      );
    }
  });

  const sentence = 'Cán bộ không được đưa tài liệu mật & dữ liệu cá nhân <nhạy cảm> lên AI công cộng 🚫. ';
  it.each([
    ['paragraphs', TELEGRAM_MESSAGE_LIMIT, Array(6).fill(sentence.repeat(12)).join('\n\n')],
    ['paragraphs, with a small limit', 300, Array(8).fill(sentence.repeat(2)).join('\n\n')],
    ['lines', 300, Array(12).fill(sentence.repeat(2)).join('\n')],
    ['words only', 200, sentence.repeat(20)],
    ['no whitespace at all', 120, '🚫&<>'.repeat(200)],
  ])('splits a single passage too long for a message at %s', (_name, limit, quote) => {
    const a = answer({
      citations: [citation({ quote, translation: true, original: { language: 'vi', section: 'I', quote } })],
    });
    const messages = formatAnswer(a, limit);
    expect(messages.length).toBeGreaterThan(1);
    expectCleanSplit(messages, unsplit(a), limit);
  });

  it('splits at paragraph boundaries when the passage has them', () => {
    const paragraphs = Array.from({ length: 5 }, (_, i) => `Paragraph ${i + 1}. ${'word '.repeat(300)}end.`);
    const a = answer({ answer: 'Lead.', citations: [citation({ quote: paragraphs.join('\n\n') })] });
    const messages = formatAnswer(a);
    expectCleanSplit(messages, unsplit(a), TELEGRAM_MESSAGE_LIMIT);
    expect(messages[0]).toMatch(/^Lead\.\n\n<b>\[1\] /);
    for (const message of messages.slice(0, -1)) expect(message).toMatch(/end\.<\/blockquote>$/);
    for (const message of messages.slice(1)) expect(message).toMatch(/^<blockquote>Paragraph \d\./);
  });

  it('keeps the passages before a passage too long for a message whole', () => {
    const short = [1, 2, 3].map((i) => citation({ quote: `Short passage ${i}. ${'word '.repeat(150)}` }));
    const long = citation({ quote: 'Long passage. '.repeat(400) });
    const a = answer({ citations: [...short, long, citation({ quote: 'After.' })] });
    const messages = formatAnswer(a);
    expectCleanSplit(messages, unsplit(a), TELEGRAM_MESSAGE_LIMIT);
    for (const c of short) {
      expect(messages.some((m) => m.includes(`<blockquote>${c.quote.trim()}</blockquote>`))).toBe(true);
    }
  });

  it('splits an answer text longer than a message', () => {
    const a = answer({ answer: sentence.repeat(100), citations: [] });
    const messages = formatAnswer(a);
    expect(messages.length).toBe(3);
    expectCleanSplit(messages, unsplit(a), TELEGRAM_MESSAGE_LIMIT);
  });
});
