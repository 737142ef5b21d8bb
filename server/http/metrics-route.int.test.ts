// /api/metrics through the studio's request router, with the runtime as the studio starts it (start-runtime.ts) and
// the socket server: a scrape without the token is refused, and one with it shows runs, steps, model usage and
// sockets moving as they happen.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOpenAiTestServer } from "../agents/testing/openai-test-server";
import type { TTestServer } from "../agents/testing/scripted-model-server";
import { db } from "../db/client";
import { TEST_ORIGIN, useRealtimeTestServer } from "../realtime/testing/realtime-test-server";
import { buildSpec } from "../runtime/testing/build-spec";
import { addEgressRule } from "../services/egress/add-egress-rule";
import { createGraph } from "../services/graph/create-graph";
import { startRun } from "../services/run/start-run";
import { startRuntime } from "../start-runtime";
import { metricsRegistry } from "../telemetry/metrics";
import { createWorkspaceWithMembers } from "../testing/factories";
import { sessionCookieFor } from "../testing/session-cookie";
import { waitForRunEnd } from "../testing/wait-for-run-end";
import type { TGraphSpec } from "@/lib/graph";
import { createMetricsHandler } from "./metrics-route";
import { createRequestRouter, type THttpHandler } from "./route-request";
import { createSecurityHeaders } from "./security-headers";

const TOKEN = "metrics-token-for-the-test-0123";
const realtimeServer = useRealtimeTestServer();
const servers: Server[] = [];
let studio: Awaited<ReturnType<typeof startRuntime>>;
let model: TTestServer;

beforeAll(async () => {
  studio = await startRuntime(db());
  model = await startOpenAiTestServer([{ content: "Hello there." }]);
});

afterAll(async () => {
  await studio.stop();
  await model.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

async function studioUrl(token: string | undefined): Promise<string> {
  const unused: THttpHandler = (_req, res) => res.writeHead(418).end();
  const metrics = createMetricsHandler({ token, registry: metricsRegistry });
  const server = createServer(createRequestRouter({ trpc: unused, auth: unused, hooks: unused, health: unused, ready: unused, next: unused, metrics }, createSecurityHeaders({ publicUrl: "http://localhost", isDev: false })));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** One sample of a scrape: `name{label="value",...}`, labels in any order; 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split("\n")) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return 0;
}

async function scrape(url: string): Promise<string> {
  const response = await fetch(`${url}/api/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return response.text();
}

async function runToEnd(spec: TGraphSpec, hosts: string[] = []) {
  const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
  const scope = { workspaceId: workspace.id, actorId: members.owner.id };
  for (const host of hosts) await addEgressRule(db(), { ...scope, host });
  const graph = await createGraph(db(), { ...scope, name: "Measured", spec });
  const started = await startRun(db(), { ...scope, graphId: graph.id, source: { kind: "draft" }, input: "hi" });
  return waitForRunEnd(started.id);
}

describe("/api/metrics", () => {
  it("does not exist without STUDIO_METRICS_TOKEN", async () => {
    const url = await studioUrl(undefined);
    expect((await fetch(`${url}/api/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });

  it("refuses a scrape without the token or with another one, saying how to authenticate", async () => {
    const url = await studioUrl(TOKEN);
    for (const headers of [{}, { Authorization: `Bearer ${TOKEN}x` }, { Authorization: TOKEN }] as Record<string, string>[]) {
      const response = await fetch(`${url}/api/metrics`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
      expect(await response.text()).not.toContain("studio_runs");
    }
  });

  it("counts runs by status, times steps per node type, adds up model tokens, and shows sockets, the queue and event loop lag", async () => {
    const url = await studioUrl(TOKEN);
    const before = await scrape(url);

    const succeeded = await runToEnd(
      buildSpec(
        [
          { id: "in", type: "core/input" },
          { id: "agent", type: "core/agent", config: { systemPrompt: "Greet." } },
          { id: "model", type: "core/openai-model", config: { baseUrl: model.url, model: "gpt-4o-mini" } },
          { id: "out", type: "core/output" },
        ],
        ["in.out->agent.in", "model.model->agent.model", "agent.out->out.in"],
      ),
      [new URL(model.url).host],
    );
    expect(succeeded.status).toBe("succeeded");
    // Not on the workspace's allowlist: the HTTP Request step fails and so does the run.
    const failed = await runToEnd(buildSpec([{ id: "in", type: "core/input" }, { id: "call", type: "core/http-request", config: { url: "http://127.0.0.1:9/nowhere" } }], ["in.out->call.in"]));
    expect(failed.status).toBe("failed");
    const socket = realtimeServer.open({ Origin: TEST_ORIGIN, Cookie: await sessionCookieFor((await createWorkspaceWithMembers(["viewer"])).members.viewer) });
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));

    const after = await scrape(url);
    const moved = (name: string, labels?: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    expect(moved("studio_runs_started_total")).toBeGreaterThanOrEqual(2);
    expect(moved("studio_runs_finished_total", { status: "succeeded" })).toBeGreaterThanOrEqual(1);
    expect(moved("studio_runs_finished_total", { status: "failed" })).toBeGreaterThanOrEqual(1);
    expect(moved("studio_step_duration_seconds_count", { node_type: "core/agent", status: "succeeded" })).toBe(1);
    expect(moved("studio_step_duration_seconds_count", { node_type: "core/http-request", status: "failed" })).toBe(1);
    expect(moved("studio_step_duration_seconds_bucket", { node_type: "core/agent", status: "succeeded", le: "+Inf" })).toBe(1);
    expect(moved("studio_call_duration_seconds_count", { kind: "model", node_type: "core/openai-model", outcome: "ok" })).toBe(1);
    const agentTokens = (succeeded.steps.find((step) => step.nodeId === "agent")!.usage as { tokens: number }).tokens;
    expect(agentTokens).toBeGreaterThan(0);
    expect(moved("studio_model_tokens_total", { node_type: "core/openai-model" })).toBe(agentTokens);
    expect(sample(after, "studio_socket_clients")).toBe(1);
    expect(after).toMatch(/^studio_queue_runs\{state="waiting"\} \d+$/m);
    expect(after).toMatch(/^studio_mailbox_messages 0$/m);
    expect(after).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });
});
