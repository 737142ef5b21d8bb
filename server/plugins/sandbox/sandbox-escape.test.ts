// Known ways out of JavaScript sandboxes. Each must fail or return harmlessly: the canary file stays absent, no
// sandbox gets hold of `process`, and the host's environment and prototypes stay untouched.
import { randomUUID } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxPool, type TSandboxPool, type TSandboxResult } from "./sandbox-pool";
import { ISOLATED_VM_DIR, SANDBOX_WORKER_EXEC_ARGV } from "./sandbox-process";
import { createEscapeCorpus } from "./testing/escape-corpus";

const CANARY = path.join(tmpdir(), `sandbox-canary-${randomUUID()}`);
const SECRET = `secret-${randomUUID()}`;
const CANARY_LITERAL = JSON.stringify(CANARY);

const CORPUS = createEscapeCorpus(CANARY);

describe("sandbox escape corpus", () => {
  let pool: TSandboxPool;

  beforeAll(() => {
    process.env.SANDBOX_TEST_SECRET = SECRET;
    pool = createSandboxPool({ size: 2, memoryLimitMb: 64, timeoutMs: 1_000, onCapability: () => ({ granted: true }) });
  });
  afterAll(async () => {
    await pool.close();
    delete process.env.SANDBOX_TEST_SECRET;
    rmSync(CANARY, { force: true });
  });

  function expectContained(result: TSandboxResult): void {
    expect(existsSync(CANARY)).toBe(false);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    if (result.ok) expect(result.output).not.toMatchObject({ escaped: true });
  }

  it.each(CORPUS)("%s", async (_name, code) => {
    const result = await pool.run({ code });
    expectContained(result);
    if (result.ok) expect(result.output).toBe("contained");
  });

  it("exposes no host global inside the isolate", async () => {
    const names = ["process", "require", "module", "exports", "Buffer", "global", "setTimeout", "setImmediate", "fetch", "queueMicrotask", "__dirname", "ivm", "_ivm"];
    const result = await pool.run({ code: "return input.filter((name) => typeof globalThis[name] !== 'undefined')", input: names });
    expect(result).toMatchObject({ ok: true, output: [] });
  });

  it("keeps __proto__ and constructor keys of the input from polluting anything", async () => {
    const input: unknown = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}}');
    const code = `Object.assign({}, input); Object.prototype.polluted = "inside"; input.__proto__.polluted = "nested"; return input;`;
    const result = await pool.run({ code, input });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.ok).toBe(true);
    const output = result.ok ? (result.output as Record<string, unknown>) : {};
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(Object.hasOwn(output, "__proto__")).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("hands capability answers over as JSON copies only", async () => {
    const poolWithObjects = createSandboxPool({
      size: 1,
      memoryLimitMb: 64,
      timeoutMs: 1_000,
      onCapability: () => ({ run: () => process, host: process.versions, get lazy() { return "copied"; } }),
    });
    try {
      const code = `const value = await host.call("any", {});
      return [typeof value.run, value.lazy, typeof value.host.node, Object.getPrototypeOf(value) === Object.prototype]`;
      const result = await poolWithObjects.run({ code });
      expect(result).toMatchObject({ ok: true, output: ["undefined", "copied", "string", true] });
    } finally {
      await poolWithObjects.close();
    }
  });

  it.runIf(process.platform === "linux")("starts workers with an empty environment (but Node's own IPC variables)", () => {
    const { pid } = pool.stats().workers[0]!;
    const names = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").filter(Boolean).map((entry) => entry.split("=")[0]);
    expect(names.sort()).toEqual(["NODE_CHANNEL_FD", "NODE_CHANNEL_SERIALIZATION_MODE"]);
  });

  it.runIf(process.platform === "linux")("runs workers under Node's permission model", () => {
    const { pid } = pool.stats().workers[0]!;
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    expect(argv).toEqual(expect.arrayContaining(SANDBOX_WORKER_EXEC_ARGV));
    expect(argv.some((arg) => /^--allow-(child-process|worker|wasi|fs-write)/.test(arg))).toBe(false);
  });

  it("lets JavaScript in a worker's process load isolated-vm and nothing else: no reads elsewhere, no writes, no processes, no threads", () => {
    // What code that reached the worker's own realm could do, tried in a process started with the worker's flags.
    const probe = `
      const attempt = (run) => { try { run(); return "allowed"; } catch (error) { return error.code; } };
      const ivm = require(${JSON.stringify(ISOLATED_VM_DIR)});
      const isolate = new ivm.Isolate({ memoryLimit: 16 });
      console.log(JSON.stringify({
        isolate: isolate.createContextSync().evalSync("6 * 7"),
        readPasswd: attempt(() => require("fs").readFileSync("/etc/passwd")),
        readCanaryDir: attempt(() => require("fs").readdirSync(${JSON.stringify(tmpdir())})),
        write: attempt(() => require("fs").writeFileSync(${CANARY_LITERAL}, "escaped")),
        spawn: attempt(() => require("child_process").spawnSync("id")),
        worker: attempt(() => new (require("worker_threads").Worker)("0", { eval: true })),
      }));`;
    const result = spawnSync(process.execPath, [...SANDBOX_WORKER_EXEC_ARGV, "-e", probe], { env: {} as NodeJS.ProcessEnv, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({
      isolate: 42,
      readPasswd: "ERR_ACCESS_DENIED",
      readCanaryDir: "ERR_ACCESS_DENIED",
      write: "ERR_ACCESS_DENIED",
      spawn: "ERR_ACCESS_DENIED",
      worker: "ERR_ACCESS_DENIED",
    });
    expect(existsSync(CANARY)).toBe(false);
  });
});
