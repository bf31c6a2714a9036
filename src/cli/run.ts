import { existsSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { AppError } from '../errors.ts';

/** The environment, with a .env file in the working folder applied underneath it when there is one. */
export function readEnvironment(): Record<string, string | undefined> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return process.env;
}

export function configFromEnvironment() {
  return loadConfig(readEnvironment());
}

/**
 * The one place command-line failures are handled: a problem the user can fix prints as plain lines
 * without a stack trace; anything else is a bug and keeps its stack. Either way the exit code is 1.
 */
export async function runCommand(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`Unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    }
    process.exitCode = 1;
  }
}

/** A command's options by `parseArgs`; a mistake stops the command with its message and the usage line. */
export function parseOptions<const O extends NonNullable<ParseArgsConfig['options']>>(
  options: O,
  usage: string,
) {
  try {
    return parseArgs({ options }).values;
  } catch (error) {
    throw new AppError(`${(error as Error).message}\n${usage}`);
  }
}
