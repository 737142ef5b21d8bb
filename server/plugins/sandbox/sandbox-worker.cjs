// A sandbox worker process (see README.md): forked by sandbox-process.ts with an empty environment and
// --no-node-snapshot (isolated-vm on Node 20 needs it). Runs one job at a time, each in a fresh isolated-vm context,
// and talks to the pool over IPC only. Plain CommonJS so a worker starts fast, without a TypeScript loader.
const { createIsolateContexts } = require("./isolate-contexts.cjs");

/** @type {import("./sandbox-protocol").TSandboxWorkerConfig} */
const config = JSON.parse(process.argv[2] ?? "{}");
const MAX_ERROR_CHARS = 2_000;

const contexts = createIsolateContexts(config);
let prepared = contexts.prepare();
let current;

function send(message) {
  // The host may exit between the check and the write (shutdown): the callback takes that EPIPE instead of an
  // unhandled 'error' event on the process.
  if (process.connected) process.send(message, () => undefined);
}

function runJob(job) {
  const context = prepared ?? contexts.prepare();
  prepared = undefined;
  const state = { id: job.id, context, calls: new Set(), logLines: 0, isDone: false, deadline: Date.now() + job.timeoutMs };
  current = state;
  context.bind({ onLog: (level, message) => forwardLog(state, level, message), onCall: (callId, capability, args) => forwardCall(state, callId, capability, args) });
  // The isolate's own timeout stops synchronous CPU; this wall-clock deadline also ends jobs that wait forever.
  // Disposing the isolate stops whatever still runs in it.
  state.timer = setTimeout(() => finish(state, timedOut(job.timeoutMs)), job.timeoutMs);
  // Asynchronous: the job runs on the isolate's own thread, so this thread stays free for the deadline and IPC even
  // while the job spins. (applySync measured slower end to end as well: README, figures.)
  context.run.apply(undefined, [job.code, job.input], { timeout: job.timeoutMs, result: { promise: true, copy: true } }).then(
    (encoded) => finish(state, decodeResult(encoded)),
    (error) => finish(state, classifyError(state, error, job.timeoutMs)),
  );
}

function finish(state, outcome) {
  if (state.isDone) return;
  state.isDone = true;
  clearTimeout(state.timer);
  const code = outcome.ok ? undefined : outcome.error.code;
  current = undefined;
  // After a memory breach the pool retires this process: the limit is a guideline that hostile code can overshoot
  // 2-3 times (isolated-vm README), so the next job gets a process that never held that heap.
  send({ type: "result", id: state.id, ...outcome, retire: code === "MEMORY" });
  // The cleanup runs while the result travels, in the same tick: no job can arrive before the context (and, after a
  // cut-off, the isolate) is gone.
  contexts.finish(state.context, { isCutOff: code === "TIMEOUT" || code === "MEMORY" });
  // Build the next job's context while the result travels, not when the job arrives. Never while a job runs: that
  // would wait on the isolate lock and stall the deadline timer.
  // The pool hears when it is built, and prefers a worker whose context is ready over one still building.
  if (code !== "MEMORY") setImmediate(() => {
    if (current || prepared) return;
    prepared = contexts.prepare();
    send({ type: "prepared" });
  });
}

function fail(code, message) {
  return { ok: false, error: { code, message } };
}

function timedOut(timeoutMs) {
  return fail("TIMEOUT", `the code ran longer than ${timeoutMs} ms`);
}

function memoryExceeded() {
  return fail("MEMORY", `the code used more than the ${config.memoryLimitMb} MB memory limit`);
}

function decodeResult(encoded) {
  const [text, isTruncated, oversize] = Array.isArray(encoded) ? encoded : [];
  const size = oversize ?? text?.length ?? 0;
  // The isolate already cut or refused, but its answer is untrusted: this check is the rule.
  if (typeof oversize === "number" || size > config.resultCapChars) {
    return fail("RESULT_TOO_LARGE", `result too large: ${size} characters of JSON, the limit is ${config.resultCapChars}`);
  }
  if (text !== undefined && typeof text !== "string") return fail("RUNTIME", "the result could not be encoded as JSON");
  return { ok: true, output: text, truncated: isTruncated === true };
}

function classifyError(state, error, timeoutMs) {
  // Only isolated-vm disposes an isolate while a job runs (at its memory limit): this worker disposes after finish.
  if (state.context.isolate.isDisposed) return memoryExceeded();
  const message = error instanceof Error ? error.message : undefined;
  // "abandoned": a host.call continuation hit its share of the timeout, so the job's promise can never settle.
  if (message === "Script execution timed out." || message === "Promise was abandoned") return timedOut(timeoutMs);
  return fail("RUNTIME", describeError(error).slice(0, MAX_ERROR_CHARS));
}

/** `TypeError: x is not a function (line 3)`: the line within the user's code, whose function header adds two lines. */
function describeError(error) {
  if (!(error instanceof Error)) {
    try {
      return `Uncaught ${JSON.stringify(error) ?? String(error)}`;
    } catch {
      return `Uncaught ${String(error)}`;
    }
  }
  const line = /<anonymous>:(\d+):\d+/.exec(error.stack ?? "")?.[1];
  return `${error.name}: ${error.message}${line ? ` (line ${Number(line) - 2})` : ""}`;
}

// Sends at most logLinesCap + 1 lines: the pool keeps logLinesCap and notes that more were dropped.
function forwardLog(state, level, message) {
  if (state.isDone || typeof message !== "string" || ++state.logLines > config.logLinesCap + 1) return;
  send({ type: "log", id: state.id, level, message: message.slice(0, config.logLineCapChars) });
}

function forwardCall(state, callId, capability, args) {
  if (state.isDone) return;
  if (state.calls.size >= config.maxPendingCalls) return settle(state, callId, false, `more than ${config.maxPendingCalls} host calls pending`);
  state.calls.add(callId);
  send({ type: "call", id: state.id, callId, capability, args });
}

function onReply(reply) {
  const state = current;
  if (!state || state.id !== reply.id || !state.calls.delete(reply.callId)) return;
  settle(state, reply.callId, reply.ok === true, reply.ok === true ? reply.value : String(reply.message));
}

function settle(state, callId, isOk, text) {
  const remainingMs = state.deadline - Date.now();
  if (remainingMs <= 0) return;
  // The user's code continues inside this call, so it gets the job's remaining time as its CPU timeout too.
  state.context.settle.apply(undefined, [callId, isOk, text], { timeout: remainingMs }).catch(() => {
    if (state.context.isolate.isDisposed) finish(state, memoryExceeded());
  });
}

process.on("message", (message) => {
  if (message?.type === "job") runJob(message);
  else if (message?.type === "reply") onReply(message);
});
// Without its pool the worker has no purpose: never outlive the parent.
process.on("disconnect", () => process.exit(0));
send({ type: "ready" });
