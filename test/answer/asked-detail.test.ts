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

describe('askedDetails: the other kinds of detail', () => {
  it.each([
    ['Hướng dẫn có ấn định hạn chót không, hạn là tháng mấy?', 'date'],
    ['By when must agencies adopt their own AI rules?', 'deadline'],
    ['Hướng dẫn có ấn định thời hạn ban hành quy chế nội bộ không?', 'deadline'],
    ['Do the guidelines replace Letter 557, or do we follow both?', 'relation'],
    ['Văn bản nào được ưu tiên áp dụng?', 'relation'],
    ['Якого саме числа ухвалено настанови?', 'date'],
    ['Ai ký Hướng dẫn AI?', 'signer'],
    ['Who signed the guidelines?', 'signer'],
    ['Хто підписав настанови?', 'signer'],
    ['How big is the fine for leaking customer data?', 'penalty'],
    ['Mức phạt tiền khi vi phạm là bao nhiêu?', 'penalty'],
    ['Який штраф за порушення?', 'penalty'],
    ['Kinh phí triển khai AI lấy từ nguồn nào?', 'funding'],
    ['What budget do agencies get for AI?', 'funding'],
    ['Звідки кошти на впровадження ШІ?', 'funding'],
    ['What is the street address of the department?', 'contact'],
    ['Địa chỉ trụ sở của đơn vị đầu mối ở đâu?', 'contact'],
    ['Яка адреса департаменту?', 'contact'],
    ['xin file pdf ban goc huong dan', 'full_text'],
    ['Where can I read the full text of the guidelines?', 'full_text'],
    ['Де знайти повний текст настанов?', 'full_text'],
  ] as const)('%j asks for the %s', (question, kind) => {
    expect(askedDetails(question)).toContain(kind);
  });

  it.each([
    'Who gave the opening address at the training conference?',
    'Хто є адресатами настанов?',
    'Is it fine to use AI for drafting a speech?',
    'Hướng dẫn áp dụng cho những ai?',
    'Can I paste a state-secret document into a public AI chatbot?',
    'Có được tải file tài liệu mật lên ChatGPT không?',
    'Can I upload a PDF of a meeting report to a chatbot?',
    'До якого підрозділу звертатися з питаннями щодо ШІ?',
    'Що означає термін «штучний інтелект» у настановах?',
  ])('%j asks for no specific detail', (question) => {
    expect(askedDetails(question)).toEqual([]);
  });

  it.each([
    ['Các cơ quan hoàn thành trước ngày 31/12/2025.', 'deadline', true],
    ['Hướng dẫn được công bố ngày 27/11/2025.', 'deadline', false],
    ['AI does not replace the independent thinking of cadres.', 'relation', true],
    ['Letter 557 is a separate document for state agencies.', 'relation', false],
    ['Chỉ thị được ký bởi Chánh Văn phòng.', 'signer', true],
    ['The public reports do not give the official signing date.', 'signer', false],
    ['Mỗi đơn vị được cấp 200 triệu đồng.', 'funding', true],
    ['Paid AI subscriptions are expensive for many staff.', 'funding', false],
    ['The department is at 1 Hoang Van Thu street.', 'contact', true],
    ['Trụ sở tại số 1 phố Hoàng Văn Thụ, Hà Nội.', 'contact', true],
    ['Công văn số 557/BKHCN-CĐSQG nêu 9 nguyên tắc.', 'contact', false],
    ['The focal point is the Department of Digital Transformation – Cryptography.', 'contact', false],
    ['The file is at https://example.org/guidelines.pdf', 'full_text', true],
    ['The public reports do not publish the official full text.', 'full_text', false],
  ] as const)('%j states the %s: %s', (passage, kind, expected) => {
    expect(statesDetail(passage, kind)).toBe(expected);
  });
});
