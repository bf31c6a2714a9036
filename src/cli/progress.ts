import type { ReindexProgress } from '../pipeline/reindex.ts';

/**
 * Progress of a long job: a line rewritten in place on an interactive terminal, nothing in CI or when
 * output goes to a file or pipe.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr) {
  const live = Boolean(stream.isTTY) && !process.env.CI;
  let shown = false;
  return {
    update(event: ReindexProgress): void {
      if (!live) return;
      const text =
        event.stage === 'loaded'
          ? `Loaded ${event.documents} document(s), ${event.chunks} passages`
          : event.stage === 'embedding'
            ? `Embedding ${event.done}/${event.total} passages`
            : 'Storing the new version';
      stream.write(`\r\x1b[2K${text}`);
      shown = true;
    },
    done(): void {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
