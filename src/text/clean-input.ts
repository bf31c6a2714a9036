/**
 * What a person typed, made safe to search, store and show again: well-formed UTF-16, NFC, no control
 * characters, and no invisible format characters. Zero-width characters inside a word split it for search
 * ("bí\u200Bmật" would no longer be "bí mật"), and bidirectional overrides re-order whatever is shown after
 * them (in an escalation card, the rest of the card). Line breaks are kept: a question may have several lines.
 */

// C0/C1 controls other than the line feed become spaces, so that the words they separated stay apart.
const CONTROLS = /\p{Cc}/gu;
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
const FORMAT = /\p{Cf}/gu;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const ZERO_WIDTH_JOINER = '\u200D';
const EMOJI_PRESENTATION = '\uFE0F';

/** A zero-width joiner between two emoji builds one emoji (👨‍💻): it stays there, and only there. */
function joinsEmoji(text: string, offset: number): boolean {
  const before = [...text.slice(Math.max(0, offset - 3), offset)].filter((c) => c !== EMOJI_PRESENTATION);
  const after = [...text.slice(offset + 1, offset + 3)][0] ?? '';
  return PICTOGRAPH.test(before.at(-1) ?? '') && PICTOGRAPH.test(after);
}

export function cleanInput(text: string): string {
  return text
    .toWellFormed()
    .replace(LINE_BREAKS, '\n')
    .replace(FORMAT, (char, offset: number, whole: string) =>
      char === ZERO_WIDTH_JOINER && joinsEmoji(whole, offset) ? char : '',
    )
    .replace(CONTROLS, (char) => (char === '\n' ? '\n' : ' '))
    .normalize('NFC')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** At most `max` UTF-16 units of `text`, never half of a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, end);
}

/** True when the text has a letter or a digit: emoji, punctuation or markup alone is not a question. */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
