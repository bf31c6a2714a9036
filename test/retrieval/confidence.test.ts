import { describe, expect, it } from 'vitest';
import { topicCoverage } from '../../src/retrieval/confidence.ts';
import { questionTerms } from '../../src/text/terms.ts';

const CHUNKS = 100;

/** Coverage of the question's terms, given how many of the 100 passages mention each folded term. */
function coverage(question: string, frequencies: Record<string, number>, gaps: Record<string, number> = {}) {
  return topicCoverage({
    terms: questionTerms(question),
    frequencies: { answers: new Map(Object.entries(frequencies)), gaps: new Map(Object.entries(gaps)) },
    chunkCount: CHUNKS,
  });
}

describe('topicCoverage', () => {
  it('scores 1 with nothing missing when the guidelines mention every term', () => {
    expect(
      coverage('bí mật nhà nước', {
        bi: 9,
        mat: 9,
        nha: 9,
        nuoc: 9,
        'bi mat': 5,
        'mat nha': 4,
        'nha nuoc': 5,
      }),
    ).toEqual({
      score: 1,
      missing: [],
      gapTerms: [],
    });
  });

  it('scores 0 and names every word when the guidelines mention none', () => {
    expect(coverage('Thời tiết Hà Nội', { bi: 9 })).toEqual({
      score: 0,
      missing: ['thời', 'tiết', 'hà', 'nội'],
      gapTerms: [],
    });
  });

  it.each([[''], ['có được không?']])('scores 0 for %j, which has no content terms', (question) => {
    expect(coverage(question, { co: 50 })).toEqual({ score: 0, missing: [], gapTerms: [] });
  });

  it('weighs an unknown word among common words more than its share of the words', () => {
    const known = { bi: 80, mat: 80, 'bi mat': 80 };
    const { score } = coverage('bí mật Copilot', known);
    // 3 of 5 terms are covered; a plain count would give 0.6.
    expect(score).toBeLessThan(0.3);
    expect(score).toBeGreaterThan(0);
  });

  it('lowers the score more for an unknown word among common words than among rare ones', () => {
    const common = coverage('bí mật Copilot', { bi: 80, mat: 80, 'bi mat': 80 }).score;
    const rare = coverage('bí mật Copilot', { bi: 1, mat: 1, 'bi mat': 1 }).score;
    expect(common).toBeLessThan(rare);
  });

  it('lists the words the guidelines never use as the asker typed them, not bigrams', () => {
    const { missing } = coverage('Đưa bí mật vào Copilot được không?', {
      dua: 3,
      bi: 3,
      mat: 3,
      'bi mat': 3,
    });
    expect(missing).toEqual(['copilot']);
  });

  it('keeps the tone marks of the missing words the asker typed', () => {
    const { missing } = coverage('kỷ luật đảng viên', { dang: 10, vien: 10, 'dang vien': 10 });
    expect(missing).toEqual(['kỷ', 'luật']);
  });

  it('names the words only the list of missing details mentions, apart from words nobody mentions', () => {
    const result = coverage(
      'số hiệu hướng dẫn thời tiết',
      { huong: 20, dan: 20, 'huong dan': 20 },
      { so: 3, hieu: 2, 'so hieu': 2 },
    );
    expect(result.gapTerms).toEqual(['số', 'hiệu', 'số hiệu']);
    expect(result.missing).toEqual(['thời', 'tiết']);
    expect(result.score).toBeLessThan(0.5);
  });
});
