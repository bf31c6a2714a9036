import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from '../../src/llm/circuit-breaker.ts';

function breakerAt() {
  const clock = { now: 0 };
  const breaker = createCircuitBreaker({ failureThreshold: 3, cooldownMs: 1000, now: () => clock.now });
  return { breaker, clock };
}

describe('circuit breaker', () => {
  it('stays closed through failures separated by successes', () => {
    const { breaker } = breakerAt();
    for (let i = 0; i < 5; i += 1) {
      breaker.failed();
      breaker.failed();
      breaker.succeeded();
    }
    expect(breaker.state()).toBe('closed');
    expect(breaker.allow()).toBe(true);
  });

  it('opens after the threshold of consecutive failures and refuses calls during the cooldown', () => {
    const { breaker, clock } = breakerAt();
    for (let i = 0; i < 3; i += 1) breaker.failed();
    expect(breaker.state()).toBe('open');
    clock.now = 999;
    expect(breaker.allow()).toBe(false);
  });

  it('lets exactly one probe through after the cooldown, and closes when it succeeds', () => {
    const { breaker, clock } = breakerAt();
    for (let i = 0; i < 3; i += 1) breaker.failed();
    clock.now = 1000;
    expect(breaker.state()).toBe('half-open');
    expect(breaker.allow()).toBe(true);
    expect(breaker.allow()).toBe(false);
    breaker.succeeded();
    expect(breaker.state()).toBe('closed');
    expect(breaker.allow()).toBe(true);
  });

  it('re-opens for another cooldown when the probe fails', () => {
    const { breaker, clock } = breakerAt();
    for (let i = 0; i < 3; i += 1) breaker.failed();
    clock.now = 1500;
    expect(breaker.allow()).toBe(true);
    breaker.failed();
    expect(breaker.state()).toBe('open');
    clock.now = 2499;
    expect(breaker.allow()).toBe(false);
    clock.now = 2500;
    expect(breaker.allow()).toBe(true);
  });
});
