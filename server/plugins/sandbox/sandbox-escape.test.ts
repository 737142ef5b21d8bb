// Known ways out of JavaScript sandboxes. Each must fail or return harmlessly: the canary file stays absent, no
// sandbox gets hold of `process`, and the host's environment and prototypes stay untouched.
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxPool, type TSandboxPool, type TSandboxResult } from "./sandbox-pool";

const CANARY = path.join(tmpdir(), `sandbox-canary-${randomUUID()}`);
const SECRET = `secret-${randomUUID()}`;
const CANARY_LITERAL = JSON.stringify(CANARY);

/** Appended to payloads that may have obtained a `process` as `p`: it writes the canary and hands back the env. */
const USE_PROCESS = `
if (!p) return "contained";
(p.mainModule?.require ?? p.binding)("fs").writeFileSync(${CANARY_LITERAL}, "escaped");
return { escaped: true, env: p.env };`;

const CORPUS: [string, string][] = [
  ["this.constructor.constructor", `const p = this.constructor.constructor("return process")(); ${USE_PROCESS}`],
  ["constructor by concatenation", `const c = "constr" + "uctor"; const p = this[c][c]("return process")(); ${USE_PROCESS}`],
  ["constructor by template literal", `const c = \`\${"constr"}\${"uctor"}\`; const p = ({})[c][c]("return process")(); ${USE_PROCESS}`],
  [
    "constructors of the exposed objects",
    `const attempt = (value) => { try { return value.constructor.constructor("return process")(); } catch {} };
    const p = attempt(console.log) ?? attempt(console) ?? attempt(host.call) ?? attempt(host); ${USE_PROCESS}`,
  ],
  [
    "Error.prepareStackTrace frames",
    `let p;
    Error.prepareStackTrace = (error, frames) => {
      for (const frame of frames) for (const value of [frame.getThis?.(), frame.getFunction?.()]) {
        try { p ??= value?.constructor?.constructor("return typeof process === 'object' ? process : undefined")(); } catch {}
      }
      return "stack";
    };
    try { null.x; } catch (error) { error.stack; }
    await host.call("missing", {}).catch((error) => error.stack);
    ${USE_PROCESS}`,
  ],
  ["dynamic import", `const cp = await import("child_process"); cp.execSync("touch " + ${CANARY_LITERAL}); return { escaped: true };`],
  ["require", `require("fs").writeFileSync(${CANARY_LITERAL}, "escaped"); return { escaped: true };`],
  ["process.binding", `process.binding("fs"); return { escaped: true };`],
  ["Function('return this')()", `const g = Function("return this")(); const p = g.process ?? g.require?.("process"); ${USE_PROCESS}`],
  [
    "Promise species",
    `let p;
    class P extends Promise {
      static get [Symbol.species]() {
        return function (executor) {
          return new Promise((resolve, reject) => executor((value) => {
            try { p ??= value?.constructor?.constructor("return typeof process === 'object' ? process : undefined")(); } catch {}
            resolve(value);
          }, reject));
        };
      }
    }
    await P.resolve(1).then((value) => value);
    await P.resolve(host.call("log", "x")).then((value) => value);
    if (p) { ${USE_PROCESS} }
    return P.resolve("contained");`,
  ],
  [
    "a thenable",
    `const p = await { then(resolve) { try { resolve(this.constructor.constructor("return process")()); } catch { resolve(undefined); } } };
    ${USE_PROCESS}`,
  ],
];

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
});
