// The headers a browser gets from the studio's HTTP server: a page policy with a fresh nonce for Next, the strict policy
// for everything else, socket.io's own answers included.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Server as SocketServer } from "socket.io";
import { afterEach, describe, expect, it } from "vitest";
import { createRequestRouter, type THttpHandler } from "./route-request";
import { buildPagePolicy, createSecurityHeaders, secureEveryResponse } from "./security-headers";

let server: Server | undefined;
afterEach(async () => {
  const closing = server;
  server = undefined;
  if (!closing) return;
  closing.closeAllConnections();
  await new Promise((resolve) => closing.close(resolve));
});

/** A studio server whose "Next" answers with the nonce it found in the request's policy, as Next does. */
async function startStudioLike(publicUrl: string): Promise<string> {
  const json: THttpHandler = (_req, res) => res.end("{}");
  const next: THttpHandler = (req: IncomingMessage, res) => res.end(/'nonce-([^']+)'/.exec(String(req.headers["content-security-policy"]))?.[1]);
  const headers = createSecurityHeaders({ publicUrl, isDev: false });
  server = createServer(createRequestRouter({ trpc: json, auth: json, hooks: json, health: json, ready: json, metrics: json, next }, headers));
  new SocketServer(server, { path: "/socket.io", transports: ["websocket"] });
  secureEveryResponse(server, headers);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("security headers", () => {
  it("give each page a fresh nonce that Next sees, and replace a policy the client sent", async () => {
    const url = await startStudioLike("http://localhost:3000");
    const attacker = { "Content-Security-Policy": "script-src 'nonce-chosen-by-the-client'" };
    const [first, second] = await Promise.all([fetch(`${url}/w/demo`, { headers: attacker }), fetch(`${url}/w/demo`)]);
    const nonce = await first.text();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(first.headers.get("content-security-policy")).toBe(buildPagePolicy({ nonce, isDev: false, isHttps: false }));
    expect(await second.text()).not.toBe(nonce);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("strict-transport-security")).toBeNull();
  });

  it("give the studio's own answers and socket.io's the strict policy", async () => {
    const url = await startStudioLike("http://localhost:3000");
    for (const path of ["/api/trpc/workspace.list", "/api/health", "/api/hooks/x", "/socket.io/?EIO=4&transport=polling"]) {
      const response = await fetch(`${url}${path}`);
      expect(response.headers.get("content-security-policy"), path).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("referrer-policy"), path).toBe("same-origin");
    }
  });

  it("add HSTS and upgrade-insecure-requests only when the studio is served over https", async () => {
    const url = await startStudioLike("https://studio.example.com");
    const response = await fetch(`${url}/signin`);
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("allow eval in development only, for React's dev tooling", () => {
    expect(buildPagePolicy({ nonce: "n", isDev: true, isHttps: false })).toContain("script-src 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(buildPagePolicy({ nonce: "n", isDev: false, isHttps: false })).not.toContain("unsafe-eval");
  });
});
