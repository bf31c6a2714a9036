import type { Context, MiddlewareFn } from 'grammy';

/**
 * Counts updates being handled, so that shutdown can stop taking new ones and still let every answer in
 * progress reach its asker before the database closes.
 */
export function createInFlight<C extends Context>() {
  let active = 0;
  let waiters: (() => void)[] = [];
  const middleware: MiddlewareFn<C> = async (_ctx, next) => {
    active += 1;
    try {
      await next();
    } finally {
      active -= 1;
      if (active === 0) {
        for (const wake of waiters) wake();
        waiters = [];
      }
    }
  };
  /** Resolves when nothing is in flight, or after `maxMs` at the latest. */
  const idle = (maxMs: number) =>
    new Promise<void>((resolve) => {
      if (active === 0) return resolve();
      const timer = setTimeout(resolve, maxMs);
      waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  return { middleware, idle, active: () => active };
}
