import { truncateJson } from "@/lib/run-values/truncate-json";
import type { TDbOrTx } from "../../db/client";
import { findRunOrThrow } from "./find-run";

/**
 * Events after `afterSeq`, in order: a client that saw seq n asks for n and misses nothing. A payload over 10 KB comes
 * as a preview (`$truncated`), like listed step values; the step's record keeps the whole value.
 */
export async function listRunEvents(db: TDbOrTx, options: { workspaceId: string; runId: string; afterSeq: number; limit: number }) {
  await findRunOrThrow(db, options, { id: true });
  const events = await db.runEvent.findMany({
    where: { runId: options.runId, seq: { gt: options.afterSeq } },
    orderBy: { seq: "asc" },
    take: options.limit,
    select: { seq: true, type: true, nodeId: true, payload: true, ts: true },
  });
  return { events: events.map((event) => ({ ...event, payload: truncateJson(event.payload) })), lastSeq: events.at(-1)?.seq ?? options.afterSeq };
}
