import { describe, expect, it } from 'vitest';
import { askedDetails, statesDetail } from '../../src/answer/asked-detail.ts';

describe('askedDetails: structure of the official text', () => {
  it.each([
    'huong dan ai gom may chuong may dieu',
    'Hướng dẫn có bao nhiêu chương, bao nhiêu điều?',
    'Quy định cấm đưa bí mật vào AI nằm ở điều nào của Hướng dẫn?',
    'How many chapters and articles do the guidelines have?',
    'Which article of the guidelines deals with secrets?',
    'Скільки розділів і статей у настановах?',
    'Яка стаття настанов забороняє це?',
  ])('asks for the structure: %j', (question) => {
    expect(askedDetails(question)).toContain('structure');
  });

  it.each([
    'Bao nhiêu phần trăm cán bộ đã được tập huấn?',
    'Mục đích của Hướng dẫn là gì?',
    'Which section of the digest covers accounts?',
    'Máy tính công cộng có an toàn không?',
    'What are the guidelines for?',
  ])('does not ask for the structure: %j', (question) => {
    expect(askedDetails(question)).not.toContain('structure');
  });

  it.each([
    ['Theo Điều 5 của Luật, cơ quan phải…', true],
    ['Article 12 sets out the duties of…', true],
    ['Chương II quy định…', true],
    ['Hướng dẫn yêu cầu phân loại thông tin trước khi đưa vào AI.', false],
    ['The parts and sections of this digest are its compilers’ own.', false],
  ] as const)('%j states a chapter or article: %s', (passage, expected) => {
    expect(statesDetail(passage, 'structure')).toBe(expected);
  });
});

describe('askedDetails: named AI products', () => {
  it.each([
    'Is ChatGPT allowed in Party agencies?',
    'Cơ quan Đảng có được phép dùng Gemini không?',
    'Which AI tools are approved?',
    'Чи дозволено використовувати Copilot?',
  ])('asks which products are allowed: %j', (question) => {
    expect(askedDetails(question)).toContain('product');
  });

  it.each([
    'Is ChatGPT allowed for secret documents?',
    'Có được phép đưa tài liệu mật vào ChatGPT không?',
    'Is Gemini allowed for personal data of staff?',
    'Чи дозволено вводити в ChatGPT таємну інформацію?',
  ])('asks about the prohibition instead when it names what is put in: %j', (question) => {
    expect(askedDetails(question)).not.toContain('product');
  });
});
