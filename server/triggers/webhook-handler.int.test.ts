import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createPrismaRunStore } from "../db/prisma-run-store";
import { studioEvents } from "../events/studio-events";
import { STUDIO_NODE_IMPLEMENTATIONS } from "../runtime/nodes/registry";
import { createRuntime } from "../runtime/runtime";
import { createWorkspaceWithMembers } from "../testing/factories";
import { callerFor } from "../testing/trpc-callers";
import { createPublishedGraph, createTriggerGraphSpec } from "./testing/trigger-graphs";
import { createWebhookHandler, MAX_WEBHOOK_BODY_BYTES } from "./webhook-handler";

let runtime: ReturnType<typeof createRuntime>;
let stopWaking: () => void;
const servers: Server[] = [];

async function listen(ratePerMinute: number): Promise<string> {
  const server = createServer(createWebhookHandler({ db: db(), ratePerMinute }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let base: string;

beforeAll(async () => {
  runtime = createRuntime({ store: createPrismaRunStore(db()), implementations: STUDIO_NODE_IMPLEMENTATIONS, pollMs: 50, heartbeatMs: 200 });
  stopWaking = studioEvents.on("run.queued", () => runtime.wake());
  runtime.start();
  base = await listen(1_000);
});

afterAll(async () => {
  stopWaking();
  await runtime.stop();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A published webhook graph and its token; the draft is then changed without publishing, to prove which one runs. */
async function createWebhook() {
  const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
  const workspaceId = workspace.id;
  const api = callerFor(members.editor);
  const { graphId, version } = await createPublishedGraph(api, workspaceId, createTriggerGraphSpec());
  const graph = await api.graph.get({ workspaceId, graphId });
  await api.graph.saveDraft({ workspaceId, graphId, spec: createTriggerGraphSpec({ outputName: "from-the-draft" }), baseRevision: graph.draftRevision });
  const { token } = await api.trigger.createWebhookToken({ workspaceId, graphId, nodeId: "hook" });
  return { api, workspaceId, graphId, version, token };
}

function post(token: string, body: BodyInit | undefined, headers: Record<string, string> = { "content-type": "application/json" }, query = "") {
  return fetch(`${base}/api/hooks/${token}${query}`, { method: "POST", headers, body });
}

async function settledRun(runId: string) {
  await expect.poll(async () => (await db().run.findUniqueOrThrow({ where: { id: runId } })).status, { timeout: 10_000 }).toBe("succeeded");
  return db().run.findUniqueOrThrow({ where: { id: runId } });
}

describe("POST /api/hooks/<token>", () => {
  it("answers 202 with a run of the published version whose input is the request", async () => {
    const { graphId, version, token } = await createWebhook();
    const response = await post(token, JSON.stringify({ order: 42 }), { "content-type": "application/json", "x-shop-event": "paid", cookie: "session=secret", authorization: "Bearer secret" }, "?source=shop&tag=a&tag=b");
    expect(response.status).toBe(202);
    const { runId } = (await response.json()) as { runId: string };

    const run = await settledRun(runId);
    expect(run).toMatchObject({ graphId, graphVersionId: (await db().graphVersion.findFirstOrThrow({ where: { graphId, number: version.number } })).id, trigger: "webhook", createdById: null });
    const input = run.input as { body: unknown; query: unknown; headers: Record<string, string> };
    expect(input.body).toEqual({ order: 42 });
    expect(input.query).toEqual({ source: "shop", tag: ["a", "b"] });
    expect(input.headers).toMatchObject({ "content-type": "application/json", "x-shop-event": "paid" });
    expect(Object.keys(input.headers).filter((name) => !name.startsWith("x-")).sort()).toEqual(["content-type", "user-agent"]);
    expect(run.output).toEqual({ received: input });
    expect((await db().trigger.findFirstOrThrow({ where: { graphId, kind: "webhook" } })).lastFiredAt).not.toBeNull();
  });

  it("treats a body shaped like a graph or code as data: the run executes the published spec unchanged", async () => {
    const { api, workspaceId, graphId, token } = await createWebhook();
    const published = await api.graph.getVersion({ workspaceId, graphId, number: 1 });
    const draftBefore = (await api.graph.get({ workspaceId, graphId })).draft;
    const hostile = {
      nodes: [{ id: "evil", type: "core/code", config: { code: "process.exit(1)" } }],
      edges: [{ id: "x", source: { node: "hook", port: "out" }, target: { node: "evil", port: "in" } }],
      code: "require('child_process').execSync('touch /tmp/pwned')",
      files: [{ filepath: "/etc/passwd", content: "root::0:0" }],
    };
    const response = await post(token, JSON.stringify(hostile));
    expect(response.status).toBe(202);
    const run = await settledRun(((await response.json()) as { runId: string }).runId);

    expect(run.spec).toEqual(published.spec);
    expect((run.input as { body: unknown }).body).toEqual(hostile);
    const steps = await db().runStep.findMany({ where: { runId: run.id }, select: { nodeId: true } });
    expect(steps.map((step) => step.nodeId).sort()).toEqual(["hook", "received"]);
    expect((await api.graph.get({ workspaceId, graphId })).draft).toEqual(draftBefore);
    expect((await api.graph.listVersions({ workspaceId, graphId })).length).toBe(1);
  });

  it("answers an unknown, malformed, unpublished or rotated-away token with the same 404", async () => {
    const { api, workspaceId, graphId, token } = await createWebhook();
    const unpublished = await api.graph.create({ workspaceId, name: "Draft only", spec: createTriggerGraphSpec() });
    const draftToken = (await api.trigger.createWebhookToken({ workspaceId, graphId: unpublished.id, nodeId: "hook" })).token;
    await api.trigger.rotateWebhookToken({ workspaceId, graphId, nodeId: "hook" });

    for (const candidate of ["A".repeat(43), "not-a-token", draftToken, token]) {
      const response = await post(candidate, "{}");
      expect([response.status, await response.json()]).toEqual([404, { error: "Unknown webhook" }]);
    }
    expect(await db().run.count({ where: { workspaceId } })).toBe(0);
    expect((await fetch(`${base}/api/hooks/${token}`)).status).toBe(405);
  });

  it("refuses a body over 1 MB with 413, with or without a content length", async () => {
    const { workspaceId, token } = await createWebhook();
    const oversized = JSON.stringify({ blob: "x".repeat(MAX_WEBHOOK_BODY_BYTES) });
    expect((await post(token, oversized)).status).toBe(413);
    const chunked = new Blob([oversized]).stream();
    const streamed = await fetch(`${base}/api/hooks/${token}`, { method: "POST", headers: { "content-type": "application/json" }, body: chunked, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await db().run.count({ where: { workspaceId } })).toBe(0);
  });

  it("keeps form and text bodies as a string, and refuses other types, broken JSON and prototype keys", async () => {
    const { token } = await createWebhook();
    const inputOf = async (response: Response) => (await db().run.findUniqueOrThrow({ where: { id: ((await response.json()) as { runId: string }).runId } })).input as { body: unknown };

    expect((await inputOf(await post(token, "a=1&b=2", { "content-type": "application/x-www-form-urlencoded" }))).body).toBe("a=1&b=2");
    expect((await inputOf(await post(token, "hello", { "content-type": "text/plain; charset=utf-8" }))).body).toBe("hello");
    expect((await inputOf(await post(token, undefined, {}))).body).toBeNull();

    const xml = await post(token, "<a/>", { "content-type": "application/xml" });
    expect([xml.status, ((await xml.json()) as { error: string }).error]).toEqual([415, "Send the body as application/json, application/x-www-form-urlencoded or text/plain"]);
    expect((await post(token, "{not json")).status).toBe(400);
    const proto = await post(token, '{"a":{"__proto__":{"isAdmin":true}}}');
    expect([proto.status, await proto.json()]).toEqual([400, { error: 'The key "__proto__" is not allowed at body.a.__proto__' }]);
    expect((await post(token, '{"constructor":{"prototype":{}}}')).status).toBe(400);
    expect((await post(token, "{}", { "content-type": "application/json" }, "?__proto__=1")).status).toBe(400);
  });

  it("rate-limits each webhook: past its budget it answers 429 with Retry-After", async () => {
    const limited = await listen(2);
    const { token, workspaceId } = await createWebhook();
    const send = () => fetch(`${limited}/api/hooks/${token}`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect([(await send()).status, (await send()).status]).toEqual([202, 202]);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await db().run.count({ where: { workspaceId } })).toBe(2);
  });

  it("makes one run per Idempotency-Key, also for concurrent deliveries", async () => {
    const { workspaceId, token } = await createWebhook();
    const deliver = (key: string) => post(token, JSON.stringify({ delivery: key }), { "content-type": "application/json", "idempotency-key": key });
    const responses = await Promise.all([deliver("evt_1"), deliver("evt_1"), deliver("evt_1")]);
    const runIds = await Promise.all(responses.map(async (response) => ((await response.json()) as { runId: string }).runId));
    expect(responses.map((response) => response.status)).toEqual([202, 202, 202]);
    expect(new Set(runIds).size).toBe(1);
    const other = (await (await deliver("evt_2")).json()) as { runId: string };
    expect(other.runId).not.toBe(runIds[0]);
    const runs = await db().run.findMany({ where: { workspaceId }, select: { idempotencyKey: true } });
    expect(runs.map((run) => run.idempotencyKey?.replace(/^webhook:\w+:/, "")).sort()).toEqual(["evt_1", "evt_2"]);
    expect((await post(token, "{}", { "content-type": "application/json", "idempotency-key": "has space" })).status).toBe(400);
  });
});
