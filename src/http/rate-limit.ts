import type { Clock } from '../kernel/index.ts';
import { AppError } from '../kernel/index.ts';

/**
 * A fixed-window counter per key (an IP address), kept in this process: a cheap first line in front of
 * public endpoints (sign-in's argon2 work, the webhook's signature check). Durable, shared throttling
 * of sign-ins lives in the database (login_throttle).
 */
export interface RateLimiter {
  /** Counts one hit; throws rate_limited once the key is over its limit for this window. */
  hit(key: string): void;
  /** Whether the key is already over the limit (without counting). */
  isLimited(key: string): boolean;
}

export function createRateLimiter(options: {
  max: number;
  windowMs: number;
  clock: Clock;
  name: string;
}): RateLimiter {
  let window = -1;
  let counts = new Map<string, number>();
  const current = () => {
    const now = Math.floor(options.clock.now() / options.windowMs);
    if (now !== window) {
      window = now;
      counts = new Map();
    }
    return counts;
  };
  const limited = (count: number) => {
    if (count > options.max) {
      const retryAfterSeconds = Math.ceil(((window + 1) * options.windowMs - options.clock.now()) / 1000);
      throw new AppError(
        'rate_limited',
        `${options.name}.rate_limited`,
        `Too many requests; try again in ${retryAfterSeconds} seconds.`,
        { details: { retryAfterSeconds } },
      );
    }
  };
  return {
    hit(key) {
      const map = current();
      const count = (map.get(key) ?? 0) + 1;
      map.set(key, count);
      limited(count);
    },
    isLimited(key) {
      return (current().get(key) ?? 0) >= options.max;
    },
  };
}
