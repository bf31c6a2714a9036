import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/text/language.ts';

describe('detectLanguage', () => {
  it.each([
    ['Có được đưa thông tin bí mật nhà nước vào ChatGPT không?', 'vi'],
    ['co duoc dua thong tin bi mat nha nuoc vao chatgpt khong', 'vi'],
    ['AI la gi', 'vi'],
    ['an toan thong tin', 'vi'],
    ['mat khau chatbot email cong vu', 'vi'],
    ['Can I paste a state-secret document into a public AI chatbot?', 'en'],
    ['Who issued the guidelines?', 'en'],
    ['mass literacy AI programme Thanh Nien', 'en'],
    ['tap huan AI thang 9', 'vi'],
    ['Can I put state secrets into ChatGPT?', 'en'],
    ['What are the rules for using AI at work?', 'en'],
    ['Чи можна вводити державну таємницю в ChatGPT?', 'uk'],
    ['Що таке штучний інтелект?', 'uk'],
  ] as const)('detects %j as %s', (question, language) => {
    expect(detectLanguage(question)).toBe(language);
  });
});
