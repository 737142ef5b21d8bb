// The engine of one process: claims runs (leases), drives each with driveRun, renews leases with a heartbeat,
// resumes runs whose lease expired, batches run events, and releases its leases on stop. Persistence comes in as a
// TRunStore; realtime and telemetry subscribe through `onEvent`. No framework, no database client here.
import { randomUUID } from "node:crypto";
import { createActivationSlots } from "./activation-slots";
import { systemClock, type TClock } from "./clock";
import { createDriveBackoff } from "./drive-backoff";
import { driveRun, type TDriveOutcome } from "./drive-run";
import { NonRetriableError } from "./errors";
import { createEventWriter } from "./event-writer";
import type { TNodeImplementations } from "./node-implementation";
import type { TLoadedRun, TRunStore, TSeqEvent } from "./run-store";

export type TRuntimeOptions = {
  store: TRunStore;
  /** Fixed node types, or the node types of the run's workspace (core plus its plugins), loaded per run. */
  implementations: TNodeImplementations | ((run: TLoadedRun) => Promise<TNodeImplementations>);
  clock?: TClock;
  random?: () => number;
  /** Lease owner name, unique among live runtimes (two sharing one would drive the same runs); random when absent. */
  owner?: string;
  /** Node activations running at once across all runs of this process. */
  maxActivations?: number;
  /** Runs driven at once by this process, in total, per workspace and per graph. */
  maxRuns?: number;
  maxRunsPerWorkspace?: number;
  maxRunsPerGraph?: number;
  leaseMs?: number;
  heartbeatMs?: number;
  pollMs?: number;
  /** First wait before a run whose drive broke is driven again; doubles with each break in a row, up to a minute. */
  driveRetryMs?: number;
  /**
   * false (queue mode): this runtime never claims runs by polling; a queue worker claims a run and hands it over with
   * `driveClaimed`. The heartbeat still renews leases and carries cancel requests.
   */
  autoClaim?: boolean;
  onEvent?: (event: TSeqEvent) => void;
  /** A workspace secret's value (server/services/secret/resolve-secret.ts); absent: secrets are unavailable. */
  resolveSecret?: (workspaceId: string, name: string, environmentId: string | null) => Promise<string>;
  onError?: (error: unknown, context: string) => void;
};

export type TRuntime = ReturnType<typeof createRuntime>;

/** `childWaits`: steps of the run now waiting in process for a child run (a Sub-graph tool): while any do, the run holds no run slot. */
type TDriven = { workspaceId: string; graphId: string; childWaits: number; stop: AbortController; cancel: AbortController; done: Promise<TDriveOutcome | "error"> };

