import { describe, expect, it } from 'vitest';
import {
  documentFrequencies,
  frequencyKeys,
  passageTerms,
  phraseFrequency,
  questionTerms,
  toTsQuery,
} from '../../src/text/terms.ts';

const MARKED = 'Có được đưa thông tin bí mật nhà nước vào ChatGPT không?';
const UNMARKED = 'co duoc dua thong tin bi mat nha nuoc vao chatgpt khong';

describe('questionTerms', () => {
  it.each([
    ['marked', MARKED],
    ['unmarked', UNMARKED],
    ['decomposed', MARKED.normalize('NFD')],
  ])('drops Vietnamese stopwords from the %s question', (_form, question) => {
    expect(questionTerms(question).unigrams).toEqual([
      'dua',
      'thong',
      'tin',
      'bi',
      'mat',
      'nha',
      'nuoc',
      'chatgpt',
    ]);
  });

  it('gives the marked and unmarked forms of one question the same folded terms', () => {
    const marked = questionTerms(MARKED);
    const unmarked = questionTerms(UNMARKED);
    expect(marked.unigrams).toEqual(unmarked.unigrams);
    expect(marked.bigrams).toEqual(unmarked.bigrams);
  });

  it.each([
    ['bí mật và bảo vệ', ['bi mat', 'bao ve']],
    ['bí mật nhà nước', ['bi mat', 'mat nha', 'nha nuoc']],
    ['đưa vào ChatGPT', []],
    ['What is the policy on ChatGPT', []],
  ])('pairs only adjacent content words in %j', (question, bigrams) => {
    expect(questionTerms(question).bigrams).toEqual(bigrams);
  });

  it.each([
    // English and Ukrainian words are stemmed, so "secrets" meets "secret" and "державну" meets "державної".
    ['Can I put state secrets into ChatGPT?', ['put', 'state', 'secret', 'chatgpt']],
    ['Чи можна вводити державну таємницю в ChatGPT?', ['ввод', 'державн', 'таємниц', 'chatgpt']],
    ['có được không', []],
  ])('keeps only the content words of %j', (question, unigrams) => {
    expect(questionTerms(question).unigrams).toEqual(unigrams);
  });

  it('maps folded terms back to the words the asker typed', () => {
    const { surface } = questionTerms(MARKED);
    expect(surface.get('bi mat')).toBe('bí mật');
    expect(surface.get('nuoc')).toBe('nước');
    expect(surface.get('chatgpt')).toBe('chatgpt');
  });

  it('lists each term once, in order of first appearance', () => {
    expect(questionTerms('bí mật, bí mật nhà nước').unigrams).toEqual(['bi', 'mat', 'nha', 'nuoc']);
  });

  // Vietnamese words that fold to English function words ("hệ" → he, "tổ" → to, "an" in "an toàn").
  it.each([
    ['hệ thống thông tin', 'he'],
    ['tổ chức', 'to'],
    ['hồ sơ đảng viên', 'so'],
    ['an toan thong tin', 'an'],
  ])('keeps the marked content word in %j (folded %j)', (question, folded) => {
    expect(questionTerms(question).unigrams).toContain(folded);
  });
});

describe('passageTerms', () => {
  it('holds every word and every adjacent word pair of a folded passage', () => {
    expect([...passageTerms('bi mat nha nuoc')].sort()).toEqual(
      ['bi', 'bi mat', 'mat', 'mat nha', 'nha', 'nha nuoc', 'nuoc'].sort(),
    );
  });

  it('is empty for an empty passage', () => {
    expect(passageTerms('').size).toBe(0);
  });
});

