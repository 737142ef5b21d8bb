// Known ways out of JavaScript sandboxes, shared by the sandbox pool's own tests and the attack suite's Code node runs.

/** Appended to payloads that may have obtained a `process` as `p`: it writes the canary and hands back the env. */
function useProcess(canaryLiteral: string): string {
  return `
if (!p) return "contained";
(p.mainModule?.require ?? p.binding)("fs").writeFileSync(${canaryLiteral}, "escaped");
return { escaped: true, env: p.env };`;
}

/**
 * Known ways out of JavaScript sandboxes, as code bodies: each that gets hold of the host's `process` writes
 * `canaryFile` and returns `{ escaped: true, env }`; contained, it returns "contained" or throws.
 */
export function createEscapeCorpus(canaryFile: string): [name: string, code: string][] {
  const CANARY_LITERAL = JSON.stringify(canaryFile);
  const USE_PROCESS = useProcess(CANARY_LITERAL);
  return [
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
}
