import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/corpus/front-matter.ts';

const VALID: Record<string, string> = {
  id: 'id: cpo-ai-guidelines',
  title: 'title: "Hướng dẫn khai thác, sử dụng AI"',
  language: 'language: vi',
  status: 'status: digest',
  version: 'version: "digest-2025-11-27"',
  sources: 'sources:\n  - https://example.org/a',
};

/** A document whose front matter is VALID with some keys replaced (a line) or removed (undefined). */
function documentWith(changes: Record<string, string | undefined> = {}, body = '# Title\n\nText.\n'): string {
  const lines = Object.entries({ ...VALID, ...changes })
    .map(([, line]) => line)
    .filter((line): line is string => line !== undefined);
  return `---\n${lines.join('\n')}\n---\n${body}`;
}

function problemOf(text: string): string {
  const result = parseFrontMatter(text);
  if (result.ok) throw new Error('expected a problem');
  return result.problem;
}

describe('parseFrontMatter', () => {
  it('returns the validated metadata with defaults, and the body after the closing fence', () => {
    expect(parseFrontMatter(documentWith())).toEqual({
      ok: true,
      meta: {
        id: 'cpo-ai-guidelines',
        title: 'Hướng dẫn khai thác, sử dụng AI',
        language: 'vi',
        status: 'digest',
        kind: 'guidelines',
        translation: false,
        version: 'digest-2025-11-27',
        sources: ['https://example.org/a'],
      },
      body: '# Title\n\nText.\n',
    });
  });

  it.each([
    ['version: 3', '3'],
    ['version: 2025', '2025'],
    ['version: 2025-11-27', '2025-11-27'],
  ])('turns %j into the string %j', (line, version) => {
    const result = parseFrontMatter(documentWith({ version: line }));
    expect(result.ok && result.meta.version).toBe(version);
  });

  it.each([
    ['no fence at all', '# Title\n\nText.'],
    ['an unclosed fence', '---\nid: a\n\n# Title'],
    ['a fence that is not at the top', `Intro\n${documentWith()}`],
  ])('reports missing front matter for %s', (_case, text) => {
    expect(problemOf(text)).toMatch(/^missing front matter/);
  });

  it('reports YAML that does not parse', () => {
    expect(problemOf('---\nid: [a\n---\nText')).toMatch(/^front matter is not valid YAML: /);
  });

  it.each(['id', 'title', 'language', 'status', 'version', 'sources'])('names the missing key %s', (key) => {
    expect(problemOf(documentWith({ [key]: undefined }))).toMatch(new RegExp(`(^|; |: )${key}: `));
  });

  it.each([
    ['id', 'id: Not Valid', 'id: expected lower-case letters, digits and hyphens'],
    ['title', 'title: "  "', 'title: '],
    ['language', 'language: fr', 'language: expected one of vi, en, uk'],
    ['status', 'status: draft', 'status: expected digest or official'],
    ['kind', 'kind: rumour', 'kind: expected one of guidelines, related, context, gaps'],
    ['translation', 'translation: "yes"', 'translation: expected true or false'],
    ['version', 'version: ""', 'version: '],
    ['sources', 'sources:\n  - not a url', 'sources.0: expected a URL'],
  ])('names the invalid key %s', (key, line, message) => {
    expect(problemOf(documentWith({ [key]: line }))).toContain(message);
  });

  it('reports every invalid key at once', () => {
    const problem = problemOf(documentWith({ id: 'id: X', language: 'language: fr', status: undefined }));
    expect(problem).toMatch(/id: .*; language: .*; status: /);
  });
});
