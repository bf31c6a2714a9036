import { foldText } from '../text/normalize.ts';

// JavaScript's \b knows only ASCII letters; this start-of-word test also works before Cyrillic letters.
const START = String.raw`(?<![\p{L}\p{N}])`;

/**
 * Words (folded: lower case, no diacritics) that tie a question to what the corpus is about: artificial
 * intelligence and its tools, what the guidelines regulate in its use, or one of the documents, their issuers
 * and the coordinating department, including the numbered documents the digests cite. Word starts only, so
 * "ai" is not found in "hai".
 */
const TOPIC = new RegExp(
  `${START}(?:${[
    // Artificial intelligence and its tools.
    String.raw`ai(?![\p{L}])`,
    'a\\.i\\.',
    'tri tue nhan tao',
    'artificial intelligen',
    'ші(?![\\p{L}])',
    'штучн',
    'chat ?bot',
    'чат-?бот',
    'tro ly',
    'assistant',
    'асистент',
    'mo hinh',
    'model',
    'модел',
    'llm',
    'gpt',
    'chatgpt',
    'gemini',
    'copilot',
    'claude',
    'deepseek',
    'llama',
    'hoc may',
    'machine learning',
    'нейро',
    'neural',
    'prompt',
    'promt',
    'промпт',
    // What the guidelines regulate in AI use, which staff in this chat ask about without saying "AI":
    // accounts' passwords, checking what was generated, state secrets and public platforms.
    'mat khau',
    'password',
    'login',
    'dang nhap',
    'пароль',
    'логін',
    'kiem chung',
    'fact.?check',
    'verif',
    'generated',
    'may tao',
    'tao ra boi may',
    'згенер',
    'bi mat nha nuoc',
    'state secret',
    'державн\\S* таємниц',
    'nen tang cong cong',
    'public platform',
    'публічн\\S* платформ',
    // The documents and who issued or coordinates them.
    'huong dan',
    'guideline',
    'guidance',
    'настанов',
    'cong van',
    'letter',
    'лист(а|і|ом|у)?(?![\\p{L}])',
    'tap huan',
    'hoi nghi',
    'training',
    'conference',
    'навчан',
    'конференц',
    'van phong trung uong',
    'vptw',
    'central party office',
    'канцеляр',
    'chuyen doi so\\s*(-|–)?\\s*co yeu',
    'cuc chuyen doi so',
    'co yeu',
    'cryptograph',
    'криптограф',
    '(43|57|169|557)(?![\\p{N}])',
  ].join('|')})`,
  'u',
);

/**
 * Whether a question mentions AI or one of the documents at all. Every answerable question of the tuning
 * halves does; a question that does neither ("fines for leaking customers' data", "criteria for electronic
 * medical records") is about something else, however many of the corpus's words it shares.
 */
export function mentionsTopic(question: string): boolean {
  return TOPIC.test(foldText(question));
}
