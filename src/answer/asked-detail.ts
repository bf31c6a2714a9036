import { foldText } from '../text/normalize.ts';

/** Kinds of specific fact a question can ask for, which a passage either states or does not. */
export type DetailKind =
  | 'number'
  | 'date'
  | 'deadline'
  | 'relation'
  | 'signer'
  | 'penalty'
  | 'funding'
  | 'product'
  | 'contact'
  | 'levels'
  | 'structure'
  | 'full_text';

interface DetailRule {
  /** Folded question wording that asks for this kind of fact (vi, en, uk). */
  asks: RegExp;
  /** Folded passage text that states such a fact. */
  states: RegExp;
  /** Folded question wording that makes it a different question, one the passages can answer. */
  unless?: RegExp;
}

// JavaScript's \b knows only ASCII letters; this boundary also works between Cyrillic letters.
const BOUNDARY = String.raw`(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))`;
const pattern = (source: string) => new RegExp(source.replaceAll(String.raw`\b`, BOUNDARY), 'u');

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
/** Ukrainian month names in the genitive, as a date writes them ("9 вересня"). */
const UK_MONTHS = 'січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня';
const PRODUCTS = 'chatgpt|gemini|copilot|claude|grok|deepseek|llama|perplexity|bard|qwen';

/**
 * What kind of detail a question asks for, and how a passage that gives it looks. These are the details
 * the public reports on the guidelines mostly lack (a number, a date, a sanction, a named tool, a contact,
 * a scale of levels, the chapters and articles of the official text); a passage merely on the same topic
 * does not answer them.
 */
