// A per-key budget counted in the shared store (limiter-store.ts), taken in blocks: a webhook allowed thousands of
// deliveries a minute would otherwise pay one store write per delivery, all on the same hot row.
import { RateLimiterRes } from "rate-limiter-flexible";
import type { TLimiter } from "./limiter-store";

export type TConsumeResult = { ok: true } | { ok: false; msBeforeNext: number };

/** A budget of this size or less is counted point by point; above it, a block is a hundredth of the budget. */
const BLOCKS_PER_BUDGET = 100;

/**
 * `consume(key)` spends one point. A process takes `ceil(points / 100)` points from the store at once and spends them
 * locally until they run out or the store's window ends. Every process still shares one budget: a block the store can
 * only partly give is taken as far as it fits (the store reports how many points were counted before), and the points
 * a process holds when the window ends are lost to the others, at most one block per process and window. With a small
 * budget (100 or less) a block is one point: exactly the store's own counting.
 */
export function createReservedPoints(limiter: () => TLimiter, points: number, now: () => number = Date.now) {
  const blockSize = Math.max(1, Math.ceil(points / BLOCKS_PER_BUDGET));
  const held = new Map<string, { remaining: number; endsAt: number }>();
  const reserving = new Map<string, Promise<TConsumeResult>>();

  function spendHeld(key: string): boolean {
    const block = held.get(key);
    if (!block || block.remaining <= 0 || block.endsAt <= now()) return false;
    block.remaining -= 1;
    return true;
  }

  async function reserve(key: string): Promise<TConsumeResult> {
    const granted = await limiter()
      .consume(key, blockSize)
      .then(
        (result) => ({ points: blockSize, msBeforeNext: result.msBeforeNext }),
        (rejection: unknown) => {
          if (!(rejection instanceof RateLimiterRes)) throw rejection;
          const countedBefore = rejection.consumedPoints - blockSize;
          return { points: Math.min(blockSize, Math.max(0, points - countedBefore)), msBeforeNext: rejection.msBeforeNext };
        },
      );
    if (granted.points === 0) return { ok: false, msBeforeNext: granted.msBeforeNext };
    if (held.size >= 10_000) held.clear();
    held.set(key, { remaining: granted.points - 1, endsAt: now() + granted.msBeforeNext });
    return { ok: true };
  }

  return {
    async consume(key: string): Promise<TConsumeResult> {
      for (;;) {
        if (spendHeld(key)) return { ok: true };
        const pending = reserving.get(key);
        if (!pending) break;
        // Another delivery is taking the next block: share it rather than take a second one.
        const result = await pending;
        if (!result.ok) return result;
      }
      const next = reserve(key).finally(() => reserving.delete(key));
      reserving.set(key, next);
      return next;
    },
  };
}
