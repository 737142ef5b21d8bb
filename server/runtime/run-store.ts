// What the engine needs from durable storage. The Postgres implementation is server/db/prisma-run-store.ts; tests
// of the engine alone use testing/memory-run-store.ts. The engine never imports a database client.
import type { TGraphSettings, TGraphSpec } from "@/lib/graph";
import type { TAttachedCall } from "./attached-contract";
import type { TStepError } from "./errors";
import type { TRunEvent } from "./events";
import type { TAttemptStart, TFrontier } from "./frontier/frontier";
import type { TChildRunRequest, TChildRunResult, TEmission, TUsage, TWaitRequest } from "./node-implementation";
import type { TRunStatus, TStepStatus } from "./statuses";
import type { TRunTrace } from "./trace-context";

export type TStepRecord = {
  runId: string;
  seq: number;
  key: string;
  nodeId: string;
  scope: number[];
  attempt: number;
  status: TStepStatus;
  input: unknown;
  output: unknown;
  error: TStepError | null;
  effects: TStepEffects;
  usage: TUsage | null;
  startedAt: Date;
  finishedAt: Date;
};

/**
 * What replay needs beyond the output: the non-deterministic values the step observed (time, random) and the parts of
 * its result that are not outputs (a Map's emissions and state, an Output's run output, a wait).
 */
export type TStepEffects = {
  now: number[];
  random: number[];
  /** Invocations of attached nodes (model responses, tool results, memory), in call order. */
  calls?: TAttachedCall[];
  /** Earlier attempts of this activation lost with their executor (crash, lease taken over): this one re-executed it. */
  previousAttempts?: TAttemptStart[];
  result?: { emissions?: TEmission[]; state?: unknown; runOutput?: { name: string; value: unknown }; wait?: TWaitRequest };
};

export type TRecordedStep = { status: TStepStatus; output: unknown; error: TStepError | null; effects: TStepEffects; input?: unknown };

/**
 * A replay serves effectful nodes from the source run's steps and re-executes pure ones with the recorded time and
 * randomness. A fork serves everything upstream of its fork node from the record and runs the fork node (with the
 * edited input) and everything downstream of it live.
 */
export type TRecording = {
  mode: "replay" | "fork";
  sourceRunId: string;
  /** By activation key. */
  steps: Record<string, TRecordedStep>;
  fork: { nodeId: string; key: string; input: Record<string, unknown> } | null;
  /**
   * A replay through another version (blue/green): only a step whose node acts as it did in `sourceSpec` and gets the
   * input it got there is served from the record; the others run live when `allowsLiveCalls`, else fail unrun.
   */
  crossVersion?: { sourceSpec: TGraphSpec; allowsLiveCalls: boolean } | null;
};

export type TLoadedRun = {
  id: string;
  workspaceId: string;
  graphId: string;
  /** The environment a triggered or API-key run belongs to: its secrets resolve there (absent: the defaults). */
  environmentId?: string | null;
  status: TRunStatus;
  spec: TGraphSpec;
  settings: TGraphSettings;
  input: unknown;
  frontier: TFrontier | null;
  cancelRequested: boolean;
  /** When an executor first claimed the run (ms since epoch); the run timeout counts from it, across restarts and parks. */
  startedAt: number | null;
  /** Set when a trigger started the run: only that node starts, not the graph's other triggers and inputs. */
  startNodeId?: string | null;
  recording: TRecording | null;
  /** The seq the next event of this run gets. */
  nextEventSeq: number;
  /**
   * Names the node types the run may use (its version's plugin pins and its workspace's plugin installs as loaded):
   * runs with the same key load the same plugins, so the loader may share them. Absent: load them for this run.
   */
  nodeTypesKey?: string;
  /** The run's W3C trace (Run.traceId, parentSpanId); absent on runs older than it: derived (trace-context.ts). */
  trace?: TRunTrace | null;
};

export type TSeqEvent = TRunEvent & { seq: number };

export type TRunStore = {
  /**
   * Leases up to `limit` runs that need an executor, oldest first: queued, running with an expired lease, parked with a
   * delay now due, or not final with a cancel requested. A run leased by `owner` itself and not in `excludeIds` is
   * claimable at once: a drive of this runtime ended while the database was down, so releasing its lease failed.
   */
  claimRuns(options: { owner: string; limit: number; leaseMs: number; excludeIds: string[] }): Promise<string[]>;
  /** The runs, in the order asked, in one read; a run deleted meanwhile (its workspace or graph) is left out. */
  loadRuns(runIds: string[]): Promise<TLoadedRun[]>;
  /**
   * One statement: the step rows (one or more, in seq order; a row of a waiting step is completed) and the run's
   * frontier after the last of them. Throws LeaseLostError when `owner` no longer holds the run.
   */
  commitSteps(options: { runId: string; owner: string; steps: TStepRecord[]; frontier: TFrontier }): Promise<void>;
  /**
   * The frontier alone, before effectful activations start (their start markers), in one statement. Throws
   * LeaseLostError when `owner` no longer holds the run.
   */
  saveFrontier(options: { runId: string; owner: string; frontier: TFrontier }): Promise<void>;
  /**
   * Ends the run, recording `steps` (the steps not written yet, in seq order) with it; a Sub-graph child's end
   * resolves its parent's wait, and the parent is named so it can be resumed.
   */
  finishRun(options: {
    runId: string;
    owner: string;
    status: "succeeded" | "failed" | "cancelled";
    output: unknown;
    error: unknown;
    frontier: TFrontier;
    steps?: TStepRecord[];
  }): Promise<{ resumedParentRunId: string | null }>;
  /** Status waiting, lease released: no process holds a parked run. */
  parkRun(options: { runId: string; owner: string; frontier: TFrontier; wakeAt: Date | null }): Promise<void>;
  /** Extends the leases still held; reports runs whose cancel was requested and runs whose lease was lost. */
  renewLeases(options: { owner: string; runIds: string[]; leaseMs: number }): Promise<{ cancelRequested: string[]; lost: string[] }>;
  releaseLeases(options: { owner: string; runIds: string[] }): Promise<void>;
  /**
   * Creates (or finds, for a re-executed step) the child run of a Sub-graph step. A child's finishRun resolves the
   * parent's wait and queues the parent in the same transaction. `trace`: the child continues the parent's trace from
   * the step's span.
   */
  createChildRun(options: { parentRunId: string; parentStepSeq: number; request: TChildRunRequest; trace?: TRunTrace }): Promise<{ runId: string; finished?: TChildRunResult }>;
  /**
   * Creates (or finds, by `key`) the child run of a Sub-graph used as an agent's tool: the agent's step waits for it
   * in process instead of parking, since the model's next turn needs the answer. `trace`: from the tool call's span.
   */
  createToolRun(options: { parentRunId: string; key: string; request: TChildRunRequest; trace?: TRunTrace }): Promise<{ runId: string }>;
  /** The result of a run once it ended; undefined while it is still going. */
  getRunResult(runId: string): Promise<TChildRunResult | undefined>;
  /** Multi-row insert, outside any step transaction. */
  appendEvents(events: TSeqEvent[]): Promise<void>;
};
