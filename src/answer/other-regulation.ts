/**
 * Names of laws, decrees and acts as questions write them: "Luật Bảo vệ bí mật nhà nước", "Nghị định 30",
 * "the Law on Digital Technology Industry", "the EU AI Act", "федеральний закон про ШІ". Capitals and numbers
 * tell a named instrument from the generic word ("pháp luật", "the law"), so an unmarked, lower-case "luat"
 * is left alone: it may be either.
 */
const NAMED_REGULATION = [
  /(?<![\p{L}])Luật\s+\p{Lu}/u,
  /(?<![\p{L}])[Nn]gh(?:ị|i) [dđ](?:ị|i)nh\s+(?:số\s+|so\s+)?\d+/u,
  /\bLaw on\s+[A-Z]/,
  /\b(?:[A-Z][\w-]*\s+)+Act\b/,
  /\bfederal law\b/i,
  /(?<![\p{L}])[Зз]акон\p{L}*\s+(?:про|України|США)(?![\p{L}])/u,
  /(?<![\p{L}])федеральн\p{L}*\s+закон/iu,
];

/**
 * The law, decree or act a question names, if any. The corpus holds the Party guidelines, Letter 557 and the
 * training conference, which cite no such instrument by name: a question about one asks about another
 * document, however many words it shares with these (out of scope, for the coordinators).
 */
export function namedRegulation(question: string): string | undefined {
  for (const rule of NAMED_REGULATION) {
    const found = rule.exec(question);
    // Its first few words, as far as the clause goes: enough to say which one, for the coordinators.
    if (found)
      return question
        .slice(found.index)
        .split(/[,.;:?!]/)[0]
        ?.split(/\s+/)
        .slice(0, 6)
        .join(' ');
  }
  return undefined;
}
