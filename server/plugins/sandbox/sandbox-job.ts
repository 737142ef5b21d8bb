// One run() call from enqueue to its result: collects logs, answers the sandbox's host.call requests, and settles once.
import { parseSandboxJson, type TLogLevel, type TSandboxErrorCode } from "./sandbox-protocol";

export type TSandboxLog = { level: TLogLevel; message: string };

export type TCapabilityRequest = {
  capability: string;
  /** A JSON copy of what the sandboxed code passed. */
  args: unknown;
  /** Aborts when the job ends (result, timeout, crash, abort), so work done for it can stop. */
  signal: AbortSignal;
};

/**
 * Answers a `host.call(capability, args)` from sandboxed code. The value goes back as a JSON copy; a thrown error's
 * message is what the sandboxed code sees, so it must not carry host secrets.
 */
export type TCapabilityHandler = (request: TCapabilityRequest) => unknown;

export type TSandboxError = { code: TSandboxErrorCode; message: string };

export type TSandboxResult =
  | { ok: true; output: unknown; truncated: boolean; logs: string[]; durationMs: number }
  | { ok: false; error: TSandboxError; logs: string[]; durationMs: number };

export type TSandboxOutcome = { ok: true; output: unknown; truncated: boolean } | { ok: false; error: TSandboxError };

export type TCallReply = { ok: true; value: string | undefined } | { ok: false; message: string };

export type TSandboxJob = {
  id: number;
  code: string;
  inputText: string | undefined;
  timeoutMs: number;
  result: Promise<TSandboxResult>;
  markStarted(): void;
  recordLog(level: TLogLevel, message: string): void;
  answerCall(capability: string, argsText: string): Promise<TCallReply>;
  /** Settles the job; later calls are ignored, so a timeout and a late result cannot both count. */
  finish(outcome: TSandboxOutcome): void;
};

type TJobOptions = {
  id: number;
  code: string;
  inputText: string | undefined;
  timeoutMs: number;
  logLinesCap: number;
  logLineCapChars: number;
  onLog?: (log: TSandboxLog) => void;
  onCapability?: TCapabilityHandler;
};

export function createSandboxJob(options: TJobOptions): TSandboxJob {
  const logs: string[] = [];
  const controller = new AbortController();
  let startedAt: number | undefined;
  let resolveResult: (result: TSandboxResult) => void = () => {};
  const result = new Promise<TSandboxResult>((resolve) => (resolveResult = resolve));

  function recordLog(level: TLogLevel, message: string): void {
    if (controller.signal.aborted || logs.length > options.logLinesCap) return;
    if (logs.length === options.logLinesCap) return void logs.push(`warn: more than ${options.logLinesCap} log lines; the rest were dropped`);
    const line = message.slice(0, options.logLineCapChars);
    logs.push(level === "info" ? line : `${level}: ${line}`);
    options.onLog?.({ level, message: line });
  }

  async function answerCall(capability: string, argsText: string): Promise<TCallReply> {
    try {
      const args = parseSandboxJson(argsText);
      if (capability === "log") {
        const log = readLogArgs(args);
        recordLog(log.level, log.message);
        return { ok: true, value: undefined };
      }
      if (!options.onCapability) throw new Error(`capability "${capability}" is not available`);
      const value = await options.onCapability({ capability, args, signal: controller.signal });
      return { ok: true, value: JSON.stringify(value) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  function finish(outcome: TSandboxOutcome): void {
    if (controller.signal.aborted) return;
    controller.abort();
    const durationMs = startedAt === undefined ? 0 : performance.now() - startedAt;
    resolveResult({ ...outcome, logs, durationMs });
  }

  return {
    id: options.id,
    code: options.code,
    inputText: options.inputText,
    timeoutMs: options.timeoutMs,
    result,
    markStarted: () => void (startedAt = performance.now()),
    recordLog,
    answerCall,
    finish,
  };
}

/** `host.call("log", "text")` or `host.call("log", { level: "warn", message: "text" })`. */
function readLogArgs(args: unknown): TSandboxLog {
  if (typeof args === "string") return { level: "info", message: args };
  const { level = "info", message } = (args ?? {}) as { level?: unknown; message?: unknown };
  if (typeof message !== "string" || (level !== "info" && level !== "warn" && level !== "error")) {
    throw new Error('log expects a string or { level: "info" | "warn" | "error", message: string }');
  }
  return { level, message };
}