const RULES: Record<DetailKind, DetailRule> = {
  number: {
    asks: pattern(String.raw`\b(so hieu|ky hieu|so van ban|so may|document number|reference number|номер)`),
    states: pattern(String.raw`\b\d+\s*[-/]\s*[a-zа-яіїєґ]`),
  },
  date: {
    asks: pattern(
      String.raw`\b(ngay nao|ngay ky|ngay may|thang may|nam nao|ngay hieu luc|hieu luc tu|tu ngay|bao gio|what date|which date|signed on|take effect|effective from|come into force|дата|з якої дати|якого (саме )?числа|набира)`,
    ),
    states: pattern(
      `\\b\\d{1,2}\\s*[/.]\\s*\\d{1,2}\\s*[/.]\\s*\\d{4}\\b|\\bngay \\d|\\b\\d{1,2} (${MONTHS})|\\b(${MONTHS}) \\d{4}|\\b\\d{1,2} (${UK_MONTHS})`,
    ),
  },
  // A time limit is a date something must be done by: a passage that merely carries a date does not set one.
  deadline: {
    // Not a bare "термін" (also "a term") or "до якого" (also "to which unit").
    asks: pattern(
      String.raw`\b(thoi han|han chot|deadline|by when|no later than|до якого (терміну|числа)|до якої дати|кінцев\S* термін|в який термін|у який термін|термін (виконання|подання))`,
    ),
    states: pattern(
      `\\b(truoc|cham nhat|by|before|no later than|until|до) (ngay )?(\\d{1,2}\\s*[/.]\\s*\\d{1,2}|\\d{1,2} (${MONTHS})|(${MONTHS})\\b|\\d{1,2} (${UK_MONTHS}))`,
    ),
  },
  // Which of two documents prevails or replaces the other: only a passage that says so answers.
  relation: {
    asks: pattern(
      String.raw`\b(thay the|thay cho|uu tien ap dung|van ban nao (duoc )?uu tien|replaces?|superseded?s?|take precedence|prevails?|follow both|замін\S*|скасов\S*|має перевагу|пріоритет\S*)`,
    ),
    states: pattern(
      String.raw`\b(thay the|thay cho|uu tien|replace[sd]?|supersede[sd]?|precedence|prevail\S*|замін\S*|скасов\S*|переваг\S*|пріоритет\S*)`,
    ),
  },
  signer: {
    asks: pattern(
      String.raw`\b(ai ky|nguoi ky|ky boi|who signed|signed by|signatory|хто підписав|ким підписан)`,
    ),
    states: pattern(String.raw`\b(ky boi|nguoi ky la|signed by|підписав|підписала)\b`),
  },
  penalty: {
    asks: pattern(
      String.raw`\b(ky luat|xu ly vi pham|che tai|xu phat|bi phat|muc phat|phat tien|penalt|disciplin|sanction|punish|(the|a|any) fines?\b|fined\b|покаран|дисциплін|санкці|стягнен|штраф)`,
    ),
    states:
      /\b(ky luat|xu ly vi pham|che tai|xu phat|penalt|disciplin|sanction|punish|покаран|дисциплін|санкці|стягнен)/,
  },
  funding: {
    asks: pattern(
      String.raw`\b(kinh phi|ngan sach|nguon von|bao nhieu tien|funding|budget|how much money|кошт|бюджет|фінансуван)`,
    ),
    states: pattern(
      String.raw`\b\d[\d.,]*\s*(dong|vnd|trieu|ty|usd|million|billion|грн|млн|млрд)\b|\b(kinh phi|ngan sach|budget|funding|бюджет|фінансуван)`,
    ),
  },
  product: {
    asks: pattern(
      `\\b(cong cu ai nao|nhung cong cu|ung dung ai nao|which ai tools|what ai tools|which tools|які інструменти|яких інструментів)|\\b(${PRODUCTS})\\b.*\\b(duoc phep|allowed|permitted|approved|дозволен)|\\b(duoc phep|allowed|permitted|approved|дозволен).*\\b(${PRODUCTS})\\b`,
    ),
    states: pattern(`\\b(${PRODUCTS})\\b`),
    // "Is ChatGPT allowed for secret documents?" asks about the prohibition, which covers every public
    // platform by name or not; only "is ChatGPT allowed?" on its own asks for the list of approved tools.
    unless: pattern(
      String.raw`\b(mat|bi mat|toi mat|tuyet mat|du lieu ca nhan|thong tin ca nhan|noi bo|secret|secrets|classified|confidential|personal data|personal information|internal|таємн\S*|секретн\S*|персональн\S*|внутрішн\S*)\b`,
    ),
  },
  contact: {
    asks: pattern(
      String.raw`\b(so dien thoai|dien thoai|email|e mail|hotline|dia chi|tru so|thong tin lien he|phone|contact details|(street|postal|office|contact|mailing) address|телефон|електронн\S* пошт|контакт|адрес(?!ат))`,
    ),
    // An e-mail, a phone number, a hotline, or a street address ("1 Hoang Van Thu street", "số 1 phố …").
    states: pattern(
      String.raw`@|\b(\+?84|0)\d{8,10}\b|\bhotline\b|\b\d+\s+(\p{L}+\s+){1,4}(street|road|avenue)\b|\bso (nha )?\d+\S*\s+(duong|pho|ngo)\b|\bвул(иця|\.)\s*\p{L}`,
    ),
  },
  levels: {
    asks: pattern(
      String.raw`\b(may muc|bao nhieu muc|cac muc do|muc do nao|how many levels|which levels|sensitivity levels|скільки рівн|рівні)`,
    ),
    states: pattern(String.raw`\b(hai|ba|bon|nam|two|three|four|five|\d+) (muc|cap|level|рівн)`),
  },
  // How the official text is divided (how many chapters, which article): the digests' own parts are not
  // its numbering, so only a passage that cites a chapter or article by number answers. "Mục"/"section"
  // and "розділ" are left out of "which …": they also name the digest's own sections.
  structure: {
    asks: pattern(
      String.raw`\b(may|bao nhieu) (phan(?! tram)|chuong|muc|dieu|khoan)\b|\b(chuong|dieu|khoan) (nao|may|so may|bao nhieu)\b|\bhow many (parts|chapters|sections|articles|clauses)\b|\b(which|what) (chapter|article|clause)\b|\bскільки (частин|розділ|стат|пункт)|\bяк(ий|ому|ої|а|ій) (стат|пункт)`,
    ),
    states: pattern(
      String.raw`\b(chuong|dieu|khoan|chapter|article|clause|глав\S*|статт\S*) ([ivxlc]+|\d+)\b`,
    ),
  },
  // The official text itself (its full text, original, a file of it): the digests are retellings, so no
  // passage holds it; only a link to the file would answer. Not a bare "file" or "PDF": staff ask about
  // putting files into chatbots.
  full_text: {
    asks: pattern(
      String.raw`\b(ban goc|toan van|ban chinh thuc|ban day du|full text|original text|official text|official copy|повн\S* текст|оригінал\S* (текст|документ|настанов)|офіційн\S* текст)`,
    ),
    states: pattern(String.raw`https?:|\.pdf\b`),
  },
};

/** The kinds of specific detail a question asks for (usually none). */
export function askedDetails(question: string): DetailKind[] {
  const folded = foldText(question);
  return (Object.keys(RULES) as DetailKind[]).filter(
    (kind) => RULES[kind].asks.test(folded) && !RULES[kind].unless?.test(folded),
  );
}

/** Whether a passage states a fact of the given kind at all. */
export function statesDetail(passage: string, kind: DetailKind): boolean {
  return RULES[kind].states.test(foldText(passage));
}
