import { createServer, type IncomingHttpHeaders, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { egressFetch, egressStream, type TEgressRequest } from "./egress-fetch";
import { EgressError } from "./egress-error";
import type { TResolveHost } from "./resolve-host";

type TSeen = { method: string; url: string; headers: IncomingHttpHeaders; body: string };
type TTestServer = { port: number; origin: string; seen: TSeen[]; connections: number };

const servers: { close: () => void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A real server on 127.0.0.1 that records every connection and request, so a test can prove nothing reached it. */
async function startServer(handler: RequestListener): Promise<TTestServer> {
  const state = { seen: [] as TSeen[], connections: 0 };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      state.seen.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks).toString() });
      handler(request, response);
    });
  });
  server.on("connection", () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push({ close: () => (server.closeAllConnections(), server.close()) });
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, { port, origin: `http://127.0.0.1:${port}` });
}

async function failureOf(request: TEgressRequest, allowedHosts: string[], resolveHost?: TResolveHost): Promise<EgressError> {
  const error = await egressFetch(request, { allowedHosts }, { resolveHost }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EgressError);
  return error as EgressError;
}

const redirectTo = (location: string, status = 302): RequestListener => (_request, response) => {
  response.writeHead(status, { location }).end("SECRET-REDIRECT-BODY");
};

