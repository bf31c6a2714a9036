import { describe, expect, it } from 'vitest';
import { namedRegulation } from '../../src/answer/other-regulation.ts';

describe('namedRegulation', () => {
  it.each([
    ['Theo Luật An ninh mạng thì cán bộ có được dùng AI không?', 'Luật An ninh mạng thì cán'],
    ['Nghị định 13 quy định gì về dữ liệu cá nhân?', 'Nghị định 13 quy định gì'],
    ['nghi dinh so 53 noi gi', 'nghi dinh so 53 noi gi'],
    ['What does the Law on Cybersecurity say about chatbots?', 'Law on Cybersecurity say about chatbots'],
    ['Is ChatGPT high-risk under the EU AI Act?', 'EU AI Act'],
    ['Що каже Закон про захист персональних даних?', 'Закон про захист персональних даних'],
  ])('finds the instrument named in %j', (question, named) => {
    expect(namedRegulation(question)).toBe(named);
  });

  it.each([
    'Có được đưa thông tin bí mật nhà nước vào ChatGPT không?',
    'Dùng AI có vi phạm pháp luật không?',
    'luat cua dang ve ai la gi',
    'What does Letter 557 say about checking chatbot answers?',
    'Is it against the law to paste secrets into a chatbot?',
    'Чи відповідає використання чат-ботів законодавству?',
  ])('finds none in %j', (question) => {
    expect(namedRegulation(question)).toBeUndefined();
  });
});
