import { expect } from 'vitest';

/** What Telegram's HTML parse mode accepts in the messages the bot writes. */
const TAGS = new Set(['b', 'i', 'a', 'blockquote']);
const ENTITY = /^&(amp|lt|gt|quot);/;

/** Problems that would make Telegram reject the HTML: unbalanced or unknown tags, stray < > &, bad attributes. */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  for (let i = 0; i < html.length; i++) {
    const c = html[i];
    if (c === '>') problems.push(`stray > at ${i}`);
    if (c === '&' && !ENTITY.test(html.slice(i))) problems.push(`bad entity at ${i}`);
    if (c !== '<') continue;
    const tag = /^<(\/?)([a-z]+)((?: [a-z]+="[^"<>]*")*)>/.exec(html.slice(i));
    if (!tag) {
      problems.push(`stray < at ${i}`);
      continue;
    }
    const [raw, slash, name = ''] = tag;
    if (!TAGS.has(name)) problems.push(`unknown tag ${name}`);
    if (slash && stack.pop() !== name) problems.push(`unbalanced </${name}> at ${i}`);
    if (!slash) stack.push(name);
    i += raw.length - 1;
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(', ')}`);
  return problems;
}

/** The text a reader sees: tags removed, entities decoded. */
export const plain = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const compact = (text: string) => text.replace(/\s+/g, '');

/** Every message fits, is valid on its own, and together they lose no text of the unsplit answer. */
export function expectCleanSplit(messages: string[], whole: string, limit: number) {
  for (const message of messages) {
    expect(message.length).toBeLessThanOrEqual(limit);
    expect(htmlProblems(message)).toEqual([]);
    expect(plain(message).trim()).not.toBe('');
    expect(message).not.toMatch(/<([a-z]+)[^>]*><\/\1>/);
    expect(message).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  }
  expect(compact(plain(messages.join('')))).toBe(compact(plain(whole)));
}
