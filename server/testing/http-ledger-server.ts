// A local HTTP server that counts every request it receives: what the studio's HTTP calls really did, counted where
// they land rather than in the studio's own records.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** `answeredAt`: when its answer went out; unset while the call is in flight. */
export type TLedgerRequest = { method: string; path: string; headers: Record<string, string | string[] | undefined>; body: string; at: number; answeredAt?: number };

/**
 * `holdMs`: each answer waits this long, so that a test can kill the caller while its call is in flight.
 * `host`: where it listens (default 127.0.0.1; `::` takes every local address, IPv4 and IPv6, so that no spelling of
 * this machine misses it). `connections` counts TCP connections, whether or not a request followed.
 * `answer`: the JSON body for a request; by default how many requests arrived so far.
 */
export async function startHttpLedgerServer(options: { holdMs?: number; host?: string; answer?: (request: TLedgerRequest) => unknown } = {}) {
  const requests: TLedgerRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const received: TLedgerRequest = { method: request.method ?? "GET", path: request.url ?? "/", headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
      requests.push(received);
      const answer = JSON.stringify(options.answer ? options.answer(received) : { received: requests.length });
      setTimeout(() => {
        received.answeredAt = Date.now();
        response.setHeader("content-type", "application/json");
        response.end(answer);
      }, options.holdMs ?? 0);
    });
  });
  let connections = 0;
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, options.host ?? "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const to = (prefix: string) => requests.filter((request) => request.path.startsWith(prefix));
  return {
    url,
    port,
    host: new URL(url).host,
    requests,
    get connections(): number {
      return connections;
    },
    /** The most calls whose path starts with `prefix` that were in flight at once (answered or not yet). */
    peakInFlight(prefix: string): number {
      const moments = to(prefix).flatMap((request) => [{ at: request.at, step: 1 }, ...(request.answeredAt === undefined ? [] : [{ at: request.answeredAt, step: -1 }])]);
      // An answer and an arrival in the same millisecond: the answer first, as the caller saw it.
      moments.sort((a, b) => a.at - b.at || a.step - b.step);
      let inFlight = 0;
      let peak = 0;
      for (const moment of moments) peak = Math.max(peak, (inFlight += moment.step));
      return peak;
    },
    /** The requests whose path starts with `prefix` (each test uses its own prefix). */
    to,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
