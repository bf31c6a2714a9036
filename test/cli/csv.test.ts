import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/cli/csv.ts';

describe('toCsv', () => {
  it.each([
    [[{ a: 1, b: 'x' }], 'a,b\r\n1,x\r\n'],
    [[{ q: 'has, comma' }], 'q\r\n"has, comma"\r\n'],
    [[{ q: 'say "hi"' }], 'q\r\n"say ""hi"""\r\n'],
    [[{ q: 'two\nlines' }], 'q\r\n"two\nlines"\r\n'],
    [[{ d: new Date('2026-11-26T10:00:00Z'), n: null }], 'd,n\r\n2026-11-26T10:00:00.000Z,\r\n'],
  ])('writes %j', (rows, csv) => {
    expect(toCsv(Object.keys(rows[0] ?? {}), rows)).toBe(csv);
  });

  it('writes the header alone when there are no rows', () => {
    expect(toCsv(['id', 'state'], [])).toBe('id,state\r\n');
  });
});
