// In-memory token buckets, one per key. Per process: with several web processes each allows the full rate, which is
// acceptable for a flood guard (the run queue's concurrency limits bound the real work).
const MAX_KEYS = 10_000;

export type TTake = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };

/** `capacity` requests at once, refilled continuously at `capacity` per `windowMs`. Time is injected for tests. */
export function createTokenBuckets(options: { capacity: number; windowMs: number; now?: () => number }) {
  const { capacity, windowMs } = options;
  const now = options.now ?? Date.now;
  const refillPerMs = capacity / windowMs;
  const buckets = new Map<string, { tokens: number; at: number }>();

  function refill(bucket: { tokens: number; at: number }, at: number): void {
    bucket.tokens = Math.min(capacity, bucket.tokens + (at - bucket.at) * refillPerMs);
    bucket.at = at;
  }

  // A full bucket carries no information: dropping it bounds memory without letting anyone past their limit.
  function forgetFullBuckets(at: number): void {
    for (const [key, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= capacity) buckets.delete(key);
    }
  }

  return {
    take(key: string): TTake {
      const at = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= MAX_KEYS) forgetFullBuckets(at);
        bucket = { tokens: capacity, at };
        buckets.set(key, bucket);
      }
      refill(bucket, at);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { isAllowed: true };
      }
      return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
    },
  };
}
