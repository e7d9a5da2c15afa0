/**
 * Login rate limit: at most `max` failed logins per key (client address, and user name) in a
 * sliding `windowMs`; then 429 until the oldest failure leaves the window. In memory, bounded
 * (oldest keys dropped past `maxKeys`): a restart forgets, which only helps the legitimate user.
 */
export type RateLimiter = Readonly<{
  /** Milliseconds to wait before the next try, or 0 when allowed. */
  retryAfterMs: (key: string, now: number) => number;
  fail: (key: string, now: number) => void;
  reset: (key: string) => void;
}>;

export function createRateLimiter(
  options: Readonly<{ max: number; windowMs: number; maxKeys?: number }>,
): RateLimiter {
  const failures = new Map<string, number[]>();
  const maxKeys = options.maxKeys ?? 10_000;
  const recent = (key: string, now: number): number[] => {
    const list = (failures.get(key) ?? []).filter((t) => now - t < options.windowMs);
    if (list.length === 0) failures.delete(key);
    else failures.set(key, list);
    return list;
  };
  return {
    retryAfterMs: (key, now) => {
      const list = recent(key, now);
      return list.length < options.max ? 0 : options.windowMs - (now - list[0]!);
    },
    fail: (key, now) => {
      const list = recent(key, now);
      list.push(now);
      failures.delete(key);
      failures.set(key, list);
      if (failures.size > maxKeys) failures.delete(failures.keys().next().value!);
    },
    reset: (key) => {
      failures.delete(key);
    },
  };
}
