// Drives one leased run until it completes, fails, is cancelled or parks: take ready activations, execute them
// (up to the run's concurrency), and after each one record the step and the frontier in one transaction (pure steps
// are group-committed: step-journal.ts).
import { DEFAULT_MAX_STEPS } from "@/lib/runs/run-limits";
import type { TActivationSlots } from "./activation-slots";
import type { TAttachedCall } from "./attached-contract";
import { bindAttachedNodes } from "./bind-attached-nodes";
import type { TClock } from "./clock";
import { compilePlan, type TRunPlan } from "./compile-plan";
import { BudgetExceededError, LeaseLostError, NonRetriableError, RunTimedOutError, toStepError, type TStepError } from "./errors";
import type { TRunEvent, TRunEventMap } from "./events";
import { executeActivation, type TActivationOutcome } from "./execute-activation";
import {
  applyActivationResult,
  createInitialFrontier,
  nextWakeAt,
  parkActivation,
  resolveElapsedDelays,
  type TActivation,
  type TFrontier,
} from "./frontier/frontier";
import { takeReadyActivations } from "./frontier/take-ready-activations";
import type { TChildRunRequest, TNodeImplementations } from "./node-implementation";
import type { TLoadedRun, TRunStore, TStepRecord } from "./run-store";
import { createRunRedactor } from "./run-redactor";
import { traceOfRun } from "./trace-context";
import { describeReexecution, needsStartMarker, saveStartMarkers } from "./start-markers";
import { createStepJournal, type TStepJournal } from "./step-journal";
import { createEdgeDepthTracker } from "./edge-depths";
import { createLifecycle } from "./node-lifecycle";
import { createDirectives } from "./run-directives";
import { addUsage, createUsageMeter, describeBudgetLeft, describeBudgetOverrun, describeTimeout, getRunDeadline, getWakeAt, NO_USAGE, watchDeadline } from "./run-limits";
import type { TStepStatus } from "./statuses";

export const DEFAULT_RUN_CONCURRENCY = 8;

export type TDriveResources = {
  store: TRunStore;
  implementations: TNodeImplementations;
  /** Why the node types of this run could not be loaded; the run fails with it. */
  loadError?: unknown;
  clock: TClock;
  random: () => number;
  slots: TActivationSlots;
  owner: string;
  emit: (event: TRunEvent) => void;
  /** A secret's value for the run's workspace and environment (null: the default value). */
  resolveSecret: (workspaceId: string, name: string, environmentId: string | null) => Promise<string>;
  /** Wraps a step's in-process wait for a child run: the run gives its run slot back meanwhile (runtime.ts). */
  whileWaitingOnChild: <T>(wait: () => Promise<T>) => Promise<T>;
};

export type TDriveOutcome = "succeeded" | "failed" | "cancelled" | "waiting" | "stopped";

/**
 * `stopSignal` aborts when the process shuts down (the run stays leased until released, then resumes elsewhere);
 * `cancelSignal` aborts when a user cancels the run.
 */