describe("egressFetch against real servers", () => {
  it("reaches a loopback server through an explicit host:port entry, keeping the Host header", async () => {
    const server = await startServer((_request, response) => response.writeHead(200, { "content-type": "text/plain", "x-reply": "yes" }).end("hello"));
    const response = await egressFetch({ url: `${server.origin}/ping?x=1` }, { allowedHosts: [`127.0.0.1:${server.port}`] });
    expect(response).toMatchObject({ status: 200, url: `${server.origin}/ping?x=1`, redirects: [] });
    expect(response.body.toString()).toBe("hello");
    expect(response.headers).toMatchObject({ "content-type": "text/plain", "x-reply": "yes" });
    expect(response.headers.connection).toBeUndefined();
    expect(server.seen).toMatchObject([{ method: "GET", url: "/ping?x=1", headers: { host: `127.0.0.1:${server.port}` } }]);
  });

  it("sends nothing at all to a server that is not allowlisted", async () => {
    const server = await startServer((_request, response) => response.end("should not happen"));
    expect((await failureOf({ url: `${server.origin}/` }, [])).code).toBe("NOT_ALLOWLISTED");
    expect((await failureOf({ url: `${server.origin}/` }, [`127.0.0.1:${server.port + 1}`, "*.example.com"])).code).toBe("NOT_ALLOWLISTED");
    expect((await failureOf({ url: `http://127.1:${server.port}/` }, ["*.example.com"])).code).toBe("NOT_ALLOWLISTED");
    expect([server.connections, server.seen.length]).toEqual([0, 0]);
  });

  it("connects to the checked address only, with the name kept for Host", async () => {
    const server = await startServer((_request, response) => response.end("pinned"));
    const resolveHost = vi.fn<TResolveHost>(async () => [{ address: "127.0.0.1", family: 4 }]);
    const url = `http://pinned.example.test:${server.port}/`;
    const response = await egressFetch({ url }, { allowedHosts: [`pinned.example.test:${server.port}`] }, { resolveHost });
    expect(response.body.toString()).toBe("pinned");
    expect(server.seen[0]?.headers.host).toBe(`pinned.example.test:${server.port}`);
    expect(resolveHost).toHaveBeenCalledTimes(1);

    const wildcard = await failureOf({ url }, ["*.example.test"], resolveHost);
    expect(wildcard.code).toBe("BLOCKED_ADDRESS");
    expect(server.seen).toHaveLength(1);
  });

  it("refuses a redirect to the metadata address and never echoes the redirect body", async () => {
    const server = await startServer(redirectTo("http://169.254.169.254/latest/meta-data/"));
    const error = await failureOf({ url: `${server.origin}/` }, [`127.0.0.1:${server.port}`, "169.254.169.254"]);
    expect(error.code).toBe("BLOCKED_ADDRESS");
    expect(error.message).toContain("169.254.169.254 is a cloud metadata endpoint");
    expect(error.message).not.toContain("SECRET");
  });

  it("refuses a redirect to another local port that is not allowlisted, and that server receives nothing", async () => {
    const second = await startServer((_request, response) => response.end("internal"));
    const first = await startServer(redirectTo(`${second.origin}/admin`, 307));
    const error = await failureOf({ url: `${first.origin}/` }, [`127.0.0.1:${first.port}`]);
    expect(error.code).toBe("NOT_ALLOWLISTED");
    expect(error.message).toContain(`127.0.0.1:${second.port} is not on this workspace's egress allowlist`);
    expect([second.connections, second.seen.length]).toEqual([0, 0]);
  });

  it("follows allowed redirects, turning 303 into GET and dropping credentials on the way to another origin", async () => {
    const second = await startServer((_request, response) => response.end("landed"));
    const first = await startServer((request, response) => {
      if (request.url === "/start") response.writeHead(303, { location: "/middle" }).end();
      else response.writeHead(308, { location: `${second.origin}/end` }).end();
    });
    const response = await egressFetch(
      { url: `${first.origin}/start`, method: "post", body: '{"a":1}', headers: { Authorization: "Bearer t", Cookie: "s=1", "Content-Type": "application/json", "X-Trace": "abc" } },
      { allowedHosts: [`127.0.0.1:${first.port}`, `127.0.0.1:${second.port}`] },
    );
    expect(response).toMatchObject({ status: 200, url: `${second.origin}/end`, redirects: [`${first.origin}/middle`, `${second.origin}/end`] });
    expect(response.body.toString()).toBe("landed");
    expect(first.seen.map((seen) => [seen.method, seen.body])).toEqual([["POST", '{"a":1}'], ["GET", ""]]);
    expect(first.seen[1]?.headers).toMatchObject({ authorization: "Bearer t", cookie: "s=1" });
    expect(first.seen[1]?.headers["content-type"]).toBeUndefined();
    expect(second.seen[0]?.headers).toMatchObject({ host: `127.0.0.1:${second.port}`, "x-trace": "abc" });
    expect(second.seen[0]?.headers.authorization).toBeUndefined();
    expect(second.seen[0]?.headers.cookie).toBeUndefined();
  });

  it("stops after maxRedirects", async () => {
    const server = await startServer(redirectTo("/again"));
    const allowedHosts = [`127.0.0.1:${server.port}`];
    expect((await failureOf({ url: `${server.origin}/` }, allowedHosts)).code).toBe("TOO_MANY_REDIRECTS");
    expect(server.seen).toHaveLength(6);
    expect((await failureOf({ url: `${server.origin}/`, maxRedirects: 1 }, allowedHosts)).message).toBe("Stopped after 1 redirects (last from 127.0.0.1)");
  });

  it("cuts off a response larger than maxResponseBytes, announced or streamed", async () => {
    const server = await startServer((request, response) => {
      if (request.url === "/announced") {
        response.writeHead(200, { "content-length": "2048" }).end("x".repeat(2048));
      } else {
        response.write("SECRET-".repeat(150)); // written before end: chunked, no length announced
        response.end("SECRET-".repeat(150));
      }
    });
    const allowedHosts = [`127.0.0.1:${server.port}`];
    const announced = await failureOf({ url: `${server.origin}/announced`, maxResponseBytes: 1024 }, allowedHosts);
    expect([announced.code, announced.message]).toEqual(["RESPONSE_TOO_LARGE", "The response from 127.0.0.1 is larger than 1024 bytes"]);
    const streamed = await failureOf({ url: `${server.origin}/streamed`, maxResponseBytes: 1024 }, allowedHosts);
    expect(streamed.code).toBe("RESPONSE_TOO_LARGE");
    expect(streamed.message).not.toContain("SECRET");
    expect((await egressFetch({ url: `${server.origin}/announced`, maxResponseBytes: 2048 }, { allowedHosts })).body).toHaveLength(2048);
  });

  it("times out a server that never answers or stalls mid-body, and aborts on the caller's signal", async () => {
    const server = await startServer((request, response) => {
      if (request.url === "/stall") response.writeHead(200).write("partial");
    });
    const allowedHosts = [`127.0.0.1:${server.port}`];
    const silent = await failureOf({ url: `${server.origin}/silent`, timeoutMs: 150 }, allowedHosts);
    expect([silent.code, silent.message]).toEqual(["TIMEOUT", "No complete response from 127.0.0.1 within 150 ms"]);
    expect((await failureOf({ url: `${server.origin}/stall`, timeoutMs: 150 }, allowedHosts)).code).toBe("TIMEOUT");

    const controller = new AbortController();
    const pending = failureOf({ url: `${server.origin}/silent`, signal: controller.signal }, allowedHosts);
    setTimeout(() => controller.abort(), 50);
    expect((await pending).code).toBe("ABORTED");
  });

  it("reports a refused connection as NETWORK with the host named", async () => {
    const server = await startServer((_request, response) => response.end());
    const port = server.port;
    servers.pop()?.close();
    const error = await failureOf({ url: `http://127.0.0.1:${port}/` }, [`127.0.0.1:${port}`]);
    expect([error.code, error.message]).toEqual(["NETWORK", "Could not reach 127.0.0.1: ECONNREFUSED"]);
  });

  it("reports a response cut off after its head as cut off, not as a host it could not reach", async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      response.write("partial", () => response.socket?.end());
    });
    const allowedHosts = [`127.0.0.1:${server.port}`];
    const buffered = await failureOf({ url: `${server.origin}/` }, allowedHosts);
    expect([buffered.code, buffered.message]).toEqual(["NETWORK", expect.stringMatching(/^The response from 127\.0\.0\.1 was cut off: /)]);

    const streamed = await egressStream({ url: `${server.origin}/` }, { allowedHosts });
    const received: string[] = [];
    const error = await (async () => {
      for await (const chunk of streamed.body) received.push(chunk.toString());
    })().then(() => undefined, (caught: unknown) => caught);
    expect(received).toEqual(["partial"]);
    expect(error).toMatchObject({ code: "NETWORK", message: "The response from 127.0.0.1 was cut off: ECONNRESET" });
  });
});
