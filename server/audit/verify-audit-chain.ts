// Walks a chain from its first row: every seq present in order, every row's prevHash the hash before it, every hash
// recomputed from the stored row, and the head pointing at the last row. The first break is reported with where it is.
import type { TDbOrTx } from "../db/client";
import { GENESIS_HASH, hashAuditRow } from "./audit-hash";

export type TAuditVerdict =
  | { ok: true; chain: string; checked: number }
  | { ok: false; chain: string; checked: number; seq: number; eventId: string | null; problem: string };

const PAGE = 1_000;

export async function verifyAuditChain(db: TDbOrTx, chain: string): Promise<TAuditVerdict> {
  // Read first: rows appended while the walk runs are beyond it and left for the next verification.
  const head = await db.auditChainHead.findUnique({ where: { chain } });
  const lastSeq = head?.seq ?? Number.MAX_SAFE_INTEGER;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { chain, seq: { gte: expectedSeq, lte: lastSeq } }, orderBy: { seq: "asc" }, take: PAGE });
    for (const row of rows) {
      const broken = (problem: string) => ({ ok: false as const, chain, checked, seq: row.seq, eventId: row.id, problem });
      if (row.seq !== expectedSeq) return { ok: false, chain, checked, seq: expectedSeq, eventId: null, problem: `Record ${expectedSeq} is missing (deleted): the chain jumps from ${expectedSeq - 1} to ${row.seq}` };
      if (row.prevHash !== prevHash) return broken(`Record ${row.seq} does not link to record ${row.seq - 1}: one of them was altered`);
      if (hashAuditRow(row) !== row.hash) return broken(`Record ${row.seq} (${row.action}) was edited after it was written`);
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < PAGE) break;
  }
  if (head && (head.seq !== checked || head.hash !== prevHash)) {
    return { ok: false, chain, checked, seq: head.seq, eventId: null, problem: `Record ${head.seq} is missing (deleted): the chain ends at ${checked}` };
  }
  return { ok: true, chain, checked };
}