export async function driveRun(resources: TDriveResources, run: TLoadedRun, signals: { stop: AbortSignal; cancel: AbortSignal }): Promise<TDriveOutcome> {
  const redactor = createRunRedactor();
  const emitRedacted = (event: TRunEvent) => resources.emit(redactor.redact(event));
  const emit = <K extends keyof TRunEventMap>(type: K, nodeId: string | null, payload: TRunEventMap[K]) =>
    emitRedacted({ runId: run.id, type, nodeId, payload, ts: resources.clock.now() } as TRunEvent);
  const { owner } = resources;
  const redacting = createRedactingStore(resources.store, redactor);
  const journal = createStepJournal((steps, at) => redacting.commitSteps({ runId: run.id, owner, steps, frontier: at }));
  const store = settlingFirst(redacting, journal);
  // Aborts running nodes when the run itself must stop (budget, timeout, another node failed).
  const halt = new AbortController();
  // Aborts when this drive returns: ends the deadline watch.
  const ended = new AbortController();
  const signal = AbortSignal.any([signals.stop, signals.cancel, halt.signal]);

  let plan: TRunPlan;
  try {
    if (resources.loadError) throw resources.loadError;
    plan = compilePlan(run.spec, resources.implementations);
  } catch (error) {
    const frontier = run.frontier ?? emptyFrontier();
    return fail(toStepError(error), frontier);
  }
  // A checkpoint written before runs counted usage has none: it starts at zero.
  const loaded = run.frontier ? { ...run.frontier, usage: run.frontier.usage ?? NO_USAGE } : createInitialFrontier(plan, run.input, run.startNodeId);
  let frontier = resolveElapsedDelays(loaded, resources.clock.now());
  const trace = traceOfRun(run);
  emit("run.started", null, { isResumed: run.frontier !== null, traceId: trace.traceId, parentSpanId: trace.parentSpanId });
  const deadline = getRunDeadline(run.settings, run.startedAt ?? resources.clock.now());
  const hasTimedOut = () => halt.signal.reason instanceof RunTimedOutError;
  const isPastDeadline = () => deadline !== undefined && (hasTimedOut() || resources.clock.now() >= deadline);
  const meter = createUsageMeter();

  const maxSteps = run.settings.maxSteps ?? DEFAULT_MAX_STEPS;
  const concurrency = run.settings.concurrency ?? DEFAULT_RUN_CONCURRENCY;
  const running = new Map<string, Promise<TActivationOutcome>>();
  // One listener per drive (not one per loop step, which piled up listeners on long runs).
  const aborted = untilAborted(signal);
  const edgeDepths = createEdgeDepthTracker();
  const getDirective = createDirectives(plan, run.recording);
  const env = {
    runId: run.id,
    traceId: trace.traceId,
    runInput: run.input,
    clock: resources.clock,
    random: resources.random,
    slots: resources.slots,
    emit: emitRedacted,
    signal,
    resolveSecret: async (name: string) => {
      const value = await resources.resolveSecret(run.workspaceId, name, run.environmentId ?? null);
      redactor.add(name, value);
      return value;
    },
    startChildRun: (parentStepSeq: number, request: TChildRunRequest, stepSpan: string) =>
      store.createChildRun({ parentRunId: run.id, parentStepSeq, request, trace: { traceId: trace.traceId, parentSpanId: stepSpan } }),
    budget: () => describeBudgetLeft(run.settings, frontier.usage),
    bindAttached: (
      activation: TActivation,
      idempotencyKey: string,
      calls: TAttachedCall[],
      attemptSignal: AbortSignal,
      whileWaiting: <T>(wait: () => Promise<T>) => Promise<T>,
      stepSpan: string,
    ) =>
      bindAttachedNodes(
        {
          runId: run.id,
          runInput: run.input,
          plan,
          signal: attemptSignal,
          now: () => resources.clock.now(),
          random: resources.random,
          sleep: (ms, sleepSignal) => resources.clock.sleep(ms, sleepSignal),
          emit: (type, nodeId, payload) => emit(type, nodeId, payload),
          resolveSecret: env.resolveSecret,
          redact: (value) => redactor.redact(value),
          onInvoked: (nodeId) => lifecycle.activateAttached(nodeId, activation),
          onSpent: (usage) => meter.add(activation.key, usage),
          runGraph: (key, request, callSpan) =>
            whileWaiting(() =>
              resources.whileWaitingOnChild(() => runToolGraph(store, resources.clock, { parentRunId: run.id, key, request, trace: { traceId: trace.traceId, parentSpanId: callSpan } }, attemptSignal)),
            ),
        },
        { nodeId: activation.nodeId, stepSeq: activation.stepSeq, idempotencyKey, budget: describeBudgetLeft(run.settings, frontier.usage), calls, traceId: trace.traceId, stepSpan },
      ),
  };
  const lifecycle = createLifecycle(frontier, (type, nodeId, payload) => emit(type, nodeId, payload as never));
  const start = (activation: TFrontier["inFlight"][number] | TFrontier["resolved"][number]) => {
    const planNode = plan.nodes.get(activation.nodeId)!;
    lifecycle.activate(activation);
    const outcome = executeActivation(env, planNode, activation, frontier.nodeState[activation.stateKey], getDirective(activation));
    running.set(activation.key, outcome.then((settled) => redactOutcome(settled, redactor)));
  };
  const markers = { store, runId: run.id, owner, plan, now: () => resources.clock.now(), directiveOf: getDirective };
  // Effectful activations are saved as started first, so whoever takes the run over knows to re-execute them.
  const startAll = async (activations: readonly (TFrontier["inFlight"][number] | TFrontier["resolved"][number])[]) => {
    const saved = await saveStartMarkers(markers, frontier, activations);
    frontier = saved.frontier;
    for (const activation of saved.reexecuted) emit("node.log", activation.nodeId, { stepSeq: activation.stepSeq, level: "warn", message: describeReexecution(activation) });
    saved.activations.forEach(start);
  };
  // Woken at its deadline (parked on an approval, say) or resumed after it: nothing runs again.
  if (isPastDeadline()) return stopRun(new RunTimedOutError(describeTimeout(run.settings)));
  watchDeadline(resources.clock, deadline, AbortSignal.any([signal, ended.signal]), () => halt.abort(new RunTimedOutError(describeTimeout(run.settings))));

  try {
    // After a crash: the activations that were running, and waits resolved while the run was parked, go first.
    await startAll([...frontier.inFlight, ...frontier.resolved]);
    for (;;) {
      if (signals.stop.aborted) return "stopped";
      if (signals.cancel.aborted || run.cancelRequested) {
        await Promise.allSettled(running.values());
        await store.finishRun({ runId: run.id, owner, status: "cancelled", output: null, error: null, frontier });
        lifecycle.retireAll(frontier);
        emit("run.cancelled", null, { reason: "Cancelled by a user" });
        return "cancelled";
      }
      if (isPastDeadline()) return await stopRun(new RunTimedOutError(describeTimeout(run.settings)));
      const overBudget = describeBudgetOverrun(run.settings, frontier.usage);
      if (overBudget) return await stopRun(new BudgetExceededError(overBudget));
      if (frontier.stepCount >= maxSteps) {
        lifecycle.retireAll(frontier);
        return await fail({ code: "MaxStepsExceeded", message: `The run reached its limit of ${maxSteps} steps` }, frontier);
      }
      const taken = takeReadyActivations(plan, frontier, Math.max(0, concurrency - running.size), run.settings.mailboxCapacity);
      frontier = taken.frontier;
      await startAll(taken.activations);

      if (running.size === 0) {
        if (frontier.waiting.length > 0) {
          const wakeAt = getWakeAt(nextWakeAt(frontier), deadline);
          await store.parkRun({ runId: run.id, owner, frontier, wakeAt: wakeAt === undefined ? null : new Date(wakeAt) });
          emit("run.waiting", null, { nodeIds: frontier.waiting.map((waiting) => waiting.nodeId) });
          return "waiting";
        }
        const stalled = findStalledInputs(plan, frontier);
        if (stalled) lifecycle.retireAll(frontier);
        if (stalled) return await fail({ code: "RunStalled", message: `The run cannot continue: ${stalled}` }, frontier);
        await store.finishRun({ runId: run.id, owner, status: "succeeded", output: frontier.outputs, error: null, frontier });
        lifecycle.retireAll(frontier);
        emit("run.completed", null, { output: frontier.outputs });
        return "succeeded";
      }

      const outcome = await Promise.race([...running.values(), aborted]);
      // Past its deadline, an outcome is left running: stopRun records it with the reason, not as the node's own failure.
      if (!outcome || hasTimedOut()) continue;
      running.delete(outcome.activation.key);
      if (signals.stop.aborted) return "stopped";
      if (signals.cancel.aborted && outcome.kind === "error") continue;

      await commit(outcome);
      if (outcome.kind === "error") {
        const nodeId = outcome.activation.nodeId;
        const label = plan.nodes.get(nodeId)?.node.label || nodeId;
        await settleRunning(new NonRetriableError(`The run failed at node "${label}"`));
        lifecycle.retireAll(frontier);
        return await fail({ ...outcome.error, message: `Node "${label}" failed: ${outcome.error.message}` }, frontier, nodeId);
      }
    }
  } catch (error) {
    if (error instanceof LeaseLostError) return "stopped";
    throw error;
  } finally {
    ended.abort();
    // Stopped (shutdown, lease lost): what was deferred is kept if the lease still allows it.
    await journal.settle().catch(() => undefined);
  }

  /**
   * Records a finished activation: the step row, its spend and the frontier in one transaction, then its event. A pure
   * step is deferred to the journal's next write (it would just run again after a crash); any other is written now.
   */
  async function commit(outcome: TActivationOutcome): Promise<void> {
    const recorded = recordOutcome(plan, frontier, outcome);
    const usage = meter.take(outcome.activation.key, outcome.kind === "result" && outcome.result.kind === "outputs" ? outcome.result.usage : undefined);
    frontier = countAttachedCalls({ ...recorded.frontier, usage: addUsage(recorded.frontier.usage, usage) }, outcome.effects.calls);
    const step = toStepRecord(run.id, outcome, recorded.status, usage);
    const isPure = (recorded.status === "succeeded" || recorded.status === "skipped") && !needsStartMarker(plan, outcome.activation, getDirective(outcome.activation));
    if (isPure) journal.defer(step, frontier);
    else await journal.commit(step, frontier);
    const changedDepths = edgeDepths.update(frontier);
    if (changedDepths) emit("edge.depth", null, { depths: changedDepths });
    const { stepSeq, nodeId } = outcome.activation;
    if (outcome.kind === "error") emit("node.failed", nodeId, { stepSeq, error: outcome.error });
    else if (recorded.status === "skipped") emit("node.skipped", nodeId, { stepSeq });
    else if (recorded.status === "waiting") emit("node.waiting", nodeId, { stepSeq, kind: outcome.kind === "result" && outcome.result.kind === "wait" ? outcome.result.wait.kind : "approval" });
    else emit("node.completed", nodeId, { stepSeq, durationMs: outcome.finishedAt - outcome.startedAt, ports: recorded.ports });
  }

  /**
   * Aborts the running activations with `reason` and records how each ended (a step cut off fails with the reason),
   * so the steps and the spend of a run stopped early are on record.
   */
  async function settleRunning(reason: Error): Promise<void> {
    halt.abort(reason);
    const settled = await Promise.allSettled(running.values());
    running.clear();
    for (const result of settled) {
      if (result.status !== "fulfilled") continue;
      const outcome = result.value;
      await commit(outcome.kind === "error" ? { ...outcome, error: { ...toStepError(halt.signal.reason), stack: undefined } } : outcome);
    }
  }

  /** A run-level limit was reached: running nodes are cancelled and recorded, and the run fails with the limit's code. */
  async function stopRun(reason: BudgetExceededError | RunTimedOutError): Promise<TDriveOutcome> {
    await settleRunning(reason);
    lifecycle.retireAll(frontier);
    return fail({ code: reason.name, message: reason.message }, frontier);
  }

  async function fail(error: TStepError & { nodeId?: string }, at: TFrontier, nodeId?: string): Promise<TDriveOutcome> {
    await store.finishRun({ runId: run.id, owner, status: "failed", output: null, error: { ...error, stack: undefined, nodeId }, frontier: at });
    emit("run.failed", null, { error: { ...error, stack: undefined, nodeId } });
    return "failed";
  }
}

