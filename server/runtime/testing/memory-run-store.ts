// An in-memory TRunStore for engine unit tests: same contract as the Postgres store, including lease checks.
import { LeaseLostError } from "../errors";
import type { TLoadedRun, TRecording, TRunStore, TSeqEvent, TStepRecord } from "../run-store";
import type { TRunStatus } from "../statuses";

type TMemoryRun = TLoadedRun & { leaseOwner: string | null; leaseExpiresAt: number; wakeAt: number | null; output: unknown; error: unknown; createdAt: number };

export function createMemoryRunStore(now: () => number = Date.now) {
  const runs = new Map<string, TMemoryRun>();
  const steps: TStepRecord[] = [];
  const events: TSeqEvent[] = [];

  function held(runId: string, owner: string): TMemoryRun {
    const run = runs.get(runId);
    if (!run || run.leaseOwner !== owner) throw new LeaseLostError(`Lease on ${runId} lost`);
    return run;
  }

  function recordSteps(runId: string, committed: TStepRecord[]): void {
    for (const step of committed) {
      const index = steps.findIndex((existing) => existing.runId === runId && existing.seq === step.seq);
      if (index >= 0 && steps[index]!.status !== "waiting") throw new Error(`Step ${step.key} recorded twice`);
      // Like the Postgres upsert: a resumed wait completes the step row it parked in.
      if (index >= 0) steps[index] = structuredClone(step);
      else steps.push(structuredClone(step));
    }
  }

  const store: TRunStore = {
    async claimRuns({ owner, limit, leaseMs, excludeIds }) {
      const claimable = [...runs.values()]
        .filter((run) => !excludeIds.includes(run.id) && (run.leaseOwner === null || run.leaseOwner === owner || run.leaseExpiresAt < now()))
        .filter(
          (run) =>
            run.status === "queued" ||
            run.status === "running" ||
            (run.status === "waiting" && ((run.wakeAt !== null && run.wakeAt <= now()) || run.cancelRequested)),
        )
        .sort((a, b) => a.createdAt - b.createdAt)
        .slice(0, limit);
      for (const run of claimable) Object.assign(run, { leaseOwner: owner, leaseExpiresAt: now() + leaseMs, status: "running", startedAt: run.startedAt ?? now() });
      return claimable.map((run) => run.id);
    },
    async loadRuns(runIds) {
      return runIds.flatMap((runId) => {
        const run = runs.get(runId);
        return run ? [structuredClone({ ...run, nextEventSeq: events.filter((event) => event.runId === runId).length + 1 })] : [];
      });
    },
    async commitSteps({ runId, owner, steps: committed, frontier }) {
      const run = held(runId, owner);
      recordSteps(runId, committed);
      run.frontier = structuredClone(frontier);
    },
    async saveFrontier({ runId, owner, frontier }) {
      held(runId, owner).frontier = structuredClone(frontier);
    },
    async finishRun({ runId, owner, status, output, error, frontier, steps: unwritten = [] }) {
      const run = held(runId, owner);
      recordSteps(runId, unwritten);
      Object.assign(run, { status, output, error, frontier: structuredClone(frontier), leaseOwner: null });
      return { resumedParentRunId: null };
    },
    async parkRun({ runId, owner, frontier, wakeAt }) {
      const run = held(runId, owner);
      Object.assign(run, { status: "waiting", frontier: structuredClone(frontier), leaseOwner: null, wakeAt: wakeAt?.getTime() ?? null });
    },
    async renewLeases({ owner, runIds, leaseMs }) {
      const lost: string[] = [];
      const cancelRequested: string[] = [];
      for (const runId of runIds) {
        const run = runs.get(runId);
        if (!run || run.leaseOwner !== owner) lost.push(runId);
        else {
          run.leaseExpiresAt = now() + leaseMs;
          if (run.cancelRequested) cancelRequested.push(runId);
        }
      }
      return { lost, cancelRequested };
    },
    async releaseLeases({ owner, runIds }) {
      for (const runId of runIds) {
        const run = runs.get(runId);
        if (run?.leaseOwner === owner) run.leaseOwner = null;
      }
    },
    async createChildRun() {
      throw new Error("Sub-graph runs are tested against the Postgres store");
    },
    async createToolRun() {
      throw new Error("Sub-graph runs are tested against the Postgres store");
    },
    async getRunResult() {
      throw new Error("Sub-graph runs are tested against the Postgres store");
    },
    async appendEvents(batch) {
      events.push(...structuredClone(batch));
    },
  };

  /** The recording a replay or fork of `sourceRunId` gets, as the Postgres store would build it. */
  function recordingOf(sourceRunId: string, mode: "replay" | "fork", forkFrom?: { seq: number; input: Record<string, unknown> }): TRecording {
    const source = steps.filter((step) => step.runId === sourceRunId);
    const forkStep = forkFrom ? source.find((step) => step.seq === forkFrom.seq)! : undefined;
    return {
      mode,
      sourceRunId,
      steps: Object.fromEntries(source.map((step) => [step.key, { status: step.status, output: step.output, error: step.error, effects: step.effects }])),
      fork: forkStep ? { nodeId: forkStep.nodeId, key: forkStep.key, input: forkFrom!.input } : null,
    };
  }

  return {
    store,
    recordingOf,
    steps,
    events,
    runs,
    addRun(run: Omit<TLoadedRun, "status" | "frontier" | "nextEventSeq" | "cancelRequested" | "recording" | "startedAt"> & { status?: TRunStatus; recording?: TLoadedRun["recording"]; startedAt?: number | null }) {
      runs.set(run.id, { status: "queued", frontier: null, nextEventSeq: 1, cancelRequested: false, recording: null, startedAt: null, ...run, leaseOwner: null, leaseExpiresAt: 0, wakeAt: null, output: null, error: null, createdAt: runs.size });
    },
  };
}
