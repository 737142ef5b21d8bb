// Starts one sandbox worker process and wraps its IPC channel. The pool decides what to do with it.
import { fork } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type THostMessage, type TSandboxWorkerConfig, type TWorkerMessage, ZWorkerMessage } from "./sandbox-protocol";

const WORKER_PATH = fileURLToPath(new URL("./sandbox-worker.cjs", import.meta.url));
// Node's permission model as defense in depth behind the isolate: should code ever reach the worker's own JavaScript,
// it can read only the worker's files and isolated-vm's, write nothing, and start no process, worker thread or WASI.
// --allow-addons is the one grant beyond reads: isolated-vm is a native addon, and Node 20 refuses to load any addon
// under the permission model without it. Native code is outside the model's reach, so this layer guards the worker's
// JavaScript, not an escape through V8 itself (the empty environment and the process boundary still hold there).
export const ISOLATED_VM_DIR = path.dirname(createRequire(import.meta.url).resolve("isolated-vm/package.json"));
export const SANDBOX_WORKER_EXEC_ARGV = [
  // isolated-vm on Node 20 crashes with Node's startup snapshot (isolated-vm#420).
  "--no-node-snapshot",
  "--experimental-permission",
  `--allow-fs-read=${path.dirname(WORKER_PATH)}${path.sep}`,
  `--allow-fs-read=${ISOLATED_VM_DIR}${path.sep}`,
  "--allow-addons",
  // The model is experimental in Node 20 and says so, and warns about --allow-addons, once per worker on the
  // studio's stderr: those two warnings are known and silenced; any other still shows.
  "--disable-warning=ExperimentalWarning",
  "--disable-warning=SecurityWarning",
];

export type TSandboxProcess = {
  pid: number | undefined;
  /** Settles once the operating system process is gone. */
  exited: Promise<void>;
  send(message: THostMessage): void;
  /** SIGKILL: the worker gets no chance to run anything more. `onExit` follows. */
  kill(): void;
};

export type TSandboxProcessHandlers = {
  onMessage(message: TWorkerMessage): void;
  /** Called once, whatever ended the process (exit, kill, failed spawn, a message that broke the protocol). */
  onExit(reason: string): void;
};

export function startSandboxProcess(config: TSandboxWorkerConfig, handlers: TSandboxProcessHandlers): TSandboxProcess {
  const child = fork(WORKER_PATH, [JSON.stringify(config)], {
    // Its own flags only: the parent's execArgv (tsx loaders) stays out.
    execArgv: SANDBOX_WORKER_EXEC_ARGV,
    // Nothing of the host's environment (DATABASE_URL, keys) exists in the process that runs untrusted code. (The
    // cast: Next's types declare NODE_ENV required, but this process must get no variable at all.)
    env: {} as NodeJS.ProcessEnv,
    // stderr stays visible for V8 fatal errors; the worker itself never prints.
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    // Plain JSON: every payload is already JSON text, and it is the faster channel for small messages (README).
    serialization: "json",
  });
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    // A failed spawn emits "error" and never "exit".
    child.once("error", () => {
      if (child.pid === undefined) resolve();
    });
  });
  let hasExited = false;
  const exit = (reason: string) => {
    if (hasExited) return;
    hasExited = true;
    child.kill("SIGKILL");
    handlers.onExit(reason);
  };
  child.on("message", (raw) => {
    const parsed = ZWorkerMessage.safeParse(raw);
    if (parsed.success) handlers.onMessage(parsed.data);
    else exit("the sandbox worker broke the IPC protocol");
  });
  child.on("exit", (code, signal) => exit(`the sandbox worker exited (${signal ?? `code ${code}`})`));
  child.on("error", (error) => exit(`the sandbox worker failed: ${error.message}`));
  return {
    pid: child.pid,
    exited,
    send(message) {
      // A send racing the worker's death fails here; the exit handler reports it.
      if (child.connected) child.send(message, (error) => error && exit(`IPC send failed: ${error.message}`));
    },
    kill: () => exit("the sandbox worker was killed"),
  };
}
