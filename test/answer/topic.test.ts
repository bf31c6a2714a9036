import { describe, expect, it } from 'vitest';
import { mentionsTopic } from '../../src/answer/topic.ts';

describe('mentionsTopic', () => {
  it.each([
    'Can I paste a state-secret document into a public AI chatbot?',
    'co duoc dua mat khau tai khoan ai cho dong nghiep dung chung khong',
    'Có được đưa tài liệu mật lên trí tuệ nhân tạo không?',
    'Чи можна вставляти таємні документи в ШІ?',
    'Who issued the guidelines?',
    'Công văn 557 nói gì về kiểm chứng?',
    'Що каже лист 557?',
    'Was Conclusion Notice 43-TB/TGV signed before the training opened?',
    'Hội nghị tập huấn tổ chức ở đâu?',
    'Cục Chuyển đổi số - Cơ yếu có vai trò gì?',
    'Can I share my login with a colleague?',
    'Kết quả do máy tạo ra có cần kiểm chứng lại không?',
    'Чи можна передавати державну таємницю на публічні платформи?',
  ])('%j is about AI, what the guidelines regulate, or the documents', (question) => {
    expect(mentionsTopic(question)).toBe(true);
  });

  it.each([
    'How big is the fine in Vietnam for a company that leaks its customers’ personal data?',
    'Bệnh viện tuyến tỉnh muốn triển khai bệnh án điện tử thì phải đáp ứng những tiêu chí gì?',
    'Hai cơ quan phối hợp thế nào?',
    'Скільки днів відпустки належить службовцю?',
    'truong thcs chuyen doi so thi lam so diem dien tu nhu the nao',
    'Are civil servants allowed to post political opinions on their personal Facebook accounts?',
  ])('%j is not', (question) => {
    expect(mentionsTopic(question)).toBe(false);
  });
});
