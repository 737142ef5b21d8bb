import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import { checkHostAllowed, checkResolvedAddresses, compileAllowlist } from "./allowlist";
import { EgressError } from "./egress-error";
import { sanitiseRequestHeaders, toResponseHeaders } from "./headers";
import { startHttpCallSpan, type THttpCallSpan } from "./http-call-span";
import { parseTarget, type TEgressTarget } from "./parse-target";
import { planRedirect, type THop } from "./plan-redirect";
import { resolveHost, type TResolvedAddress, type TResolveHost } from "./resolve-host";
import { readCappedBody, sendRequest } from "./send-request";

export type TEgressRequest = {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
  /** Whole exchange, redirects and body included. Default 30 s. */
  timeoutMs?: number;
  /** Default 10 MB. */
  maxResponseBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** The W3C traceparent of the step or call making the request: it is traced under it and sends it on (http-call-span.ts). */
  traceparent?: string;
};
export type TEgressPolicy = { allowedHosts: readonly string[] };
export type TEgressResponse = { status: number; headers: Record<string, string>; body: Buffer; url: string; redirects: string[] };
export type TEgressStreamResponse = Omit<TEgressResponse, "body"> & { body: AsyncIterable<Buffer> };

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;
const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * The studio's one way out to the network. Each hop: parse the URL, check the host against the allowlist, resolve it,
 * check every address, connect to exactly those addresses. Redirects are followed by hand so each hop gets the full
 * check. Bodies are not decompressed (no Accept-Encoding is added), so a small gzip cannot expand past the cap.
 */
export async function egressFetch(
  request: TEgressRequest,
  policy: TEgressPolicy,
  options: { resolveHost?: TResolveHost } = {},
): Promise<TEgressResponse> {
  const maxBytes = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const span = startHttpCallSpan(request);
  try {
    const response = await exchange({ ...request, headers: span.headers }, policy, options, async (response, hostname) => ({ body: await readCappedBody(response, maxBytes, hostname) }), true);
    span.end({ status: response.status });
    return response;
  } catch (error) {
    span.end({ error });
    throw error;
  }
}

/**
 * Like egressFetch, but resolves at the response head and hands the body over as a stream (server-sent events of a
 * model provider). The deadline and the byte cap still cover the whole body; `body` ends with an EgressError on either.
 */
export async function egressStream(
  request: TEgressRequest,
  policy: TEgressPolicy,
  options: { resolveHost?: TResolveHost } = {},
): Promise<TEgressStreamResponse> {
  const maxBytes = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const span = startHttpCallSpan(request);
  try {
    const response = await exchange({ ...request, headers: span.headers }, policy, options, async (response, hostname, deadline) => ({ body: streamCappedBody(response, maxBytes, hostname, deadline) }), false);
    // The span lasts as long as the body: a model's answer streams for a while after its head.
    return { ...response, body: endWithBody(response.body, response.status, span) };
  } catch (error) {
    span.end({ error });
    throw error;
  }
}

async function* endWithBody(body: AsyncIterable<Buffer>, status: number, span: THttpCallSpan): AsyncGenerator<Buffer> {
  try {
    yield* body;
    span.end({ status });
  } catch (error) {
    span.end({ status, error });
    throw error;
  } finally {
    // Left early (the reader stopped): the exchange ends here all the same.
    span.end({ status });
  }
}

