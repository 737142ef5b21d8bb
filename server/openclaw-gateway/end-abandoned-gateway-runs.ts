// A recording whose recorder stopped heartbeating (the studio process restarted or died mid-run) would stay "running"
// forever: nothing else drives it. Every studio process sweeps: such a run fails with words that say what happened.
import { GATEWAY_RUN_TRIGGER } from "@/lib/runs/run-triggers";
import type { TDb } from "../db/client";
import type { TSeqEvent } from "../runtime/run-store";

export const ABANDONED_RECORDING_ERROR = {
  code: "GATEWAY_RECORDING_LOST",
  message: "The studio stopped recording this gateway run before it ended (the studio restarted or lost the process that recorded it). The gateway kept running it; its outcome is in the session's chat history on the gateway.",
};

export async function endAbandonedGatewayRuns(db: TDb, options: { publish?: (event: TSeqEvent) => void; now?: Date } = {}): Promise<string[]> {
  const now = options.now ?? new Date();
  const abandoned = await db.run.findMany({
    where: { trigger: GATEWAY_RUN_TRIGGER, status: "running", OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] },
    select: { id: true },
    take: 500,
  });
  const ended: string[] = [];
  for (const { id } of abandoned) {
    const isEnded = await db.$transaction(async (tx) => {
      // Compare-and-set: a recorder that heartbeat meanwhile keeps its run; two sweeping processes end it once.
      const claimed = await tx.run.updateMany({
        where: { id, status: "running", OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }] },
        data: { status: "failed", error: ABANDONED_RECORDING_ERROR, finishedAt: now, leaseOwner: null, leaseExpiresAt: null },
      });
      if (claimed.count === 0) return false;
      const last = await tx.runEvent.aggregate({ where: { runId: id }, _max: { seq: true } });
      const seq = (last._max.seq ?? 0) + 1;
      await tx.runEvent.create({ data: { runId: id, seq, type: "run.failed", payload: { error: ABANDONED_RECORDING_ERROR }, ts: now } });
      options.publish?.({ runId: id, seq, type: "run.failed", nodeId: null, payload: { error: ABANDONED_RECORDING_ERROR }, ts: now.getTime() });
      return true;
    });
    if (isEnded) ended.push(id);
  }
  return ended;
}

/** Sweeps at start (what the previous process left) and then every `everyMs`. */
export function startGatewayRunSweeper(db: TDb, options: { everyMs: number; publish: (event: TSeqEvent) => void; onError: (error: unknown) => void }) {
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    current = endAbandonedGatewayRuns(db, { publish: options.publish }).catch(options.onError).finally(() => {
      timer = setTimeout(sweep, options.everyMs);
      timer.unref();
    });
  };
  sweep();
  return {
    async stop(): Promise<void> {
      clearTimeout(timer);
      await current;
      clearTimeout(timer);
    },
  };
}