function recordOutcome(plan: TRunPlan, frontier: TFrontier, outcome: TActivationOutcome): { frontier: TFrontier; status: TStepStatus; ports: string[] } {
  if (outcome.kind === "skipped") return { frontier: applyActivationResult(plan, frontier, outcome.activation, { kind: "skipped" }), status: "skipped", ports: [] };
  if (outcome.kind === "error") return { frontier, status: "failed", ports: [] };
  if (outcome.result.kind === "wait") return { frontier: parkActivation(frontier, outcome.activation, outcome.result.wait), status: "waiting", ports: [] };
  return { frontier: applyActivationResult(plan, frontier, outcome.activation, outcome.result), status: "succeeded", ports: Object.keys(outcome.result.outputs) };
}

function toStepRecord(runId: string, outcome: TActivationOutcome, status: TStepStatus, usage: TStepRecord["usage"]): TStepRecord {
  const result = outcome.kind === "result" ? outcome.result : undefined;
  return {
    runId,
    seq: outcome.activation.stepSeq,
    key: outcome.activation.key,
    nodeId: outcome.activation.nodeId,
    scope: outcome.activation.scope,
    attempt: outcome.attempt,
    status,
    input: outcome.input,
    output: result?.kind === "outputs" ? result.outputs : null,
    error: outcome.kind === "error" ? outcome.error : null,
    effects: outcome.effects,
    usage,
    startedAt: new Date(outcome.startedAt),
    finishedAt: new Date(outcome.finishedAt),
  };
}