async function exchange<TBody>(
  request: TEgressRequest,
  policy: TEgressPolicy,
  options: { resolveHost?: TResolveHost },
  readBody: (response: IncomingMessage, hostname: string, deadline: TDeadline) => Promise<TBody>,
  stopsAtBody: boolean,
): Promise<{ status: number; headers: Record<string, string>; url: string; redirects: string[] } & TBody> {
  const allowlist = compileAllowlist(policy.allowedHosts);
  const maxRedirects = request.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let hop: THop = { url: request.url, method: toMethod(request.method), headers: sanitiseRequestHeaders(request.headers) };
  if (request.body !== undefined) hop.body = Buffer.from(request.body);
  const redirects: string[] = [];
  // Started last: nothing above may throw past the `finally` that stops it.
  const deadline = startDeadline(request.timeoutMs ?? DEFAULT_TIMEOUT_MS, request.signal);
  let hostname = "the host";
  let hasHead = false;
  let isStreaming = false;
  try {
    for (;;) {
      const target = parseTarget(hop.url);
      hostname = target.hostname;
      const match = checkHostAllowed(allowlist, target);
      const addresses = await resolveTarget(target, options.resolveHost ?? resolveHost, deadline.signal);
      checkResolvedAddresses(target, addresses.map((entry) => entry.address), match);
      const response = await sendRequest({ target, addresses, hop, signal: deadline.signal });
      hasHead = true;
      const status = response.statusCode ?? 0;
      const next = planRedirect(hop, target, status, response.headers.location);
      if (!next) {
        const body = await readBody(response, hostname, deadline);
        isStreaming = !stopsAtBody;
        return { status, headers: toResponseHeaders(response.headers), url: target.url.href, redirects, ...body };
      }
      response.destroy(); // a redirect's body is never read
      if (redirects.length >= maxRedirects) {
        throw new EgressError("TOO_MANY_REDIRECTS", `Stopped after ${maxRedirects} redirects (last from ${hostname})`);
      }
      redirects.push(next.url);
      hop = next;
      hasHead = false;
    }
  } catch (error) {
    throw toEgressError(error, deadline, hostname, hasHead);
  } finally {
    // A streamed body stops the deadline itself when it ends.
    if (!isStreaming) deadline.stop();
  }
}

/** The body as it arrives, cut at `maxBytes`; errors (timeout, cancel, cap) end the iteration as an EgressError. */
async function* streamCappedBody(response: IncomingMessage, maxBytes: number, hostname: string, deadline: TDeadline): AsyncGenerator<Buffer> {
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw new EgressError("RESPONSE_TOO_LARGE", `The response from ${hostname} is larger than ${maxBytes} bytes`);
      yield chunk;
    }
  } catch (error) {
    throw toEgressError(error, deadline, hostname, true);
  } finally {
    response.destroy();
    deadline.stop();
  }
}

type TDeadline = { signal: AbortSignal; timeoutMs: number; stop: () => void };

/** One signal for the whole exchange that fires on the timeout or on the caller's signal, whichever comes first. */
function startDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined): TDeadline {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort("TIMEOUT"), timeoutMs);
  const onCallerAbort = () => controller.abort("ABORTED");
  if (callerSignal?.aborted) onCallerAbort();
  callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    timeoutMs,
    stop: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
}

async function resolveTarget(target: TEgressTarget, resolve: TResolveHost, signal: AbortSignal): Promise<TResolvedAddress[]> {
  if (target.ipFamily !== 0) return [{ address: target.hostname, family: target.ipFamily }];
  const addresses = await raceAbort(resolve(target.hostname), signal);
  const valid = addresses.filter((entry) => isIP(entry.address) !== 0);
  if (valid.length === 0 || valid.length !== addresses.length) {
    throw new EgressError("NETWORK", `Could not resolve ${target.hostname} to usable addresses`);
  }
  return valid;
}

/** dns.lookup cannot be cancelled; racing it lets a timeout or cancel win without waiting for the resolver. */
async function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([promise, aborted]);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

function toMethod(method = "GET"): string {
  const upper = method.toUpperCase();
  if (!HTTP_TOKEN.test(upper) || upper === "CONNECT") {
    throw new EgressError("BAD_REQUEST", `"${method.slice(0, 20)}" is not a method egress can send`);
  }
  return upper;
}

/**
 * Timeout and cancel win over whatever error they caused; unknown failures become NETWORK with the system code only,
 * worded by when they happened: a host that answered and then broke off was reached (users look for the cause elsewhere).
 */
function toEgressError(error: unknown, deadline: TDeadline, hostname: string, hasHead: boolean): EgressError {
  if (deadline.signal.aborted) {
    return deadline.signal.reason === "TIMEOUT"
      ? new EgressError("TIMEOUT", `No complete response from ${hostname} within ${deadline.timeoutMs} ms`)
      : new EgressError("ABORTED", `The request to ${hostname} was cancelled`);
  }
  if (error instanceof EgressError) return error;
  const code = (error as { code?: unknown }).code;
  const why = typeof code === "string" ? code : error instanceof Error ? error.message : "unknown error";
  const message = hasHead ? `The response from ${hostname} was cut off: ${why}` : `Could not reach ${hostname}: ${why}`;
  return new EgressError("NETWORK", message, { cause: error });
}
