// The studio's tRPC HTTP handler on a free loopback port, for one integration test file, and calls to it made the way
// a browser or a script makes them.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { createTrpcHttpHandler } from "../api/http-handler";
import { db } from "../db/client";
import { TEST_SECRET } from "./session-cookie";

/** `body`: the response's text as it went over the wire. */
export type TTrpcReply = { status: number; body: string; data?: unknown; error?: { code: string; message: string } };

export function useTrpcHttpServer() {
  let server: Server | undefined;
  let base = "";

  beforeAll(async () => {
    server = createServer(createTrpcHttpHandler({ db: db(), secret: TEST_SECRET, mailer: null }));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/trpc`;
  });

  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  return {
    /** `http://127.0.0.1:<port>/api/trpc` */
    get base(): string {
      return base;
    },
    /** One call: queries as GET, mutations as POST, with the given headers (Cookie, Authorization). */
    async call(kind: "query" | "mutation", path: string, input: unknown, headers: Record<string, string>): Promise<TTrpcReply> {
      const response =
        kind === "query"
          ? await fetch(`${base}/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, { headers })
          : await fetch(`${base}/${path}`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(input) });
      const text = await response.text();
      const body = JSON.parse(text) as { result?: { data: unknown }; error?: { message: string; data: { code: string } } };
      return { status: response.status, body: text, data: body.result?.data, error: body.error && { code: body.error.data.code, message: body.error.message } };
    },
  };
}
