import type { Language } from '../text/language.ts';

/** Fixed sentences of the answers, in the asker's language. Quotes are never translated here. */
export const MESSAGES: Record<
  Language,
  { answeredLead: string; escalatedLead: string; quotesAreOriginal: string; section: string; version: string }
> = {
  vi: {
    answeredLead:
      'Các đoạn sau trong tài liệu hướng dẫn liên quan trực tiếp đến câu hỏi của bạn (trích nguyên văn):',
    escalatedLead:
      'Tôi chưa tìm thấy nội dung đủ tin cậy để trả lời câu hỏi này trong tài liệu hướng dẫn. Câu hỏi cần được ' +
      'chuyển tới đơn vị đầu mối là đơn vị Chuyển đổi số – Cơ yếu của Văn phòng Trung ương Đảng.',
    quotesAreOriginal: '',
    section: 'Mục',
    version: 'phiên bản',
  },
  en: {
    answeredLead: 'These passages of the guidelines bear directly on your question (quoted verbatim):',
    escalatedLead:
      'I could not find a reliable answer to this question in the guidelines. It needs to go to the focal ' +
      'point, the Department of Digital Transformation – Cryptography of the Central Party Office.',
    quotesAreOriginal: 'The quotes are the original Vietnamese text.',
    section: 'Section',
    version: 'version',
  },
  uk: {
    answeredLead: 'Ці положення настанов безпосередньо стосуються вашого запитання (дослівні цитати):',
    escalatedLead:
      'Я не знайшов у настановах надійної відповіді на це запитання. Його слід передати контактному підрозділу — ' +
      'Департаменту цифрової трансформації та криптографії Канцелярії ЦК Партії.',
    quotesAreOriginal: "Цитати наведено мовою оригіналу (в'єтнамською).",
    section: 'Розділ',
    version: 'версія',
  },
};
