// A pool of warm sandbox worker processes running untrusted code (Code nodes, third-party plugins). Data flow and
// isolation layers: README.md.
import { createSandboxJob, type TCapabilityHandler, type TSandboxError, type TSandboxJob, type TSandboxLog, type TSandboxResult } from "./sandbox-job";
import { startSandboxProcess, type TSandboxProcess } from "./sandbox-process";
import { decodeSandboxOutput, RESULT_CAP_CHARS, type TSandboxWorkerConfig, type TWorkerMessage } from "./sandbox-protocol";

export type { TCapabilityHandler, TCapabilityRequest, TSandboxError, TSandboxLog, TSandboxResult } from "./sandbox-job";
export { RESULT_CAP_CHARS, type TSandboxErrorCode } from "./sandbox-protocol";

export type TSandboxPoolOptions = {
  size: number;
  memoryLimitMb: number;
  timeoutMs: number;
  /** A new isolate per job rather than a new context in a kept isolate: stronger, slower (README: trade-offs). */
  isolatePerJob?: boolean;
  onCapability?: TCapabilityHandler;
  onLog?: (log: TSandboxLog) => void;
};

export type TSandboxRunRequest = {
  code: string;
  input?: unknown;
  timeoutMs?: number;
  /** Aborting kills the worker running the job (or drops it from the queue); the result is ABORTED. */
  signal?: AbortSignal;
  /** Override the pool's handlers for this job: a plugin's grants decide what its calls may do. */
  onCapability?: TCapabilityHandler;
  onLog?: (log: TSandboxLog) => void;
};

export type TSandboxPoolStats = {
  workers: { pid: number | undefined; isReady: boolean; isBusy: boolean }[];
  queued: number;
  jobsDone: number;
  workersReplaced: number;
};

export type TSandboxPool = {
  run(request: TSandboxRunRequest): Promise<TSandboxResult>;
  /** Fails queued and running jobs with CRASHED and ends every worker. */
  close(): Promise<void>;
  stats(): TSandboxPoolStats;
};

type TSlot = {
  process: TSandboxProcess;
  isReady: boolean;
  /** The worker holds a fresh context built while it idled (it says so with "ready" and "prepared"). */
  hasContext: boolean;
  idleSince: number;
  job?: TSandboxJob;
  hardDeadline?: NodeJS.Timeout;
};

const LOG_LINE_CAP_CHARS = 8 * 1024;
const LOG_LINES_CAP = 1_000;
const MAX_PENDING_CALLS = 32;
/** The worker answers TIMEOUT itself at the deadline; past this grace the pool stops waiting and kills it. */
const HARD_KILL_GRACE_MS = 500;
/** Workers that die before they are ready this many times in a row mean a broken install, not bad luck: stop forking. */
const MAX_START_FAILURES = 3;

