import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxPool, type TSandboxLog, type TSandboxPool, type TSandboxResult } from "./sandbox-pool";

function expectOutput(result: TSandboxResult): unknown {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.output;
}

describe("sandbox pool", () => {
  const poolLogs: TSandboxLog[] = [];
  let pool: TSandboxPool;
  /** One worker, so tests can tell which job ran where. */
  let single: TSandboxPool;

  beforeAll(() => {
    pool = createSandboxPool({
      size: 2,
      memoryLimitMb: 64,
      timeoutMs: 1_000,
      onLog: (log) => poolLogs.push(log),
      onCapability: ({ capability, args }) => {
        if (capability === "echo") return { echoed: args, dropped: () => 1 };
        throw new Error(`capability "${capability}" is not granted`);
      },
    });
    single = createSandboxPool({ size: 1, memoryLimitMb: 64, timeoutMs: 5_000 });
  });
  afterAll(() => Promise.all([pool.close(), single.close()]));

  it("runs the code as the body of a function of input", async () => {
    const result = await pool.run({ code: "return input.a + input.b", input: { a: 2, b: 3 } });
    expect(result).toMatchObject({ ok: true, output: 5, truncated: false, logs: [] });
    expect(result.durationMs).toBeGreaterThan(0);
  });

  it("awaits async code", async () => {
    const code = "await null; return Promise.all(input.map(async (n) => n * 2));";
    expect(expectOutput(await pool.run({ code, input: [1, 2, 3] }))).toEqual([2, 4, 6]);
  });

  it("captures console output and host.call('log') as logs", async () => {
    const code = `console.log("hello", 1, { a: 1 }); console.warn("careful"); await host.call("log", { level: "error", message: "bad" }); return null`;
    const result = await pool.run({ code });
    expect(result.logs).toEqual(["hello 1 {\"a\":1}", "warn: careful", "error: bad"]);
    expect(poolLogs).toContainEqual({ level: "warn", message: "careful" });
  });

  it("answers host.call through onCapability with JSON copies, and rejects what it refuses", async () => {
    const code = `const echo = await host.call("echo", { n: 1 }); const refused = await host.call("fs", {}).catch((e) => e.message); return { echo, refused }`;
    expect(expectOutput(await pool.run({ code }))).toEqual({ echo: { echoed: { n: 1 } }, refused: 'capability "fs" is not granted' });
  });

  it("lets one run override the pool's capability and log handlers", async () => {
    const logs: TSandboxLog[] = [];
    const result = await pool.run({ code: `console.log("mine"); return host.call("secret", "name")`, onCapability: () => "handle-1", onLog: (log) => logs.push(log) });
    expect(expectOutput(result)).toBe("handle-1");
    expect(logs).toEqual([{ level: "info", message: "mine" }]);
  });

  it("reports thrown errors and syntax errors as RUNTIME with the line", async () => {
    const thrown = await pool.run({ code: "const x = 1;\nthrow new TypeError('bad ' + x)" });
    expect(thrown).toMatchObject({ ok: false, error: { code: "RUNTIME", message: "TypeError: bad 1 (line 2)" } });
    const syntax = await pool.run({ code: "return {" });
    expect(syntax).toMatchObject({ ok: false, error: { code: "RUNTIME" } });
    expect(syntax.ok || syntax.error.message).toMatch(/^SyntaxError/);
  });

  it("cannot break out of the function body", async () => {
    const result = await pool.run({ code: "}); globalThis.leak = 1; (function () {" });
    expect(result).toMatchObject({ ok: false, error: { code: "RUNTIME" } });
  });

  it("gives every job a fresh context: globals and prototypes set by one job are gone in the next", async () => {
    await single.run({ code: "globalThis.leak = 1; Object.prototype.polluted = 1; Array.prototype.push = () => 0; return 1" });
    const next = await single.run({ code: "const a = []; a.push(1); return [typeof leak, typeof ({}).polluted, a.length]" });
    expect(expectOutput(next)).toEqual(["undefined", "undefined", 1]);
  });

  it("hands out a context built while the worker idled that holds nothing of the job before it", async () => {
    const tamper = [
      "globalThis.leak = 1",
      "Object.defineProperty(Object.prototype, 'polluted', { get: () => 'yes', configurable: true })",
      "JSON.parse = () => 'forged'",
      "JSON.stringify = () => '\"forged\"'",
      "Promise.prototype.then = function () { throw new Error('hijacked'); }",
      "console.log = () => {}",
      "globalThis.host = undefined",
      "return 'tampered'",
    ].join(";\n");
    const probe = [
      "console.log('still logging', input.n)",
      "const answer = await host.call('echo', { n: input.n })",
      "return [typeof leak, typeof ({}).polluted, JSON.stringify([input.n]), answer]",
    ].join(";\n");
    const worker = createSandboxPool({ size: 1, memoryLimitMb: 64, timeoutMs: 5_000, onCapability: ({ args }) => args });
    try {
      expect(expectOutput(await worker.run({ code: tamper }))).toBe("tampered");
      // The worker builds the next context as soon as it has answered: after this pause the job meets a context made
      // while it idled, not one made on its arrival.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const next = await worker.run({ code: probe, input: { n: 7 } });
      expect(expectOutput(next)).toEqual(["undefined", "undefined", "[7]", { n: 7 }]);
      expect(next.logs).toEqual(["still logging 7"]);
    } finally {
      await worker.close();
    }
  });

  it("queues jobs FIFO when every worker is busy", async () => {
    const order: number[] = [];
    const runs = [0, 1, 2, 3, 4].map((n) => single.run({ code: "await null; return input", input: n }).then((result) => order.push(expectOutput(result) as number)));
    expect(single.stats()).toMatchObject({ queued: 4, workers: [{ isBusy: true }] });
    await Promise.all(runs);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(single.stats().queued).toBe(0);
  });

  it("kills the worker when the run is aborted, and serves the next job", async () => {
    const controller = new AbortController();
    const running = pool.run({ code: "while (true) {}", timeoutMs: 5_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const result = await running;
    expect(result).toMatchObject({ ok: false, error: { code: "ABORTED" } });
    expect(result.durationMs).toBeLessThan(2_000);
    expect(expectOutput(await pool.run({ code: "return 'after'" }))).toBe("after");
  });

  it("fails an already aborted run without running it", async () => {
    const result = await pool.run({ code: "return 1", signal: AbortSignal.abort() });
    expect(result).toMatchObject({ ok: false, error: { code: "ABORTED" } });
  });

  it("fails the job with CRASHED when its worker dies, and replaces the worker", async () => {
    await single.run({ code: "return 1" });
    const { pid } = single.stats().workers[0]!;
    const replacedBefore = single.stats().workersReplaced;
    const running = single.run({ code: "while (true) {}" });
    setTimeout(() => process.kill(pid!, "SIGKILL"), 100);
    expect(await running).toMatchObject({ ok: false, error: { code: "CRASHED" } });
    expect(expectOutput(await single.run({ code: "return 2" }))).toBe(2);
    expect(single.stats().workersReplaced).toBe(replacedBefore + 1);
  });

  it("runs with an isolate per job too", async () => {
    const strict = createSandboxPool({ size: 1, memoryLimitMb: 64, timeoutMs: 1_000, isolatePerJob: true });
    try {
      await strict.run({ code: "Symbol.for('left-behind'); return 1" });
      expect(expectOutput(await strict.run({ code: "return input * 2", input: 21 }))).toBe(42);
    } finally {
      await strict.close();
    }
  });

  it("stops forking when workers cannot start, and fails its jobs with CRASHED", { timeout: 20_000 }, async () => {
    // isolated-vm refuses a memory limit under 8 MB, so every worker dies before it is ready.
    const broken = createSandboxPool({ size: 1, memoryLimitMb: 1, timeoutMs: 1_000 });
    try {
      const result = await broken.run({ code: "return 1" });
      expect(result).toMatchObject({ ok: false, error: { code: "CRASHED", message: expect.stringMatching(/^sandbox workers fail to start/) } });
      expect(broken.stats()).toMatchObject({ workers: [], workersReplaced: 2 });
    } finally {
      await broken.close();
    }
  });

  it("fails queued and new jobs with CRASHED once closed", async () => {
    const closing = createSandboxPool({ size: 1, memoryLimitMb: 64, timeoutMs: 1_000 });
    const pending = closing.run({ code: "return 1" });
    await closing.close();
    expect(await pending).toMatchObject({ ok: false, error: { code: "CRASHED" } });
    expect(await closing.run({ code: "return 1" })).toMatchObject({ ok: false, error: { code: "CRASHED" } });
    expect(closing.stats().workers).toEqual([]);
  });
});
