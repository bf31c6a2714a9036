import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../src/db/data-dir-lock.ts';
import { DataDirLockedError } from '../../src/errors.ts';

describe('the embedded data folder lock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'assistant-lock-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('refuses a second holder while the first holds it, naming the folder', () => {
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(dir);
    lock.release();
    lockDataDir(dir).release();
  });

  it('refuses while another running process holds it', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(join(dir, 'assistant.lock'), `${other.pid} someone-else`);
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${other.pid}`));
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    await writeFile(join(dir, 'assistant.lock'), `${gone.pid} stale`);
    lockDataDir(dir).release();
  });

  it('takes over a lock with this pid left by an earlier process (a restarted container)', async () => {
    await writeFile(join(dir, 'assistant.lock'), `${process.pid} earlier-incarnation`);
    lockDataDir(dir).release();
  });
});
