import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chunkSections } from '../../src/corpus/chunk.ts';
import { loadExampleQuestions } from '../../src/corpus/example-questions.ts';
import { CorpusError } from '../../src/errors.ts';

const SECTIONS = new Set(['0', 'I.1', 'IV.1']);

describe('example questions', () => {
  let dir: string;
  const write = (text: string) => writeFile(join(dir, 'questions', 'doc.vi.yaml'), text);
  const load = () => loadExampleQuestions(dir, 'doc.vi.md', 'doc', 'vi', SECTIONS);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'assistant-questions-'));
    await mkdir(join(dir, 'questions'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('are optional', async () => {
    expect(await loadExampleQuestions(dir, 'x.vi.md', 'x', 'vi', SECTIONS)).toEqual(new Map());
  });

  it('map section ids to questions', async () => {
    await write(
      '"IV.1":\n  - Có được dán tài liệu mật lên chatbot không?\n  - co duoc dua tai lieu mat len ai khong\n',
    );
    expect((await load()).get('IV.1')).toHaveLength(2);
  });

  it.each([
    [
      '"IX.9":\n  - câu hỏi\n',
      /questions\/doc\.vi\.yaml: names sections that doc\.vi\.md does not have: IX\.9/,
    ],
    ['"I.1": [unclosed\n', /is not valid YAML/],
    ['"I.1": just a string\n', /expected a mapping from section ids to lists of questions|expected array/],
  ])('refuse %j with a message naming the file', async (text, message) => {
    await write(text);
    const failure = load();
    await expect(failure).rejects.toBeInstanceOf(CorpusError);
    await expect(failure).rejects.toThrow(message);
  });

  it('are searched and embedded with their section but never quoted', async () => {
    const sections = [
      { id: 'IV.1', path: 'IV. Cấm › 1. Bí mật', headings: 'Cấm Bí mật', text: 'Không cung cấp bí mật.' },
    ];
    const [chunk] = await chunkSections(
      'doc',
      'vi',
      sections,
      new Map([['IV.1', ['Có được dán lên chatbot?']]]),
    );
    expect(chunk?.content).toBe('Không cung cấp bí mật.');
    expect(chunk?.searchText).toContain('dan len chatbot');
    expect(chunk?.embeddingInput).toContain('Có được dán lên chatbot?');
  });
});
