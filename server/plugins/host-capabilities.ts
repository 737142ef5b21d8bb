// What sandboxed code may ask the host for, over IPC only: `fetch` through the egress guard to the hosts it was
// granted, with `{{secret:NAME}}` placeholders that the host fills in (the value never enters the sandbox). Each fetch
// carries an idempotency key: the step's key plus the fetch's index in the job, so a re-executed step repeats the keys.
import { EgressError, egressFetch, withIdempotencyKey } from "../egress";
import type { TCapabilityHandler } from "./sandbox/sandbox-pool";

const SECRET_PLACEHOLDER = /\{\{secret:([A-Za-z][A-Za-z0-9_-]{0,63})\}\}/g;
const MAX_BODY_CHARS = 1024 * 1024;

export type THostGrants = {
  /** Who asks, for error messages: `Plugin acme-weather`, `Code node`. */
  caller: string;
  allowedHosts: readonly string[];
  allowedSecrets: readonly string[];
  resolveSecret: (name: string) => Promise<string>;
  /** The step's (or the agent tool call's) idempotency key. */
  idempotencyKey: string;
  /** The step's (or the call's) W3C traceparent: each fetch is traced under it and sends it on. */
  traceparent?: string;
};

type TFetchArgs = { url?: unknown; method?: unknown; headers?: unknown; body?: unknown };

export function createHostCapabilities(grants: THostGrants): TCapabilityHandler {
  let fetchCount = 0;
  return async ({ capability, args, signal }) => {
    if (capability !== "fetch") throw new Error(`${grants.caller}: unknown capability "${capability}"`);
    // Counted as requests arrive: the isolate is single-threaded, so the same code asks in the same order.
    const idempotencyKey = `${grants.idempotencyKey}:fetch-${fetchCount++}`;
    const request = (args ?? {}) as TFetchArgs;
    if (typeof request.url !== "string") throw new Error(`${grants.caller}: fetch needs a url`);
    const used: string[] = [];
    const fill = async (text: string) => {
      let filled = text;
      for (const [placeholder, name] of text.matchAll(SECRET_PLACEHOLDER)) {
        if (!grants.allowedSecrets.includes(name!)) throw new Error(`${grants.caller} is not granted the secret ${name}`);
        const value = await grants.resolveSecret(name!);
        used.push(value);
        filled = filled.replace(placeholder, () => value);
      }
      return filled;
    };
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries((request.headers ?? {}) as Record<string, unknown>)) headers[name] = await fill(String(value));
    const body = typeof request.body === "string" ? await fill(request.body) : undefined;
    try {
      const response = await egressFetch(
        { url: request.url, method: typeof request.method === "string" ? request.method : "GET", headers: withIdempotencyKey(headers, idempotencyKey), body, signal, maxResponseBytes: MAX_BODY_CHARS, traceparent: grants.traceparent },
        { allowedHosts: grants.allowedHosts },
      );
      let text = response.body.toString("utf8");
      // A server that echoes a credential must not hand it to the sandbox.
      for (const value of used) text = text.split(value).join("[secret]");
      return { status: response.status, headers: response.headers, body: text };
    } catch (error) {
      if (error instanceof EgressError && error.code === "NOT_ALLOWLISTED") {
        throw new Error(`${grants.caller} is not granted egress to ${new URL(request.url).host}`);
      }
      throw error instanceof Error ? new Error(`${grants.caller}: ${error.message}`) : error;
    }
  };
}
