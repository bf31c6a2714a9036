import type { Language } from './language.ts';
import { foldText, words } from './normalize.ts';
import { stemWord } from './stem.ts';

/**
 * A small domain thesaurus: groups of words and phrases that staff use for the same thing the guidelines
 * say in other words ("paste into ChatGPT" for "provide to AI platforms"). Written plainly; folded and
 * stemmed at load so it matches the search text. Product names stay out: whether a named tool is allowed
 * is a detail the guidelines do not give.
 */
const GROUPS: Record<Language, string[][]> = {
  vi: [
    ['đưa', 'nhập', 'cung cấp', 'chia sẻ', 'tải lên', 'dán', 'gửi', 'upload'],
    ['mật', 'bí mật', 'tối mật', 'tuyệt mật'],
    ['linh hoạt', 'cứng nhắc', 'giống hệt', 'rập khuôn'],
    ['thống nhất', 'đồng bộ', 'chuẩn hóa', 'khuôn mẫu'],
    ['cấm', 'nghiêm cấm', 'tuyệt đối không', 'không được'],
    ['chatbot', 'trợ lý ảo', 'công cụ AI', 'nền tảng AI', 'ứng dụng AI'],
    ['ban hành', 'phát hành', 'công bố'],
    ['đầu mối', 'giải đáp', 'hỗ trợ kỹ thuật', 'vướng mắc'],
    ['góp ý', 'phản hồi', 'kiến nghị', 'đề xuất'],
    ['cập nhật', 'sửa đổi', 'bổ sung', 'rà soát'],
    ['quy chế', 'quy định nội bộ', 'văn bản nội bộ'],
    ['tập huấn', 'đào tạo', 'bồi dưỡng', 'hội nghị'],
    ['lộ', 'lọt', 'rò rỉ', 'tiết lộ'],
    ['kiểm tra', 'xác minh', 'kiểm chứng', 'đánh giá'],
    ['mục đích', 'mục tiêu', 'nhằm', 'hướng tới', 'đạt được'],
    ['trên hết', 'hàng đầu', 'ưu tiên số một', 'quan trọng nhất', 'tối thượng'],
    ['thông tin đăng nhập', 'tên đăng nhập', 'tài khoản đăng nhập', 'mật khẩu', 'password'],
    [
      'nơi công cộng',
      'quán net',
      'quán internet',
      'quán cà phê',
      'sân bay',
      'khách sạn',
      'wifi công cộng',
      'máy tính công cộng',
    ],
    ['dữ liệu cá nhân', 'thông tin cá nhân', 'hồ sơ', 'lý lịch', 'sức khỏe', 'bệnh án', 'riêng tư', 'đời tư'],
    ['nền tảng AI công cộng', 'miễn phí', 'trên mạng', 'trực tuyến', 'trang web'],
    ['người đứng đầu', 'thủ trưởng', 'trưởng cơ quan', 'giám đốc', 'sếp'],
    ['phổ biến', 'quán triệt', 'truyền đạt', 'phổ biến tới'],
    ['khai mạc', 'bắt đầu', 'khởi động', 'mở màn'],
  ],
  en: [
    [
      'paste',
      'upload',
      'enter',
      'input',
      'put',
      'share',
      'give',
      'provide',
      'feed',
      'submit',
      'send',
      'insert',
    ],
    ['forbidden', 'prohibited', 'banned', 'never', 'must not'],
    ['classified', 'secret', 'confidential'],
    ['meant', 'intended', 'apply', 'applies', 'aimed'],
    ['rely', 'depend'],
    ['flexible', 'rigid', 'however it likes'],
    ['common approach', 'unified', 'uniform', 'consistent', 'standardise', 'standard'],
    ['chatbot', 'AI tool', 'AI platform', 'AI system', 'AI assistant', 'virtual assistant'],
    ['issue', 'publish', 'release', 'adopt'],
    ['focal point', 'technical support', 'questions', 'helpdesk', 'stuck', 'difficulties'],
    ['feedback', 'comments', 'suggestions', 'proposals'],
    ['update', 'revise', 'amend', 'supplement', 'review'],
    ['training', 'course', 'workshop', 'conference'],
    ['leak', 'disclose', 'disclosure', 'reveal'],
    ['check', 'verify', 'evaluate', 'review'],
    ['staff', 'cadres', 'employees', 'officials', 'civil servants'],
    ['purpose', 'aim', 'goal', 'objective', 'achieve', 'intend to'],
    ['comes first', 'above all', 'top priority', 'first priority', 'foremost', 'paramount', 'most important'],
    ['login details', 'credentials', 'login', 'password', 'username'],
    ['public places', 'internet cafe', 'cafe', 'airport', 'hotel', 'public wifi', 'public computer'],
    ['personal data', 'personal information', 'health', 'medical', 'records', 'private', 'privacy', 'CV'],
    ['public AI platforms', 'free', 'online', 'website'],
    ['head', 'director', 'manager', 'boss'],
    ['disseminate', 'pass', 'spread', 'circulate', 'communicate'],
    ['open', 'start', 'begin', 'kick off', 'launch'],
    ['entirely', 'completely', 'fully', 'wholly', 'totally'],
  ],
  uk: [
    ['вставити', 'завантажити', 'ввести', 'надати', 'передати', 'поділитися', 'надіслати', 'внести'],
    ['заборонено', 'заборона', 'забороняти', 'забороняють', 'категорично', 'не можна'],
    ['уніфікувати', 'стандартизувати', 'єдиний', 'узгоджений'],
    ['сервіс', 'платформа', 'інструмент'],
    ['чат-бот', 'інструмент ШІ', 'платформа ШІ', 'система ШІ', 'асистент', 'помічник'],
    ['видати', 'ухвалити', 'оприлюднити', 'опублікувати'],
    ['координаційний центр', 'технічна підтримка', 'запитання', 'роз’яснення'],
    ['пропозиції', 'зауваження', 'відгуки'],
    ['оновлювати', 'переглядати', 'доповнювати', 'змінювати'],
    ['навчання', 'тренінг', 'конференція', 'курс'],
    ['витік', 'розголошення', 'розкриття'],
    ['перевіряти', 'оцінювати', 'верифікувати'],
    ['мета', 'ціль', 'цілі', 'досягти', 'прагнути', 'прагнуть', 'має на меті'],
    ['понад усе', 'на першому місці', 'пріоритет', 'найважливіше', 'головне'],
    ['дані для входу', 'облікові дані', 'логін', 'пароль', 'паролі'],
    ['розголошують', 'розголошувати', 'повідомити', 'повідомляти', 'сказати', 'передати'],
    ['громадські місця', 'інтернет-кафе', 'кафе', 'аеропорт', 'готель', 'публічний wifi'],
    ['персональні дані', 'особисті дані', 'здоров’я', 'медичні', 'приватне', 'приватність', 'резюме'],
    ['публічні платформи', 'безкоштовний', 'безкоштовні', 'онлайн', 'сайт'],
    ['керівник', 'керівника', 'очільник', 'начальник', 'директор'],
    ['доведення', 'поширювати', 'поширити', 'довести до відома', 'ознайомити'],
    ['відкрилася', 'розпочалася', 'стартувала', 'почалася', 'початок'],
  ],
};

/** Each folded, stemmed term → the other terms of its groups (words, or word pairs joined by a space). */
function compile(language: Language): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const group of GROUPS[language]) {
    const terms = group.map((phrase) =>
      words(foldText(phrase))
        .map((word) => stemWord(word, language))
        .join(' '),
    );
    for (const term of terms) {
      table.set(term, [...new Set([...(table.get(term) ?? []), ...terms.filter((other) => other !== term)])]);
    }
  }
  return table;
}

const TABLES = new Map<Language, Map<string, string[]>>();

/** Other ways to say a folded, stemmed word or word pair in the same language. */
export function synonymsOf(term: string, language: Language): string[] {
  let table = TABLES.get(language);
  if (!table) {
    table = compile(language);
    TABLES.set(language, table);
  }
  return table.get(term) ?? [];
}
