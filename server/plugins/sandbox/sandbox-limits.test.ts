// Resource bombs end at their limit and never affect the job after them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxPool, RESULT_CAP_CHARS, type TSandboxPool, type TSandboxResult } from "./sandbox-pool";

const TIMEOUT_MS = 400;

describe("sandbox limits", () => {
  let pool: TSandboxPool;
  /** Room in the isolate for a 100 MB string, so the result cap (not the memory limit) is what stops it. */
  let roomy: TSandboxPool;

  beforeAll(() => {
    pool = createSandboxPool({ size: 1, memoryLimitMb: 64, timeoutMs: TIMEOUT_MS });
    roomy = createSandboxPool({ size: 1, memoryLimitMb: 384, timeoutMs: 10_000 });
  });
  afterAll(() => Promise.all([pool.close(), roomy.close()]));

  async function expectPoolServesNextJob(): Promise<void> {
    expect(await pool.run({ code: "return input + 1", input: 1 })).toMatchObject({ ok: true, output: 2 });
  }

  function errorCode(result: TSandboxResult): string {
    return result.ok ? "ok" : result.error.code;
  }

  it("kills an endless loop at the deadline, then serves the next job", async () => {
    const result = await pool.run({ code: "while (true) {}" });
    expect(result).toMatchObject({ ok: false, error: { code: "TIMEOUT" } });
    expect(result.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(result.durationMs).toBeLessThan(TIMEOUT_MS + 1_000);
    await expectPoolServesNextJob();
  });

  it("kills a loop that starts after an await, and one blocked in Atomics.wait", async () => {
    expect(await pool.run({ code: "await host.call('log', 'waiting'); while (true) {}" })).toMatchObject({ error: { code: "TIMEOUT" } });
    const wait = "Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);";
    expect(await pool.run({ code: wait })).toMatchObject({ error: { code: "TIMEOUT" } });
    await expectPoolServesNextJob();
  });

  it("ends a promise that never settles at the deadline", async () => {
    const result = await pool.run({ code: "return new Promise(() => {})" });
    expect(result).toMatchObject({ ok: false, error: { code: "TIMEOUT" } });
    await expectPoolServesNextJob();
  });

  it("stops the string-doubling loop", async () => {
    // V8 builds `a += a` as a rope of pointers, so this hits the maximum string length (a RangeError) long before
    // it uses memory: any of these endings is the sandbox holding.
    const result = await pool.run({ code: "let a = 'x'; while (true) a += a;" });
    expect(["MEMORY", "TIMEOUT", "RUNTIME"]).toContain(errorCode(result));
    await expectPoolServesNextJob();
  });

  it("stops a real allocation bomb with MEMORY, retires the worker, and recovers", async () => {
    const replacedBefore = pool.stats().workersReplaced;
    const code = "const keep = []; while (true) keep.push(new Array(1e5).fill(1.5));";
    const result = await pool.run({ code, timeoutMs: 5_000 });
    expect(result).toMatchObject({ ok: false, error: { code: "MEMORY" } });
    await expectPoolServesNextJob();
    expect(pool.stats().workersReplaced).toBe(replacedBefore + 1);
  });

  it("replaces an isolate whose heap a job left full, so the next job still has room", { timeout: 30_000 }, async () => {
    // The Symbol.for registry belongs to the isolate, not the context: without the heap check after each job, the
    // third of these runs out of memory (V8 then aborts the whole worker).
    const code = "for (let i = 0; i < 150000; i++) Symbol.for(input + i + 'x'.repeat(100)); return 'ok'";
    for (const input of ["a", "b", "c"]) expect(await pool.run({ code, input, timeoutMs: 8_000 })).toMatchObject({ ok: true, output: "ok" });
    await expectPoolServesNextJob();
  });

  it("keeps floods of log lines and host calls inside the isolate, so the worker still answers at the deadline", async () => {
    const replacedBefore = pool.stats().workersReplaced;
    for (const code of ["while (true) console.log('x')", "await null; while (true) host.call('log', 'y')"]) {
      const result = await pool.run({ code });
      // This message comes from the worker; the pool's hard kill would say "did not answer" and replace it.
      expect(result).toMatchObject({ ok: false, error: { code: "TIMEOUT", message: `the code ran longer than ${TIMEOUT_MS} ms` } });
    }
    expect(pool.stats().workersReplaced).toBe(replacedBefore);
  });

  it("caps console output per job", async () => {
    const result = await pool.run({ code: "for (let i = 0; i < 5000; i++) console.log('line ' + i); return 'done'", timeoutMs: 5_000 });
    expect(result).toMatchObject({ ok: true, output: "done" });
    expect(result.logs).toHaveLength(1_001);
    expect(result.logs.at(-1)).toMatch(/^warn: more than 1000 log lines/);
  });

  it("truncates a 100 MB string result to the cap and flags it", async () => {
    const result = await roomy.run({ code: "return 'x'.repeat(100 * 1024 * 1024)" });
    expect(result).toMatchObject({ ok: true, truncated: true });
    const output = result.ok ? (result.output as string) : "";
    expect(output.length).toBeGreaterThan(RESULT_CAP_CHARS - 100);
    expect(output.length).toBeLessThanOrEqual(RESULT_CAP_CHARS);
  });

  it("keeps a truncated string within the cap when its JSON escapes grow it", async () => {
    const result = await roomy.run({ code: "return '\\n'.repeat(11 * 1024 * 1024)" });
    expect(result).toMatchObject({ ok: true, truncated: true });
    expect(JSON.stringify(result.ok && result.output).length).toBeLessThanOrEqual(RESULT_CAP_CHARS);
  });

  it("refuses a structured result over the cap with RESULT_TOO_LARGE", async () => {
    const result = await roomy.run({ code: "return Array.from({ length: 300000 }, (_, i) => 'item ' + i + ' '.repeat(40))" });
    expect(result).toMatchObject({ ok: false, error: { code: "RESULT_TOO_LARGE" } });
    expect(result.ok || result.error.message).toMatch(/^result too large/);
  });
});
