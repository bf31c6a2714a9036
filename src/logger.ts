import pino from 'pino';
import type { Config } from './config.ts';

/**
 * Structured logs on stderr (stdout belongs to answers and --json output). Logs carry ids, timings and
 * counts, never message text; secret-looking keys are redacted in case one is ever passed.
 */
export function createLogger(level: Config['logLevel']) {
  return pino(
    {
      level,
      redact: {
        paths: ['*.token', '*.apiKey', '*.password', '*.databaseUrl', 'config'],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}

export type Logger = ReturnType<typeof createLogger>;
