import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCTION_NODE_OPTIONS } from '../../src/bench/bot.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the production image', () => {
  it('starts the compiled bot with the Node options the benchmark measures it with', async () => {
    const dockerfile = await readFile(join(ROOT, 'Dockerfile'), 'utf8');
    const cmd = [...dockerfile.matchAll(/^CMD (\[.*\])$/gm)].at(-1)?.[1];
    const command = JSON.parse(cmd ?? '[]') as string[];
    expect(command[0]).toBe('node');
    expect(command.at(-1)).toBe('dist/main.js');
    expect(command.filter((arg) => arg.startsWith('--max-'))).toEqual(PRODUCTION_NODE_OPTIONS);
  });
});