export function createSandboxPool(options: TSandboxPoolOptions): TSandboxPool {
  if (!Number.isInteger(options.size) || options.size < 1) throw new Error(`a sandbox pool needs at least one worker, got ${options.size}`);
  const config: TSandboxWorkerConfig = {
    memoryLimitMb: options.memoryLimitMb,
    resultCapChars: RESULT_CAP_CHARS,
    logLineCapChars: LOG_LINE_CAP_CHARS,
    logLinesCap: LOG_LINES_CAP,
    maxPendingCalls: MAX_PENDING_CALLS,
    isolatePerJob: options.isolatePerJob ?? false,
  };
  const slots: TSlot[] = [];
  const queue: TSandboxJob[] = [];
  let lastJobId = 0;
  let jobsDone = 0;
  let workersReplaced = 0;
  let startFailures = 0;
  /** Set once the pool runs no more jobs: closed, or its workers cannot start. */
  let stoppedReason: string | undefined;

  function startSlot(): TSlot {
    const worker = startSandboxProcess(config, { onMessage: (message) => onMessage(slot, message), onExit: (reason) => onExit(slot, reason) });
    const slot: TSlot = { process: worker, isReady: false, hasContext: false, idleSince: 0 };
    return slot;
  }

  function onMessage(slot: TSlot, message: TWorkerMessage): void {
    if (message.type === "prepared") {
      // Sent before the worker read a job dispatched meanwhile: then that job took the context, and the flag stays off.
      if (slot.job) return;
      slot.hasContext = true;
      return dispatch();
    }
    if (message.type === "ready") {
      slot.isReady = true;
      slot.hasContext = true;
      slot.idleSince = performance.now();
      startFailures = 0;
      return dispatch();
    }
    const job = slot.job;
    if (!job || job.id !== message.id) return;
    if (message.type === "log") return job.recordLog(message.level, message.message);
    if (message.type === "call") {
      return void job.answerCall(message.capability, message.args).then((reply) => {
        if (slot.job === job) slot.process.send({ type: "reply", id: job.id, callId: message.callId, ...reply });
      });
    }
    detachJob(slot);
    jobsDone++;
    job.finish(message.ok ? decodeSandboxOutput(message.output, message.truncated) : { ok: false, error: message.error });
    if (message.retire) slot.process.kill();
    else dispatch();
  }

  function onExit(slot: TSlot, reason: string): void {
    detachJob(slot)?.finish(fail("CRASHED", reason));
    const index = slots.indexOf(slot);
    if (index === -1) return;
    if (!slot.isReady && ++startFailures >= MAX_START_FAILURES) stoppedReason = `sandbox workers fail to start: ${reason}`;
    if (stoppedReason !== undefined) {
      slots.splice(index, 1);
      for (const job of queue.splice(0)) job.finish(fail("CRASHED", stoppedReason));
      return;
    }
    slots[index] = startSlot();
    workersReplaced++;
  }

  function detachJob(slot: TSlot): TSandboxJob | undefined {
    const job = slot.job;
    clearTimeout(slot.hardDeadline);
    slot.job = undefined;
    slot.idleSince = performance.now();
    return job;
  }

  /** Ends the slot's job with `error` and kills its worker; onExit starts the replacement. */
  function killSlot(slot: TSlot, error: TSandboxError): void {
    detachJob(slot)?.finish({ ok: false, error });
    slot.process.kill();
  }

  // An idle worker whose next fresh context is built, else the one that waited longest (it will build one on arrival).
  function pickIdleSlot(): TSlot | undefined {
    let best: TSlot | undefined;
    for (const slot of slots) {
      if (!slot.isReady || slot.job) continue;
      if (!best || (slot.hasContext && !best.hasContext) || (slot.hasContext === best.hasContext && slot.idleSince < best.idleSince)) best = slot;
    }
    return best;
  }

  function dispatch(): void {
    for (let slot = pickIdleSlot(); slot && queue.length > 0; slot = pickIdleSlot()) {
      const job = queue.shift()!;
      const busy = slot;
      busy.job = job;
      busy.hasContext = false;
      job.markStarted();
      busy.hardDeadline = setTimeout(
        () => killSlot(busy, { code: "TIMEOUT", message: `the sandbox did not answer within ${job.timeoutMs} ms; its worker was killed` }),
        job.timeoutMs + HARD_KILL_GRACE_MS,
      );
      busy.process.send({ type: "job", id: job.id, code: job.code, input: job.inputText, timeoutMs: job.timeoutMs });
    }
  }

  function run(request: TSandboxRunRequest): Promise<TSandboxResult> {
    let inputText: string | undefined;
    try {
      inputText = JSON.stringify(request.input);
    } catch (error) {
      return settled(fail("RUNTIME", `the input is not JSON: ${error instanceof Error ? error.message : String(error)}`));
    }
    if (stoppedReason !== undefined) return settled(fail("CRASHED", stoppedReason));
    if (request.signal?.aborted) return settled(fail("ABORTED", "the run was aborted before it started"));
    const job = createSandboxJob({
      id: ++lastJobId,
      code: request.code,
      inputText,
      timeoutMs: request.timeoutMs ?? options.timeoutMs,
      logLinesCap: LOG_LINES_CAP,
      logLineCapChars: LOG_LINE_CAP_CHARS,
      onLog: request.onLog ?? options.onLog,
      onCapability: request.onCapability ?? options.onCapability,
    });
    const onAbort = () => abortJob(job);
    request.signal?.addEventListener("abort", onAbort, { once: true });
    void job.result.then(() => request.signal?.removeEventListener("abort", onAbort));
    queue.push(job);
    dispatch();
    return job.result;
  }

  function abortJob(job: TSandboxJob): void {
    const error: TSandboxError = { code: "ABORTED", message: "the run was aborted" };
    const slot = slots.find((candidate) => candidate.job === job);
    if (slot) return killSlot(slot, error);
    const index = queue.indexOf(job);
    if (index !== -1) queue.splice(index, 1);
    job.finish({ ok: false, error });
  }

  async function close(): Promise<void> {
    stoppedReason = "the sandbox pool was closed";
    for (const job of queue.splice(0)) job.finish(fail("CRASHED", stoppedReason));
    const closing = slots.splice(0);
    for (const slot of closing) killSlot(slot, { code: "CRASHED", message: stoppedReason });
    await Promise.all(closing.map((slot) => slot.process.exited));
  }

  function stats(): TSandboxPoolStats {
    const workers = slots.map((slot) => ({ pid: slot.process.pid, isReady: slot.isReady, isBusy: slot.job !== undefined }));
    return { workers, queued: queue.length, jobsDone, workersReplaced };
  }

  for (let i = 0; i < options.size; i++) slots.push(startSlot());
  return { run, close, stats };
}

function fail(code: TSandboxError["code"], message: string) {
  return { ok: false as const, error: { code, message } };
}

function settled(outcome: ReturnType<typeof fail>): Promise<TSandboxResult> {
  return Promise.resolve({ ...outcome, logs: [], durationMs: 0 });
}
