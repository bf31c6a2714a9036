import { execFile } from 'node:child_process';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../errors.ts';

const ROOT = join(import.meta.dirname, '..', '..');
/** Where `npm run build` writes, and `node dist/main.js` starts the bot from. */
export const DIST_DIR = join(ROOT, 'dist');
// Files read at run time beside the code that reads them (relative to its import.meta): tsc copies no such files.
const ASSETS = ['bot/locales', 'db/migrations'];

/**
 * Compiles src/ to dist/ with the project's TypeScript (tsconfig.build.json) and copies the files the code
 * reads at run time. Resolves when dist/ is complete; rejects with the compiler's messages.
 */
export async function compile(): Promise<void> {
  await rm(DIST_DIR, { recursive: true, force: true });
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const output = await promisify(execFile)(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
    cwd: ROOT,
  }).then(
    ({ stdout, stderr }) => stdout + stderr,
    (failed: { stdout?: string; stderr?: string }) => {
      const messages = `${failed.stdout ?? ''}${failed.stderr ?? ''}`.trim();
      throw new AppError(`TypeScript did not compile src/:\n${messages}`);
    },
  );
  if (output.trim()) process.stderr.write(output);
  for (const asset of ASSETS) {
    await cp(join(ROOT, 'src', asset), join(DIST_DIR, asset), { recursive: true });
  }
}
