import type { QualityProgress } from '../pipeline/quality-check.ts';
import type { ReindexProgress } from '../pipeline/reindex.ts';

/**
 * Progress of a long job: one line rewritten in place on an interactive terminal, nothing in CI or when
 * output goes to a file or pipe.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr) {
  const live = Boolean(stream.isTTY) && !process.env.CI;
  let shown = false;
  return {
    show(text: string): void {
      if (!live) return;
      stream.write(`\r\x1b[2K${text}`);
      shown = true;
    },
    done(): void {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

export function bar(done: number, total: number, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}

export function describeReindexProgress(event: ReindexProgress): string {
  switch (event.stage) {
    case 'loaded':
      return `Loaded ${event.documents} document(s), ${event.chunks} passages`;
    case 'embedding':
      return `Embedding ${bar(event.done, event.total)}`;
    case 'storing':
      return 'Storing the new version';
  }
}

export function describeQualityProgress(event: QualityProgress): string {
  return `Checking quality on ${event.version} ${bar(event.done, event.total)}`;
}
