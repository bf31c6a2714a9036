import type { Language } from '../text/language.ts';

interface Messages {
  answeredLead: string;
  translationsMarked: string;
  escalatedLead: string;
  notInReportsLead: string;
  /** Why a message was not taken: `categories` is the list of what it seems to contain. */
  refusedLead: (categories: string) => string;
  /** What each guard category is called. */
  categoryNames: Record<string, string>;
  curatedLead: string;
  curatedTitle: string;
  answeredOn: string;
  /** Before an extractive answer given because the model's answer could not be used. */
  fallbackNote: string;
  section: string;
  version: string;
  translation: string;
  original: string;
  /** The text of a citation's source link. */
  source: string;
  /** Above the passages shown with an escalated answer: they are near the question, not an answer to it. */
  closestPassages: string;
}

/** Fixed sentences of the answers, in the asker's language. Quotes are never translated here. */
export const MESSAGES: Record<Language, Messages> = {
  vi: {
    refusedLead: (categories) =>
      `Tôi không thể nhận tin nhắn này vì có vẻ nó chứa ${categories}. Theo Hướng dẫn, không được đưa những thông tin như vậy vào các nền tảng AI (trích dẫn bên dưới). Tin nhắn không được lưu nguyên văn, chỉ lưu bản đã che. Hãy hỏi lại mà không kèm thông tin đó.`,
    categoryNames: {
      state_secret: 'dấu mức độ mật của văn bản',
      personal_id: 'số định danh cá nhân',
      phone: 'số điện thoại',
      email: 'địa chỉ thư điện tử',
      tax_code: 'mã số thuế',
      bank_account: 'số tài khoản ngân hàng',
      credential: 'mật khẩu hoặc mã truy cập',
      private_key: 'khóa bí mật',
      pasted_document: 'nội dung văn bản được dán vào',
    },
    answeredLead: 'Các đoạn sau trong tài liệu liên quan trực tiếp đến câu hỏi của bạn (trích nguyên văn):',
    translationsMarked: '',
    escalatedLead:
      'Tôi chưa tìm thấy nội dung đủ tin cậy để trả lời câu hỏi này trong tài liệu hướng dẫn. Câu hỏi cần được ' +
      'chuyển tới đơn vị đầu mối là đơn vị Chuyển đổi số – Cơ yếu của Văn phòng Trung ương Đảng.',
    notInReportsLead:
      'Các bản tin công khai về Hướng dẫn không nêu chi tiết này, nên tôi không thể trả lời mà không suy đoán. ' +
      'Câu hỏi cần được chuyển tới đơn vị đầu mối là đơn vị Chuyển đổi số – Cơ yếu của Văn phòng Trung ương Đảng.',
    fallbackNote:
      'Chưa tạo được câu trả lời tóm tắt có trích dẫn kiểm chứng được, nên dưới đây là các đoạn phù hợp nhất.',
    curatedLead: 'Đơn vị đầu mối đã trả lời một câu hỏi tương tự:',
    curatedTitle: 'Trả lời của đơn vị Chuyển đổi số – Cơ yếu',
    answeredOn: 'trả lời ngày',
    section: 'Mục',
    version: 'phiên bản',
    translation: 'bản dịch',
    original: 'nguyên văn',
    source: 'Nguồn',
    closestPassages: 'Các đoạn gần nhất tìm thấy',
  },
  en: {
    refusedLead: (categories) =>
      `I cannot take this message: it seems to contain ${categories}. The guidelines say such information must not be given to AI platforms (quoted below). The message is not stored as written, only with that part masked. Please ask again without it.`,
    categoryNames: {
      state_secret: 'a secrecy classification mark',
      personal_id: 'a personal identity number',
      phone: 'a phone number',
      email: 'an e-mail address',
      tax_code: 'a tax code',
      bank_account: 'a bank account number',
      credential: 'a password or access token',
      private_key: 'a private key',
      pasted_document: 'a pasted document',
    },
    answeredLead: 'These passages bear directly on your question (quoted verbatim):',
    translationsMarked: 'Passages marked as translations are followed by the Vietnamese original.',
    escalatedLead:
      'I could not find a reliable answer to this question in the guidelines. It needs to go to the focal ' +
      'point, the Department of Digital Transformation – Cryptography of the Central Party Office.',
    notInReportsLead:
      'The public reports on the guidelines do not give this detail, so I cannot answer it without guessing. ' +
      'It needs to go to the focal point, the Department of Digital Transformation – Cryptography of the ' +
      'Central Party Office.',
    fallbackNote:
      'A summarised answer with verified quotes could not be produced just now, so here are the most relevant passages.',
    curatedLead: 'The coordinating department has answered a similar question:',
    curatedTitle: 'Answer of the Department of Digital Transformation – Cryptography',
    answeredOn: 'answered on',
    section: 'Section',
    version: 'version',
    translation: 'translation',
    original: 'original',
    source: 'Source',
    closestPassages: 'Closest passages found',
  },
  uk: {
    refusedLead: (categories) =>
      `Я не можу прийняти це повідомлення: схоже, воно містить ${categories}. Настанови забороняють передавати такі відомості платформам ШІ (цитата нижче). Повідомлення не зберігається в первісному вигляді, лише з прихованою частиною. Запитайте ще раз без цих відомостей.`,
    categoryNames: {
      state_secret: 'гриф секретності',
      personal_id: 'номер посвідчення особи',
      phone: 'номер телефону',
      email: 'адресу електронної пошти',
      tax_code: 'податковий номер',
      bank_account: 'номер банківського рахунку',
      credential: 'пароль або токен доступу',
      private_key: 'закритий ключ',
      pasted_document: 'вставлений документ',
    },
    answeredLead: 'Ці положення безпосередньо стосуються вашого запитання (дослівні цитати):',
    translationsMarked: "Після положень, позначених як переклад, наведено в'єтнамський оригінал.",
    escalatedLead:
      'Я не знайшов у настановах надійної відповіді на це запитання. Його слід передати контактному підрозділу — ' +
      'Департаменту цифрової трансформації та криптографії Канцелярії ЦК Партії.',
    notInReportsLead:
      'Публічні повідомлення про настанови не наводять цієї деталі, тож я не можу відповісти без здогадок. ' +
      'Запитання слід передати контактному підрозділу — Департаменту цифрової трансформації та криптографії ' +
      'Канцелярії ЦК Партії.',
    fallbackNote:
      'Зараз не вдалося скласти коротку відповідь із перевіреними цитатами, тому нижче наведено найдоречніші положення.',
    curatedLead: 'Координаційний підрозділ уже відповідав на подібне запитання:',
    curatedTitle: 'Відповідь Департаменту цифрової трансформації та криптографії',
    answeredOn: 'відповідь від',
    section: 'Розділ',
    version: 'версія',
    translation: 'переклад',
    original: 'оригінал',
    source: 'Джерело',
    closestPassages: 'Найближчі знайдені положення',
  },
};
