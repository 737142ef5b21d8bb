import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { EgressError } from "./egress-error";
import type { TEgressTarget } from "./parse-target";
import type { THop } from "./plan-redirect";
import type { TResolvedAddress } from "./resolve-host";

/**
 * Sends one hop to addresses that were already checked and resolves with the response head. The socket connects to
 * those addresses only (pinned `lookup`): resolving the name again here would let DNS answer differently the second
 * time (rebinding). Host header and TLS servername keep the name, so virtual hosts and certificates still work.
 */
export function sendRequest(options: {
  target: TEgressTarget;
  addresses: readonly TResolvedAddress[];
  hop: THop;
  signal: AbortSignal;
}): Promise<IncomingMessage> {
  const { target, addresses, hop, signal } = options;
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request({
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      path: `${target.url.pathname}${target.url.search}`,
      method: hop.method,
      headers: { ...hop.headers, host: target.url.host, ...(hop.body ? { "content-length": String(hop.body.length) } : {}) },
      lookup: pinLookup(addresses),
      // A pooled socket was checked for an earlier request; every hop gets a fresh, freshly pinned connection.
      agent: false,
      servername: target.ipFamily === 0 ? target.hostname : undefined,
      signal,
    });
    request.once("response", resolve);
    request.once("error", reject);
    request.end(hop.body);
  });
}

/** Reads the body up to `maxBytes`; beyond that the connection is cut, so a huge body never sits in memory. */
export function readCappedBody(response: IncomingMessage, maxBytes: number, hostname: string): Promise<Buffer> {
  const tooLarge = () => new EgressError("RESPONSE_TOO_LARGE", `The response from ${hostname} is larger than ${maxBytes} bytes`);
  if (Number(response.headers["content-length"]) > maxBytes) {
    response.destroy();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        reject(tooLarge());
      } else {
        chunks.push(chunk);
      }
    });
    response.once("end", () => resolve(Buffer.concat(chunks, size)));
    response.once("error", reject);
    response.once("close", () => {
      if (!response.complete) reject(new Error("the connection closed before the response was complete"));
    });
  });
}

/** net.connect asks with `all: true` when it races address families (Node 20 default), with `all: false` otherwise. */
export function pinLookup(addresses: readonly TResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = options.family === 4 || options.family === 6 ? options.family : undefined;
    const usable = family ? addresses.filter((entry) => entry.family === family) : addresses;
    const first = usable[0];
    if (!first) {
      callback(Object.assign(new Error("no checked address of the requested family"), { code: "ENOTFOUND" }), "");
    } else if (options.all) {
      callback(null, usable.map(({ address, family: entryFamily }) => ({ address, family: entryFamily })));
    } else {
      callback(null, first.address, first.family);
    }
  };
}
