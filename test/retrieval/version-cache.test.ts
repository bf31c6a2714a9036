import { describe, expect, it } from 'vitest';
import { createTermFrequencies } from '../../src/retrieval/term-frequencies.ts';
import { createVersionCache, createVersionValue } from '../../src/retrieval/version-cache.ts';

const v1 = { id: 1, createdAt: new Date('2026-11-27T00:00:00Z') };
const v2 = { id: 2, createdAt: new Date('2026-11-27T01:00:00Z') };

describe('createVersionCache', () => {
  it('loads only keys it does not keep, each once, and leaves out keys without a value', async () => {
    const loads: string[][] = [];
    const read = createVersionCache<string, string>({
      capacity: 10,
      load: async (versionId, keys) => {
        loads.push(keys);
        return new Map(keys.filter((k) => k !== 'none').map((k) => [k, `${k}@${versionId}`]));
      },
    });
    expect([...(await read(v1, ['a', 'b', 'a']))]).toEqual([
      ['a', 'a@1'],
      ['b', 'b@1'],
    ]);
    expect([...(await read(v1, ['b', 'c', 'none']))]).toEqual([
      ['b', 'b@1'],
      ['c', 'c@1'],
    ]);
    expect(loads).toEqual([
      ['a', 'b'],
      ['c', 'none'],
    ]);
  });

  it('does not keep what was read for a version that another replaced meanwhile', async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    const read = createVersionCache<string, string>({
      capacity: 10,
      load: async (versionId, keys) => {
        if (versionId === 1) await slow;
        return new Map(keys.map((k) => [k, `${k}@${versionId}`]));
      },
    });
    const old = read(v1, ['a']);
    expect((await read(v2, ['b'])).get('b')).toBe('b@2');
    release();
    expect((await old).get('a')).toBe('a@1');
    // Version 2's values only: version 1's late read did not land among them.
    expect((await read(v2, ['a'])).get('a')).toBe('a@2');
  });
});

describe('createTermFrequencies', () => {
  it('asks the database only for words not counted yet, per language, and keeps a zero count too', async () => {
    const asked: { languages: string[]; terms: string[] }[] = [];
    const frequenciesOf = createTermFrequencies(
      {
        frequencies: async (_versionId, languages, terms) => {
          asked.push({ languages, terms });
          const answers = new Map(terms.filter((t) => t !== 'hiem').map((t) => [t, t.length]));
          return { answers, gaps: new Map(terms.filter((t) => t === 'so hieu').map((t) => [t, 1])) };
        },
      },
      100,
    );
    const first = await frequenciesOf(v1, ['vi'], ['mat', 'hiem', 'so hieu']);
    expect(first.answers).toEqual(
      new Map([
        ['mat', 3],
        ['so hieu', 7],
      ]),
    );
    expect(first.gaps).toEqual(new Map([['so hieu', 1]]));
    const again = await frequenciesOf(v1, ['vi'], ['mat', 'hiem']);
    expect(again.answers).toEqual(new Map([['mat', 3]]));
    await frequenciesOf(v1, ['en'], ['mat']);
    expect(asked).toEqual([
      { languages: ['vi'], terms: ['mat', 'hiem', 'so hieu'] },
      { languages: ['en'], terms: ['mat'] },
    ]);
  });
});

describe('createVersionValue', () => {
  it('reads a version once, anew for another version or a rebuilt one, and keeps no failed read', async () => {
    const reads: number[] = [];
    let failNext = true;
    const valueFor = createVersionValue(async (versionId) => {
      reads.push(versionId);
      if (failNext) {
        failNext = false;
        throw new Error('connection reset');
      }
      return `passages of ${versionId}`;
    });
    await expect(valueFor(v1)).rejects.toThrow('connection reset');
    const [a, b] = await Promise.all([valueFor(v1), valueFor(v1)]);
    expect([a, b]).toEqual(['passages of 1', 'passages of 1']);
    expect(await valueFor(v2)).toBe('passages of 2');
    // The same id, created at another time: a database restored or rebuilt under that id.
    expect(await valueFor({ id: 2, createdAt: new Date('2026-11-28T00:00:00Z') })).toBe('passages of 2');
    expect(reads).toEqual([1, 1, 2, 2]);
  });
});