export function createRuntime(options: TRuntimeOptions) {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const owner = options.owner ?? `executor-${randomUUID()}`;
  const leaseMs = options.leaseMs ?? 30_000;
  const maxRuns = options.maxRuns ?? 50;
  const onError = options.onError ?? (() => undefined);
  const slots = createActivationSlots(options.maxActivations ?? 32);
  const events = createEventWriter({ store, onEvent: options.onEvent, onError });
  const driving = new Map<string, TDriven>();
  const resolveSecret = options.resolveSecret ?? ((_workspaceId: string, name: string) => Promise.reject(new NonRetriableError(`Secret ${name}: secrets are not available in this runtime`)));
  const settledListeners = new Set<() => void>();
  const autoClaim = options.autoClaim ?? true;
  const backoff = createDriveBackoff({ baseMs: options.driveRetryMs ?? 1_000, maxMs: 60_000, now: () => clock.now() });
  let isRunning = false;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  let isPolling = false;
  let shouldPollAgain = false;

  /** A run whose node types cannot load (a plugin changed on disk) fails with that reason instead of running. */
  async function resolveImplementations(run: TLoadedRun): Promise<{ implementations: TNodeImplementations; loadError?: unknown }> {
    if (typeof options.implementations !== "function") return { implementations: options.implementations };
    try {
      return { implementations: await options.implementations(run) };
    } catch (error) {
      return { implementations: new Map(), loadError: error };
    }
  }

  /**
   * Runs that hold a slot, in total or of one workspace or graph. A run waiting for its tool's child run gives its slot
   * back, so parents waiting on children can never take every slot their children need (a Sub-graph node parks its run
   * and holds nothing either).
   */
  function countHoldingSlots(key?: "workspaceId" | "graphId", value?: string): number {
    let count = 0;
    for (const driven of driving.values()) if (driven.childWaits === 0 && (!key || driven[key] === value)) count++;
    return count;
  }

  /** Wraps a step's in-process wait for a child run: the run's slot is free meanwhile, and a poll claims the child now. */
  function makeChildWait(driven: TDriven) {
    return async <T>(wait: () => Promise<T>): Promise<T> => {
      driven.childWaits++;
      wake();
      try {
        return await wait();
      } finally {
        driven.childWaits--;
      }
    };
  }

  /** Drives a run this runtime holds the lease of; `done` settles when the drive ends and the lease is given back. */
  function startDrive(run: TLoadedRun): TDriven {
    events.startRun(run.id, run.nextEventSeq);
    const driven: TDriven = { workspaceId: run.workspaceId, graphId: run.graphId, childWaits: 0, stop: new AbortController(), cancel: new AbortController(), done: Promise.resolve("stopped") };
    driving.set(run.id, driven);
    driven.done = resolveImplementations(run)
      .then(({ implementations, loadError }) => {
        const resources = { store, implementations, loadError, resolveSecret, clock, random: options.random ?? Math.random, slots, owner, emit: events.emit, whileWaitingOnChild: makeChildWait(driven) };
        return driveRun(resources, run, { stop: driven.stop.signal, cancel: driven.cancel.signal });
      })
      .catch((error: unknown) => {
        onError(error, `run ${run.id}`);
        return "error" as const;
      })
      .then(async (outcome) => {
        if (outcome === "error") backoff.failed(run.id);
        else backoff.succeeded(run.id);
        // Released before it leaves `driving`: claimRuns takes this owner's own leases back unless excluded, so a
        // poll in between would claim the run again and this release would then drop the new drive's lease.
        if (outcome === "stopped" || outcome === "error") await store.releaseLeases({ owner, runIds: [run.id] }).catch((error: unknown) => onError(error, "release lease"));
        driving.delete(run.id);
        settledListeners.forEach((listener) => listener());
        if (outcome !== "stopped") wake();
        return outcome;
      });
    return driven;
  }

  let currentPoll: Promise<void> = Promise.resolve();

  function poll(): Promise<void> {
    if (!isRunning) return Promise.resolve();
    if (isPolling) {
      shouldPollAgain = true;
      return currentPoll;
    }
    currentPoll = pollOnce();
    return currentPoll;
  }

  async function pollOnce(): Promise<void> {
    isPolling = true;
    try {
      const limit = maxRuns - countHoldingSlots();
      const claimed = limit > 0 ? await store.claimRuns({ owner, limit, leaseMs, excludeIds: [...driving.keys(), ...backoff.waiting()] }) : [];
      // Stopped while claiming: give the runs back instead of driving them after stop() returned.
      if (!isRunning) {
        if (claimed.length > 0) await store.releaseLeases({ owner, runIds: claimed });
        return;
      }
      const deferred: string[] = [];
      for (const run of claimed.length > 0 ? await store.loadRuns(claimed) : []) {
        const runId = run.id;
        const isOverLimit =
          countHoldingSlots("workspaceId", run.workspaceId) >= (options.maxRunsPerWorkspace ?? Infinity) ||
          countHoldingSlots("graphId", run.graphId) >= (options.maxRunsPerGraph ?? Infinity);
        if (isOverLimit) {
          deferred.push(runId);
          continue;
        }
        startDrive(run);
      }
      if (deferred.length > 0) await store.releaseLeases({ owner, runIds: deferred });
      if (claimed.length > 0 && claimed.length === limit) shouldPollAgain = true;
    } catch (error) {
      onError(error, "poll");
    } finally {
      isPolling = false;
      schedulePoll(shouldPollAgain ? 0 : (options.pollMs ?? 1_000));
      shouldPollAgain = false;
    }
  }

  function schedulePoll(delayMs: number): void {
    clearTimeout(pollTimer);
    if (isRunning) pollTimer = setTimeout(() => void poll(), delayMs);
  }

  async function heartbeat(): Promise<void> {
    const runIds = [...driving.keys()];
    if (runIds.length === 0) return;
    try {
      const { lost, cancelRequested } = await store.renewLeases({ owner, runIds, leaseMs });
      lost.forEach((runId) => driving.get(runId)?.stop.abort(new Error("lease lost")));
      cancelRequested.forEach((runId) => driving.get(runId)?.cancel.abort(new Error("cancelled")));
    } catch (error) {
      onError(error, "heartbeat");
    }
  }

  /** Asks for a poll now (a run was queued, approved or cancelled). */
  function wake(): void {
    if (isRunning && autoClaim) schedulePoll(0);
  }

  return {
    owner,
    start(): void {
      if (isRunning) return;
      isRunning = true;
      heartbeatTimer = setInterval(() => void heartbeat(), options.heartbeatMs ?? 5_000);
      heartbeatTimer.unref?.();
      if (autoClaim) schedulePoll(0);
    },
    wake,
    /**
     * Drives a run whose lease the caller took under this runtime's `owner` (queue mode); resolves with the outcome when
     * the drive ends: parked, finished, or stopped (lease given back).
     */
    async driveClaimed(runId: string): Promise<TDriveOutcome | "error"> {
      if (!isRunning) {
        await store.releaseLeases({ owner, runIds: [runId] });
        return "stopped";
      }
      const running = driving.get(runId);
      if (running) return running.done;
      const [run] = await store.loadRuns([runId]).catch(async (error: unknown) => {
        await store.releaseLeases({ owner, runIds: [runId] }).catch(() => undefined);
        throw error;
      });
      if (!run) throw new Error(`Run ${runId} not found`);
      return startDrive(run).done;
    },
    /** When a run whose drive broke may be driven again (queue mode delays its job until then). */
    driveRetryAt(runId: string): number | undefined {
      return backoff.retryAt(runId);
    },
    /** Cancels a run this process is driving now; returns false when it is not driving it. */
    cancelLocally(runId: string): boolean {
      const driven = driving.get(runId);
      driven?.cancel.abort(new Error("cancelled"));
      return driven !== undefined;
    },
    /** Between start() and stop(): it claims (or is handed) runs. Readiness reports it (start-runtime.ts). */
    get isRunning(): boolean {
      return isRunning;
    },
    get drivingCount(): number {
      return driving.size;
    },
    /** Resolves once no run is being driven (tests and benchmarks). */
    async whenIdle(): Promise<void> {
      while (driving.size > 0 || isPolling) {
        await new Promise<void>((resolve) => {
          const listener = () => {
            settledListeners.delete(listener);
            resolve();
          };
          settledListeners.add(listener);
          setTimeout(listener, 20);
        });
      }
    },
    /** Stops claiming, aborts running activations, releases every lease and flushes events. */
    async stop(): Promise<void> {
      isRunning = false;
      clearTimeout(pollTimer);
      clearInterval(heartbeatTimer);
      await currentPoll;
      const stopping = [...driving.values()];
      stopping.forEach((driven) => driven.stop.abort(new Error("runtime stopping")));
      await Promise.all(stopping.map((driven) => driven.done));
      await events.flush();
    },
  };
}
