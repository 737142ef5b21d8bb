import type { TDb } from "./client";

/**
 * Releases the leases held by earlier starts of `instance` (owners `<instance>#...` other than this start's `owner`):
 * that process is gone, so its runs are free now rather than when their leases expire. Returns how many.
 */
export async function releaseEarlierLeases(db: TDb, options: { instance: string; owner: string }): Promise<number> {
  const released = await db.run.updateMany({
    where: { leaseOwner: { startsWith: `${options.instance}#`, not: options.owner } },
    data: { leaseOwner: null, leaseExpiresAt: null },
  });
  return released.count;
}
