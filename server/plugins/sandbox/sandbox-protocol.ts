// The IPC contract between the pool (this process) and sandbox-worker.cjs. The worker runs untrusted code, so its
// messages are parsed strictly: a worker that sends anything else is treated as broken and replaced.
import { z } from "zod";

/** The largest result, in characters of JSON text (V8 string length, so about 10 MB of ASCII). */
export const RESULT_CAP_CHARS = 10 * 1024 * 1024;

export type TSandboxWorkerConfig = {
  memoryLimitMb: number;
  /** A string result longer than this is cut to it; any other result above it is refused. */
  resultCapChars: number;
  logLineCapChars: number;
  logLinesCap: number;
  /** host.call requests a job may have waiting at once; more would let it flood the host with messages. */
  maxPendingCalls: number;
  /** A new isolate for every job instead of a new context in a kept isolate (README: trade-offs). */
  isolatePerJob: boolean;
};

export type TSandboxErrorCode = "TIMEOUT" | "MEMORY" | "RUNTIME" | "RESULT_TOO_LARGE" | "CRASHED" | "ABORTED";

export type TLogLevel = "info" | "warn" | "error";

/** `input` and every value crossing a boundary travel as JSON text: copies, never references to host objects. */
export type THostMessage =
  | { type: "job"; id: number; code: string; input: string | undefined; timeoutMs: number }
  | { type: "reply"; id: number; callId: number; ok: true; value: string | undefined }
  | { type: "reply"; id: number; callId: number; ok: false; message: string };

const ZLogLevel = z.enum(["info", "warn", "error"]);

const ZResult = z.discriminatedUnion("ok", [
  z.object({ type: z.literal("result"), id: z.number(), ok: z.literal(true), output: z.string().optional(), truncated: z.boolean(), retire: z.boolean() }),
  z.object({
    type: z.literal("result"),
    id: z.number(),
    ok: z.literal(false),
    error: z.object({ code: z.enum(["TIMEOUT", "MEMORY", "RUNTIME", "RESULT_TOO_LARGE"]), message: z.string() }),
    retire: z.boolean(),
  }),
]);

export const ZWorkerMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  /** The worker's next fresh context is built: a job sent now does not wait for one. */
  z.object({ type: z.literal("prepared") }),
  z.object({ type: z.literal("log"), id: z.number(), level: ZLogLevel, message: z.string() }),
  z.object({ type: z.literal("call"), id: z.number(), callId: z.number(), capability: z.string(), args: z.string() }),
  ZResult,
]);

export type TWorkerMessage = z.infer<typeof ZWorkerMessage>;

/**
 * Parses JSON text that came out of a sandbox. Own `__proto__` keys are dropped: JSON.parse makes them plain
 * properties, but a later Object.assign or deep merge in the host would turn them into a prototype change.
 */
export function parseSandboxJson(text: string | undefined): unknown {
  return text === undefined ? undefined : JSON.parse(text, (key, value: unknown) => (key === "__proto__" ? undefined : value));
}

/** The worker already enforced the cap; this process checks again because a worker is never trusted. */
export function decodeSandboxOutput(text: string | undefined, truncated: boolean) {
  if (text !== undefined && text.length > RESULT_CAP_CHARS) {
    return { ok: false as const, error: { code: "RESULT_TOO_LARGE" as const, message: `result too large: ${text.length} characters of JSON` } };
  }
  try {
    return { ok: true as const, output: parseSandboxJson(text), truncated };
  } catch {
    return { ok: false as const, error: { code: "CRASHED" as const, message: "the sandbox worker sent a result that is not JSON" } };
  }
}