/**
 * Secrets are handles end to end: what a node produced (its outputs and state, an error's message) is redacted before
 * it becomes any other node's input, so a host that echoes a secret hands the next node `[secret:NAME]`, never the
 * value or a spelling of it a Code node could turn back.
 */
function redactOutcome(outcome: TActivationOutcome, redactor: ReturnType<typeof createRunRedactor>): TActivationOutcome {
  if (outcome.kind === "result") return { ...outcome, result: redactor.redact(outcome.result) };
  if (outcome.kind === "error") return { ...outcome, error: redactor.redact(outcome.error) };
  return outcome;
}

/** The store as drive-run writes to it: every step, checkpoint, output and error redacted first. */
function createRedactingStore(store: TRunStore, redactor: ReturnType<typeof createRunRedactor>): TRunStore {
  return {
    ...store,
    commitSteps: (options) => store.commitSteps({ ...options, steps: options.steps.map((step) => redactor.redact(step)), frontier: redactor.redact(options.frontier) }),
    saveFrontier: (options) => store.saveFrontier({ ...options, frontier: redactor.redact(options.frontier) }),
    finishRun: (options) =>
      store.finishRun({
        ...options,
        output: redactor.redact(options.output),
        error: redactor.redact(options.error),
        frontier: redactor.redact(options.frontier),
        steps: options.steps?.map((step) => redactor.redact(step)),
      }),
    parkRun: (options) => store.parkRun({ ...options, frontier: redactor.redact(options.frontier) }),
  };
}

