// The session pool against the reference MCP server from npm over stdio: what is reused, what is never shared, what
// closes and when, counted as the server processes this test process started.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterEach, describe, expect, it } from "vitest";
import { createMcpSessionPool, type TMcpSessionPool } from "./mcp-session-pool";
import { egressStream } from "../../egress";
import { everythingCommand, runningEverythingChildren, startEverythingHttpServer } from "./testing/everything-server";

const target = { transport: "stdio" as const, command: everythingCommand() };
const noHttp = () => Promise.reject(new Error("no HTTP"));
let pool: TMcpSessionPool | undefined;

afterEach(async () => {
  await pool?.close();
  expect(runningEverythingChildren()).toEqual([]);
});

function createPool(options: { idleMs?: number; maxSessions?: number } = {}): TMcpSessionPool {
  pool = createMcpSessionPool({ idleMs: options.idleMs ?? 60_000, maxSessions: options.maxSessions ?? 8 });
  return pool;
}

function request(workspaceId: string, signal = AbortSignal.timeout(20_000)) {
  return { workspaceId, target, fetchStream: noHttp, signal };
}

async function sum(client: Client, a = 2, b = 3): Promise<string> {
  const result = await client.callTool({ name: "get-sum", arguments: { a, b } });
  return (result.content as { text: string }[])[0]!.text;
}

const longCall = (client: Client) => client.callTool({ name: "trigger-long-running-operation", arguments: { duration: 5, steps: 5 } }, undefined, { timeout: 20_000 });

