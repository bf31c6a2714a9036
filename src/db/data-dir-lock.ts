import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DataDirLockedError } from '../errors.ts';

export interface DataDirLock {
  release(): void;
}

/** Locks this process holds; a lock file with our pid but another token was left by an earlier process. */
const heldTokens = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process per data folder: a second process opening it would corrupt it. A lock file with
 * the owner's pid keeps the second process out; a lock left by a process that no longer runs is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'assistant.lock');
  const token = randomUUID();
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid} ${token}`);
      closeSync(fd);
      heldTokens.add(token);
      return {
        release: () => {
          heldTokens.delete(token);
          rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pidText = '', ownerToken = ''] = readFileSync(path, 'utf8').split(' ');
      const owner = Number.parseInt(pidText, 10);
      // A restarted container can give the new process the old one's pid: the token tells them apart.
      const ours = owner === process.pid && heldTokens.has(ownerToken);
      if (ours || (Number.isInteger(owner) && owner !== process.pid && isRunning(owner))) {
        throw new DataDirLockedError(
          `The embedded database in ${dataDir} is in use by process ${owner} (the bot, or another reindex or ask). ` +
            'Stop that process first, or use a PostgreSQL server (DATABASE_URL) to run several processes at once.',
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DataDirLockedError(
    `Could not lock the embedded database in ${dataDir}; another process keeps taking it.`,
  );
}