/**
 * Every other write of the run waits until the deferred steps before it are written, so writes keep their order; the
 * run's finish takes them into its own statement.
 */
function settlingFirst(store: TRunStore, journal: TStepJournal): TRunStore {
  const after =
    <A, R>(write: (options: A) => Promise<R>) =>
    async (options: A) => {
      await journal.settle();
      return write(options);
    };
  return {
    ...store,
    saveFrontier: after(store.saveFrontier),
    finishRun: async (options) => store.finishRun({ ...options, steps: await journal.take() }),
    parkRun: after(store.parkRun),
    createChildRun: after(store.createChildRun),
    createToolRun: after(store.createToolRun),
  };
}

const TOOL_RUN_POLL_MS = 200;

/** Starts (or finds) a tool's child run and waits for its end; the runtime's poll picks the child up like any run. */
async function runToolGraph(store: TRunStore, clock: TClock, options: Parameters<TRunStore["createToolRun"]>[0], signal: AbortSignal) {
  const { runId } = await store.createToolRun(options);
  for (;;) {
    const result = await store.getRunResult(runId);
    if (result) return result;
    await clock.sleep(TOOL_RUN_POLL_MS, signal);
  }
}

/** Attached invocations count as activations of the attached node (`<node>:attached`), for its lifecycle. */
function countAttachedCalls(frontier: TFrontier, calls: TAttachedCall[] | undefined): TFrontier {
  if (!calls || calls.length === 0) return frontier;
  const activationCounts = { ...frontier.activationCounts };
  for (const call of calls) activationCounts[`${call.nodeId}:attached`] = (activationCounts[`${call.nodeId}:attached`] ?? 0) + 1;
  return { ...frontier, activationCounts };
}

/** Nothing runs or waits, yet messages are pending: some join can never complete (an input that never arrives). */
function findStalledInputs(plan: TRunPlan, frontier: TFrontier): string | undefined {
  const stuck = frontier.pending.find((message) => plan.nodes.has(message.node));
  if (!stuck) return undefined;
  const node = plan.nodes.get(stuck.node)!.node;
  return `node "${node.label || node.id}" holds input on "${stuck.port}" but its other inputs never arrived`;
}

/** Resolves (with nothing) when the signal aborts, so a node that ignores its signal cannot delay a cancel. */
function untilAborted(signal: AbortSignal): Promise<undefined> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve(undefined);
    else signal.addEventListener("abort", () => resolve(undefined), { once: true });
  });
}

function emptyFrontier(): TFrontier {
  return { pending: [], inFlight: [], waiting: [], resolved: [], outputs: {}, nodeState: {}, activationCounts: {}, nextStepSeq: 1, stepCount: 0, usage: { tokens: 0, costUsd: 0 } };
}
