// Owns the isolated-vm isolate of one sandbox worker and hands out fresh contexts, one per job. Plain CommonJS so the
// worker starts without a TypeScript loader.
const ivm = require("isolated-vm");

// Runs in every fresh context before any user code (compiled once per isolate: that saves ~0.2 ms per job). It
// captures JSON.parse/stringify first, so user code that replaces them changes only its own output (which the worker
// checks again anyway). It returns the two entry points the worker calls: `run` (the job) and `settle` (the answer to
// a host.call). sendLog/sendCall are host callbacks in "ignored" mode: they take copied primitives, return nothing,
// and never make the isolate wait on the worker's thread. The caps on log lines and pending calls are checked here
// first so that a flood stays inside the isolate; the worker checks again.
const BOOTSTRAP = `(function (sendLog, sendCall, resultCapChars, lineCapChars, linesCap, maxPendingCalls) {
const { parse, stringify } = JSON;
const AsyncFunction = (async () => {}).constructor;
const calls = Object.create(null);
let lastCallId = 0;
let pendingCalls = 0;
let logLines = 0;

function describe(value) {
  if (typeof value === "string") return value;
  if (value instanceof Error) return value.name + ": " + value.message;
  try { return stringify(value) ?? String(value); } catch { return String(value); }
}
const log = (level) => (...values) => {
  if (++logLines <= linesCap + 1) sendLog(level, values.map(describe).join(" ").slice(0, lineCapChars));
};
globalThis.console = Object.freeze({ log: log("info"), info: log("info"), warn: log("warn"), error: log("error") });

globalThis.host = Object.freeze({
  call(capability, args) {
    const argsText = stringify(args ?? null);
    if (pendingCalls >= maxPendingCalls) return Promise.reject(new Error("more than " + maxPendingCalls + " host calls pending"));
    pendingCalls++;
    return new Promise((resolve, reject) => {
      const callId = ++lastCallId;
      calls[callId] = { resolve, reject };
      sendCall(callId, String(capability), argsText);
    });
  },
});

function settle(callId, isOk, text) {
  const call = calls[callId];
  if (!call) return;
  delete calls[callId];
  pendingCalls--;
  if (isOk) call.resolve(text === undefined ? undefined : parse(text));
  else call.reject(new Error(text));
}

// A string is cut to the cap (its JSON escapes can make it longer, so cut again until it fits); any other value over
// the cap is refused with its size, so a huge JSON text never has to be copied out of the isolate.
function encode(value) {
  if (typeof value === "string" && value.length > resultCapChars) {
    let text;
    for (let keep = resultCapChars - 2; (text = stringify(value.slice(0, keep))).length > resultCapChars; ) {
      keep = Math.floor((keep * resultCapChars) / text.length) - 1;
    }
    return [text, true];
  }
  const text = stringify(value);
  return text !== undefined && text.length > resultCapChars ? [undefined, false, text.length] : [text, false];
}

async function run(code, inputText) {
  const job = new AsyncFunction("input", code);
  return encode(await job(inputText === undefined ? undefined : parse(inputText)));
}

return { run, settle };
})`;

/** @param {import("./sandbox-protocol").TSandboxWorkerConfig} config */
function createIsolateContexts(config) {
  let isolate;
  let bootstrap;

  /**
   * A fresh context with the bootstrap installed. Its callbacks go to whichever job `bind` attaches, so a context can
   * be prepared before its job arrives; callbacks that fire after the job ended find no sink and are dropped.
   */
  function prepare() {
    if (!isolate || isolate.isDisposed) {
      // V8 has lost control of the isolate: the process is not trustworthy any more, so end it (the pool replaces it).
      isolate = new ivm.Isolate({ memoryLimit: config.memoryLimitMb, onCatastrophicError: () => process.abort() });
      bootstrap = isolate.compileScriptSync(BOOTSTRAP);
    }
    const owner = isolate;
    const context = owner.createContextSync();
    const sink = { onLog: undefined, onCall: undefined };
    // Ordering holds: the worker's thread runs these callbacks in the order the isolate made them, and before the
    // job's result, which the isolate's thread posts after them (the 5,000-line log test checks it).
    const onLog = new ivm.Callback((level, message) => sink.onLog?.(level, message), { ignored: true });
    const onCall = new ivm.Callback((callId, capability, args) => sink.onCall?.(callId, capability, args), { ignored: true });
    const limits = [config.resultCapChars, config.logLineCapChars, config.logLinesCap, config.maxPendingCalls];
    const install = bootstrap.runSync(context, { reference: true });
    const api = install.applySync(undefined, [onLog, onCall, ...limits], { result: { reference: true } });
    install.release();
    const entryPoints = { run: api.getSync("run", { reference: true }), settle: api.getSync("settle", { reference: true }) };
    api.release();
    return {
      isolate: owner,
      ...entryPoints,
      bind(handlers) {
        Object.assign(sink, handlers);
      },
      release() {
        sink.onLog = sink.onCall = undefined;
        if (owner.isDisposed) return;
        entryPoints.run.release();
        entryPoints.settle.release();
        context.release();
      },
    };
  }

  /**
   * Ends a job's context. The isolate goes too when the job was cut off (timeout, memory), when the pool asked for an
   * isolate per job, or when the heap stays above half the limit: state that lives per isolate rather than per context
   * (the Symbol.for registry, compiled code) must not let one job crowd out the next.
   */
  function finish(prepared, { isCutOff }) {
    // A cut-off job's code may still be running: disposing stops it, where releasing the context would wait for it.
    if (isCutOff && !prepared.isolate.isDisposed) prepared.isolate.dispose();
    prepared.release();
    if (prepared.isolate.isDisposed) return;
    if (config.isolatePerJob || isHeapHigh(prepared.isolate)) prepared.isolate.dispose();
  }

  function isHeapHigh(owner) {
    const heap = owner.getHeapStatisticsSync();
    return heap.used_heap_size + heap.externally_allocated_size > (config.memoryLimitMb * 1024 * 1024) / 2;
  }

  return { prepare, finish };
}

module.exports = { createIsolateContexts };
