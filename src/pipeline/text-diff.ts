import { diffWords } from 'diff';

/** Words of unchanged text kept on each side of a change, so a reader can place it. */
const CONTEXT_WORDS = 5;
/** A changed section's diff is a glimpse for the report, not the whole text: this many characters at most. */
const MAX_CHARS = 400;

const squash = (text: string) => text.replace(/\s+/g, ' ');

/**
 * A short word-level diff of a section's old and new text, in `git diff --word-diff` notation:
 * "…tuyệt đối không [-cung cấp-]{+đưa+} dữ liệu cá nhân…". Unchanged stretches shrink to a few words of
 * context around each change; the whole is cut to a few hundred characters. Empty when no word changed.
 */
export function shortTextDiff(before: string, after: string): string {
  const parts = diffWords(squash(before), squash(after));
  if (!parts.some((part) => part.added || part.removed)) return '';
  const out = parts.map((part, i) => {
    if (part.added) return `{+${part.value.trim()}+}`;
    if (part.removed) return `[-${part.value.trim()}-]`;
    const words = part.value.trim().split(' ').filter(Boolean);
    const keepHead = i === 0 ? 0 : CONTEXT_WORDS;
    const keepTail = i === parts.length - 1 ? 0 : CONTEXT_WORDS;
    if (words.length <= keepHead + keepTail) return words.join(' ');
    const tail = keepTail > 0 ? words.slice(-keepTail) : [];
    return [...words.slice(0, keepHead), '…', ...tail].join(' ');
  });
  const text = out.filter(Boolean).join(' ');
  return text.length <= MAX_CHARS ? text : `${text.slice(0, MAX_CHARS - 1)}…`;
}
