import { describe, expect, it } from 'vitest';
import { diffCorpus, touchedSections } from '../../src/pipeline/corpus-diff.ts';

/** Chunk key → content hash, from `section/ordinal: hash` shorthand for document cpo, language vi. */
const build = (chunks: Record<string, string>) =>
  new Map(Object.entries(chunks).map(([key, hash]) => [`cpo/vi/${key}`, hash]));

const BEFORE = build({ 'I.1/0': 'a', 'I.1/1': 'b', 'I.2/0': 'c', 'IV.1/0': 'd' });

describe('diffCorpus', () => {
  it.each([
    ['nothing when nothing changed', BEFORE, { added: [], changed: [], removed: [] }],
    [
      'a new section as added',
      build({ 'I.1/0': 'a', 'I.1/1': 'b', 'I.2/0': 'c', 'IV.1/0': 'd', 'V.1/0': 'e' }),
      { added: ['cpo/vi/V.1'], changed: [], removed: [] },
    ],
    [
      'a section with an edited chunk as changed',
      build({ 'I.1/0': 'a', 'I.1/1': 'B', 'I.2/0': 'c', 'IV.1/0': 'd' }),
      { added: [], changed: ['cpo/vi/I.1'], removed: [] },
    ],
    [
      'a section that lost a chunk as changed',
      build({ 'I.1/0': 'a', 'I.2/0': 'c', 'IV.1/0': 'd' }),
      { added: [], changed: ['cpo/vi/I.1'], removed: [] },
    ],
    [
      'a section that is gone as removed',
      build({ 'I.1/0': 'a', 'I.1/1': 'b', 'I.2/0': 'c' }),
      { added: [], changed: [], removed: ['cpo/vi/IV.1'] },
    ],
    [
      'all three at once',
      build({ 'I.1/0': 'a', 'I.1/1': 'b', 'I.2/0': 'x', 'VI.1/0': 'f' }),
      { added: ['cpo/vi/VI.1'], changed: ['cpo/vi/I.2'], removed: ['cpo/vi/IV.1'] },
    ],
  ])('reports %s', (_case, after, diff) => {
    expect(diffCorpus(BEFORE, after)).toEqual(diff);
  });

  it('does not depend on the order the chunks were listed in', () => {
    const reversed = new Map([...BEFORE].reverse());
    expect(diffCorpus(BEFORE, reversed)).toEqual({ added: [], changed: [], removed: [] });
  });

  it('reports every section as added on a first build', () => {
    expect(diffCorpus(new Map(), BEFORE).added.sort()).toEqual(['cpo/vi/I.1', 'cpo/vi/I.2', 'cpo/vi/IV.1']);
  });
});

describe('touchedSections', () => {
  it('names changed and removed sections without their language, a section still present counting as changed', () => {
    const touched = touchedSections({
      added: ['cpo/vi/VII.1'],
      changed: ['cpo/vi/IV.2', 'cpo/en/I.1'],
      removed: ['cpo/en/IV.2', 'cpo/vi/IV.3', 'cpo/en/IV.3', 'digest/vi/a/b'],
    });
    expect([...touched].sort()).toEqual([
      ['cpo/I.1', 'changed'],
      ['cpo/IV.2', 'changed'],
      ['cpo/IV.3', 'removed'],
      ['digest/a/b', 'removed'],
    ]);
  });
});
