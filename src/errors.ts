/**
 * Failures a person can act on. The command-line edge prints `message` (one line per problem) and exits
 * non-zero without a stack trace; anything that is not an AppError is a bug and keeps its stack.
 */
export class AppError extends Error {
  override readonly name: string = 'AppError';
}

export class ConfigError extends AppError {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export class DatabaseUnavailableError extends AppError {
  override readonly name = 'DatabaseUnavailableError';
}

export class DataDirLockedError extends AppError {
  override readonly name = 'DataDirLockedError';
}

export class CorpusError extends AppError {
  override readonly name = 'CorpusError';
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

export class EmbedderMismatchError extends AppError {
  override readonly name = 'EmbedderMismatchError';
}

export class EmbeddingServiceError extends AppError {
  override readonly name = 'EmbeddingServiceError';
}

export class NotIndexedError extends AppError {
  override readonly name = 'NotIndexedError';
}