describe('toTsQuery', () => {
  it.each([
    // "mật" brings its thesaurus group (bí mật, tối mật, tuyệt mật) along.
    ['bí mật', 'bi | mat | (bi <-> mat) | (toi <-> mat) | (tuyet <-> mat)'],
    ['ChatGPT', 'chatgpt'],
    [
      'hội nghị và ChatGPT',
      'hoi | nghi | chatgpt | (hoi <-> nghi) | (tap <-> huan) | (dao <-> tao) | (boi <-> duong)',
    ],
  ])('ORs the words and phrases of %j', (question, query) => {
    expect(toTsQuery(questionTerms(question))).toBe(query);
  });

  it.each(['có được không?', 'What is it?', ''])('gives no query for %j, which has only stopwords', (q) => {
    expect(toTsQuery(questionTerms(q))).toBeUndefined();
  });
});

describe('documentFrequencies', () => {
  it('counts the passages that mention each term, once per passage', () => {
    const frequencies = documentFrequencies(['bi mat bi mat', 'bi mat nha nuoc', 'nha nuoc']);
    expect(frequencies.get('bi')).toBe(2);
    expect(frequencies.get('bi mat')).toBe(2);
    expect(frequencies.get('nha nuoc')).toBe(2);
    expect(frequencies.get('mat nha')).toBe(1);
    expect(frequencies.get('mat bi')).toBe(1);
    expect(frequencies.has('chatgpt')).toBe(false);
  });

  it('is empty for no passages', () => {
    expect(documentFrequencies([]).size).toBe(0);
  });
});

describe('synonyms', () => {
  it('adds the domain thesaurus to the full-text query, stemmed like the passages', () => {
    const terms = questionTerms('Can I paste a document into a chatbot?');
    expect(terms.synonyms.get('past')).toEqual(expect.arrayContaining(['provid', 'upload']));
    expect(toTsQuery(terms)).toMatch(/\(ai <-> platform\)/);
  });

  it('leaves product names without synonyms', () => {
    expect(questionTerms('Có được dùng Copilot không?').synonyms.has('copilot')).toBe(false);
  });
});

describe('quantity words', () => {
  it.each([
    ['vi', 'Hội nghị kéo dài mấy ngày?', 'mấy'],
    ['vi', 'Có bao nhiêu điểm cầu?', 'nhiêu'],
    ['en', 'How many connection points were there?', 'many'],
    ['uk', 'Скільки днів тривала конференція?', 'скільки'],
  ] as const)('treats the "how many" word of %s %j as a function word', (language, question, word) => {
    const terms = questionTerms(question, language);
    expect(terms.unigrams.length).toBeGreaterThan(1);
    expect([...terms.surface.values()]).not.toContain(word);
  });
});

describe('thesaurus phrases', () => {
  it.each([
    ['vi', 'co duoc dua mat khau cho dong nghiep khong', 'mat khau', 'mat'],
    ['vi', 'Có được đưa mật khẩu cho đồng nghiệp không?', 'mat khau', 'mat'],
    ['en', 'Is a common approach required?', 'common approach', 'common'],
  ] as const)(
    "gives a word inside a known phrase the phrase's sense (%s %j)",
    (language, question, phrase, word) => {
      const terms = questionTerms(question, language);
      expect(terms.synonyms.get(phrase)?.length).toBeGreaterThan(0);
      expect(terms.synonyms.has(word)).toBe(false);
    },
  );

  it('keeps the synonyms of a word that stands alone', () => {
    expect(questionTerms('Có được đưa tài liệu mật vào AI không?').synonyms.get('mat')).toContain('bi mat');
  });
});

describe('phraseFrequency', () => {
  const counts = new Map([
    ['noi', 30],
    ['noi cong', 4],
    ['cong cong', 6],
    ['bi mat', 9],
  ]);

  it.each([
    ['noi', ['noi'], 30],
    ['bi mat', ['bi mat'], 9],
    ['noi cong cong', ['noi cong', 'cong cong'], 4],
    ['quan net cong', ['quan net', 'net cong'], 0],
  ] as const)('looks %j up by %j and counts it %i times at most', (term, keys, expected) => {
    expect(frequencyKeys(term)).toEqual(keys);
    expect(phraseFrequency(counts, term)).toBe(expected);
  });
});
