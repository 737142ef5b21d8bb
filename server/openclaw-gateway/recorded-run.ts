// One studio run recorded from a gateway: its events get the run's next seq, go to live subscribers at once and to
// the database in order (one write chain per run), and its steps are written when they end, like the engine's.
import { randomUUID } from "node:crypto";
import type { TDb } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { TRunEventMap, TRunEventType } from "../runtime/events";
import type { TSeqEvent } from "../runtime/run-store";

export type TStepRecord = { id: string; seq: number; nodeId: string; parentStepId: string | null; input: unknown; startedAt: Date };

export type TRecordedRun = ReturnType<typeof createRecordedRun>;

export function createRecordedRun(options: { db: TDb; runId: string; publish: (event: TSeqEvent) => void; onError: (error: unknown) => void }) {
  const { db, runId } = options;
  let nextSeq = 1;
  let nextStepSeq = 1;
  let writes: Promise<unknown> = Promise.resolve();
  let isEnded = false;

  function enqueue(write: () => Promise<unknown>): void {
    writes = writes.then(write).catch(options.onError);
  }

  function emit<K extends TRunEventType>(type: K, nodeId: string | null, payload: TRunEventMap[K]): void {
    const event = { runId, seq: nextSeq++, type, nodeId, payload, ts: Date.now() } as TSeqEvent;
    options.publish(event);
    // skipDuplicates: once the sweep ended a run this recorder lost (its lease ran out), the sweep's event holds the seq.
    enqueue(() => db.runEvent.createMany({ data: [{ runId, seq: event.seq, type, nodeId, payload: toJson(payload), ts: new Date(event.ts) }], skipDuplicates: true }));
  }

  return {
    runId,
    get isEnded(): boolean {
      return isEnded;
    },
    emit,
    startStep(nodeId: string, parentStepId: string | null, input: unknown): TStepRecord {
      return { id: randomUUID(), seq: nextStepSeq++, nodeId, parentStepId, input, startedAt: new Date() };
    },
    finishStep(step: TStepRecord, outcome: { status: "succeeded" | "failed" | "cancelled"; output?: unknown; error?: { code: string; message: string } }): void {
      const finishedAt = new Date();
      enqueue(() =>
        db.runStep.create({
          data: {
            id: step.id,
            runId,
            seq: step.seq,
            nodeId: step.nodeId,
            key: `${step.nodeId}:[]:${step.seq}`,
            scope: [],
            parentStepId: step.parentStepId,
            status: outcome.status,
            input: toJson(step.input),
            output: outcome.output === undefined ? Prisma.JsonNull : toJson(outcome.output),
            error: outcome.error ? toJson(outcome.error) : Prisma.JsonNull,
            startedAt: step.startedAt,
            finishedAt,
          },
        }),
      );
    },
    /**
     * The run's last word: its status, output or error, and the lease given up so nothing sweeps it again. The row
     * changes before its final event is stored and published: whoever sees the event reads the ended run.
     */
    end(outcome: { status: "succeeded" | "failed" | "cancelled"; output?: unknown; error?: { code: string; message: string } }): void {
      if (isEnded) return;
      isEnded = true;
      enqueue(() =>
        db.run.updateMany({
          where: { id: runId, status: "running" },
          data: {
            status: outcome.status,
            output: outcome.output === undefined ? Prisma.JsonNull : toJson(outcome.output),
            error: outcome.error ? toJson(outcome.error) : Prisma.JsonNull,
            finishedAt: new Date(),
            leaseOwner: null,
            leaseExpiresAt: null,
          },
        }),
      );
      if (outcome.status === "succeeded") emit("run.completed", null, { output: outcome.output ?? null });
      else if (outcome.status === "failed") emit("run.failed", null, { error: outcome.error ?? { code: "GATEWAY_RUN_FAILED", message: "The gateway run failed" } });
      else emit("run.cancelled", null, { reason: outcome.error?.message ?? "aborted on the gateway" });
    },
    /** Resolves once everything emitted so far is in the database. */
    flushed(): Promise<unknown> {
      return writes;
    },
  };
}

function toJson(value: unknown): Prisma.InputJsonValue {
  return (value ?? null) as Prisma.InputJsonValue;
}
