import { describe, expect, it } from 'vitest';
import { createPassageIndexes, indexPassage } from '../../src/retrieval/passage-index.ts';

const TEXTS = new Map([
  [1, 'bi mat nha nuoc bi mat'],
  [2, 'khong dua len ai'],
  [3, 'thoi tiet'],
]);

/** Indexes over a stand-in for the chunks table that records which ids each read asked for. */
function indexesOver(texts: Map<number, string>, capacity = 10) {
  const reads: number[][] = [];
  const indexesOf = createPassageIndexes({
    capacity,
    searchTexts: async (ids) => {
      reads.push(ids);
      return new Map(ids.flatMap((id) => (texts.has(id) ? [[id, texts.get(id) as string] as const] : [])));
    },
  });
  return { indexesOf, reads };
}

const version = { id: 1, createdAt: new Date('2026-11-27T00:00:00Z') };

describe('indexPassage', () => {
  it('notes every word where it occurs and counts the words', () => {
    const { length, positions } = indexPassage(1, 'bi mat nha nuoc bi mat');
    expect(length).toBe(6);
    expect(positions.get('bi')).toEqual([0, 4]);
    expect(positions.get('nuoc')).toEqual([3]);
    expect(positions.has('ai')).toBe(false);
  });

  it('notes only the words asked for, and still counts them all', () => {
    const { length, positions } = indexPassage(1, 'bi mat nha nuoc bi mat', new Set(['mat', 'ai']));
    expect(length).toBe(6);
    expect([...positions]).toEqual([['mat', [1, 5]]]);
  });
});

describe('createPassageIndexes', () => {
  it('reads only the passages it has not indexed yet, in one query, and keeps the order asked for', async () => {
    const { indexesOf, reads } = indexesOver(TEXTS);
    expect((await indexesOf(version, [2, 1])).map((p) => p.id)).toEqual([2, 1]);
    expect((await indexesOf(version, [3, 1, 2])).map((p) => p.id)).toEqual([3, 1, 2]);
    expect(reads).toEqual([[2, 1], [3]]);
  });

  it('leaves out ids without a passage', async () => {
    const { indexesOf } = indexesOver(TEXTS);
    expect((await indexesOf(version, [1, 99])).map((p) => p.id)).toEqual([1]);
  });

  it('forgets the least recently used beyond its capacity', async () => {
    const { indexesOf, reads } = indexesOver(TEXTS, 2);
    await indexesOf(version, [1, 2]);
    await indexesOf(version, [1]); // 1 is now the most recent
    await indexesOf(version, [3]); // evicts 2
    await indexesOf(version, [1, 2]);
    expect(reads).toEqual([[1, 2], [3], [2]]);
  });

  it('starts afresh for another version, or the same id created anew (a restored database)', async () => {
    const { indexesOf, reads } = indexesOver(TEXTS);
    await indexesOf(version, [1]);
    await indexesOf({ id: 2, createdAt: version.createdAt }, [1]);
    await indexesOf({ id: 2, createdAt: new Date('2026-11-28T00:00:00Z') }, [1]);
    expect(reads).toEqual([[1], [1], [1]]);
  });
});
