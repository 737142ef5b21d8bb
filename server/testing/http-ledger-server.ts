// A local HTTP server that counts every request it receives: what the studio's HTTP calls really did, counted where
// they land rather than in the studio's own records.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type TLedgerRequest = { method: string; path: string; headers: Record<string, string | string[] | undefined>; body: string; at: number };

/** `holdMs`: each answer waits this long, so that a test can kill the caller while its call is in flight. */
export async function startHttpLedgerServer(options: { holdMs?: number } = {}) {
  const requests: TLedgerRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      requests.push({ method: request.method ?? "GET", path: request.url ?? "/", headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      const answer = JSON.stringify({ received: requests.length });
      setTimeout(() => {
        response.setHeader("content-type", "application/json");
        response.end(answer);
      }, options.holdMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    host: new URL(url).host,
    requests,
    /** The requests whose path starts with `prefix` (each test uses its own prefix). */
    to: (prefix: string) => requests.filter((request) => request.path.startsWith(prefix)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