async function waitFor(check: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("MCP session pool", () => {
  it("serves a second call from the same server process and client", { timeout: 30_000 }, async () => {
    const sessions = createPool();
    const clients: Client[] = [];
    expect(await sessions.use(request("ws-a"), async (client) => (clients.push(client), sum(client)))).toBe("The sum of 2 and 3 is 5.");
    const [server] = runningEverythingChildren();
    expect(await sessions.use(request("ws-a"), async (client) => (clients.push(client), sum(client, 40, 2)))).toBe("The sum of 40 and 2 is 42.");
    expect(clients[1]).toBe(clients[0]);
    expect(runningEverythingChildren()).toEqual([server]);
  });

  it("lets concurrent first calls share one connect", { timeout: 30_000 }, async () => {
    const sessions = createPool();
    const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => sessions.use(request("ws-a"), (client) => sum(client, n, n))));
    expect(answers).toEqual([1, 2, 3, 4, 5].map((n) => `The sum of ${n} and ${n} is ${2 * n}.`));
    expect(runningEverythingChildren()).toHaveLength(1);
  });

  it("never shares a session across workspaces", { timeout: 30_000 }, async () => {
    const sessions = createPool();
    await sessions.use(request("ws-a"), (client) => sum(client));
    await sessions.use(request("ws-b"), (client) => sum(client));
    await sessions.use(request("ws-a"), (client) => sum(client));
    expect(runningEverythingChildren()).toHaveLength(2);
    expect(sessions.sessions().map((session) => session.workspaceId).sort()).toEqual(["ws-a", "ws-b"]);
  });

  it("closes a session that stays idle, and starts a new server for the next call", { timeout: 30_000 }, async () => {
    const sessions = createPool({ idleMs: 300 });
    await sessions.use(request("ws-a"), (client) => sum(client));
    const [first] = runningEverythingChildren();
    await waitFor(() => runningEverythingChildren().length === 0);
    expect(sessions.sessions()).toEqual([]);
    await sessions.use(request("ws-a"), (client) => sum(client));
    expect(runningEverythingChildren()).not.toContain(first);
    expect(runningEverythingChildren()).toHaveLength(1);
  });

  it("past the cap closes the least recently used idle session, never a busy one", { timeout: 30_000 }, async () => {
    const sessions = createPool({ maxSessions: 2 });
    await sessions.use(request("ws-1"), (client) => sum(client));
    const [server1] = runningEverythingChildren();
    await sessions.use(request("ws-2"), (client) => sum(client));
    await sessions.use(request("ws-1"), (client) => sum(client));
    await sessions.use(request("ws-3"), (client) => sum(client));
    await waitFor(() => runningEverythingChildren().length === 2);
    expect(sessions.sessions().map((session) => session.workspaceId).sort()).toEqual(["ws-1", "ws-3"]);
    expect(runningEverythingChildren()).toContain(server1);

    // Both sessions busy: a third workspace's call is served anyway, and the pool is back at the cap once one is idle.
    const busy = [sessions.use(request("ws-1"), longCall), sessions.use(request("ws-3"), longCall)];
    await waitFor(() => sessions.sessions().every((session) => session.isBusy));
    expect(await sessions.use(request("ws-4"), (client) => sum(client))).toBe("The sum of 2 and 3 is 5.");
    await Promise.all(busy);
    await waitFor(() => runningEverythingChildren().length === 2);
    expect(sessions.sessions().map((session) => session.workspaceId).sort()).toEqual(["ws-1", "ws-3"]);
  });

  it("replaces a server that died while idle at the next call", { timeout: 30_000 }, async () => {
    const sessions = createPool();
    await sessions.use(request("ws-a"), (client) => sum(client));
    const [dead] = runningEverythingChildren();
    process.kill(dead!, "SIGKILL");
    await waitFor(() => sessions.sessions().length === 0);
    expect(await sessions.use(request("ws-a"), (client) => sum(client))).toBe("The sum of 2 and 3 is 5.");
    const [replacement, ...others] = runningEverythingChildren();
    expect([replacement !== dead, others]).toEqual([true, []]);
  });

  it("repeats work on a fresh server when the server dies mid-call only if the work says it may", { timeout: 30_000 }, async () => {
    const sessions = createPool();
    const killDuringCall = () => setTimeout(() => runningEverythingChildren().forEach((pid) => process.kill(pid, "SIGKILL")), 300);
    let attempts = 0;
    const repeated = await sessions.use(
      request("ws-a"),
      async (client) => {
        attempts += 1;
        if (attempts > 1) return sum(client);
        killDuringCall();
        return longCall(client);
      },
      { isRepeatable: () => true },
    );
    expect([attempts, repeated]).toEqual([2, "The sum of 2 and 3 is 5."]);

    const once = sessions.use(request("ws-a"), (client) => (killDuringCall(), longCall(client)), { isRepeatable: () => false });
    await expect(once).rejects.toThrow('the MCP server "everything" stopped answering during the call (MCP error -32000: Connection closed); the call was not repeated because the tool may already have acted');
    expect(await sessions.use(request("ws-a"), (client) => sum(client))).toBe("The sum of 2 and 3 is 5.");
  });

  it("closes a removed command's sessions at once, telling a running call why", { timeout: 30_000 }, async () => {
    const sessions = createPool();
    const running = sessions.use(request("ws-a"), longCall);
    await sessions.use(request("ws-b"), (client) => sum(client));
    await waitFor(() => sessions.sessions().some((session) => session.isBusy));
    const closed = await sessions.closeWhere((session) => session.workspaceId === "ws-a", "its command was removed from the workspace's approved list");
    expect(closed).toBe(1);
    await expect(running).rejects.toThrow(`the MCP server "everything" was stopped: its command was removed from the workspace's approved list`);
    expect(runningEverythingChildren()).toHaveLength(1);
  });

  it("stops every server when the pool closes, and refuses calls after", { timeout: 30_000 }, async () => {
    const sessions = createPool();
    await Promise.all(["ws-a", "ws-b", "ws-c"].map((workspaceId) => sessions.use(request(workspaceId), (client) => sum(client))));
    expect(runningEverythingChildren()).toHaveLength(3);
    await sessions.close();
    expect(runningEverythingChildren()).toEqual([]);
    await expect(sessions.use(request("ws-a"), (client) => sum(client))).rejects.toThrow("MCP sessions are closed: the studio is stopping");
  });

  it("over HTTP, replaces the session of a server that restarted", { timeout: 30_000 }, async () => {
    const sessions = createPool();
    let server = await startEverythingHttpServer();
    try {
      const httpRequest = () => ({ workspaceId: "ws-a", target: { transport: "http" as const, url: server.url }, fetchStream: (egress: Parameters<typeof egressStream>[0]) => egressStream(egress, { allowedHosts: [server.host] }), signal: AbortSignal.timeout(20_000) });
      expect(await sessions.use(httpRequest(), (client) => sum(client))).toBe("The sum of 2 and 3 is 5.");
      await server.stop();
      await expect(sessions.use(httpRequest(), (client) => sum(client))).rejects.toThrow(`Could not connect to the MCP server at ${server.url}`);
      server = await startEverythingHttpServer(server.port);
      expect(await sessions.use(httpRequest(), (client) => sum(client))).toBe("The sum of 2 and 3 is 5.");
      // A restart while the session is idle: the old session id is unknown to the new server, the call is served anyway.
      await server.stop();
      server = await startEverythingHttpServer(server.port);
      expect(await sessions.use(httpRequest(), (client) => sum(client, 1, 1))).toBe("The sum of 1 and 1 is 2.");
      expect(sessions.sessions()).toHaveLength(1);
    } finally {
      await sessions.close();
      await server.stop();
    }
  });
});
