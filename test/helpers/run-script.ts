import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = join(import.meta.dirname, '..', '..');
// The working folder is a temporary one, so tsx is named by path rather than resolved from it.
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs a command-line entry point as a user would, in a separate process with only the given environment
 * (never the developer's DATABASE_URL or .env), from a neutral working folder.
 */
export function startScript(script: string, args: string[], env: Record<string, string>, cwd: string) {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', TSX, join(ROOT, script), ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CI: 'true', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (data) => {
    output.stdout += data;
  });
  child.stderr.on('data', (data) => {
    output.stderr += data;
  });
  const result = new Promise<ScriptResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, ...output, ms: performance.now() - started }));
  });
  return { child, output, result };
}

export function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
  options: { cwd: string; input?: string },
): Promise<ScriptResult> {
  const { child, result } = startScript(script, args, env, options.cwd);
  child.stdin.end(options.input ?? '');
  return result;
}
