/**
 * Stops calling a model server that keeps failing, so every asker does not wait out a timeout in turn:
 * after `failureThreshold` consecutive failures the breaker opens for `cooldownMs`, then lets one probe
 * through (half-open); the probe's outcome closes it again or re-opens it for another cooldown.
 */
export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  now?: () => number;
}

export interface CircuitBreaker {
  /** Whether a call may go out now; in half-open state only the one probe may. */
  allow(): boolean;
  succeeded(): void;
  failed(): void;
  state(): BreakerState;
}

export function createCircuitBreaker({
  failureThreshold,
  cooldownMs,
  now = Date.now,
}: CircuitBreakerOptions): CircuitBreaker {
  let failures = 0;
  let openedAt: number | undefined;
  let probing = false;

  const state = (): BreakerState => {
    if (openedAt === undefined) return 'closed';
    return now() - openedAt >= cooldownMs ? 'half-open' : 'open';
  };

  return {
    allow() {
      const current = state();
      if (current === 'closed') return true;
      if (current === 'open' || probing) return false;
      probing = true;
      return true;
    },
    succeeded() {
      failures = 0;
      openedAt = undefined;
      probing = false;
    },
    failed() {
      failures += 1;
      // A failed probe re-opens at once; otherwise only a run of failures opens.
      if (probing || failures >= failureThreshold) openedAt = now();
      probing = false;
    },
    state,
  };
}
