// Queue mode end to end: runs queued in this process (the web side) are driven by worker processes through BullMQ,
// their live events reach a socket here through Redis, a SIGKILLed worker's run is finished by the other one from its
// checkpoint, and a job never drives a run another executor holds the lease of.
import { Redis } from "ioredis";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TGraphSpec } from "@/lib/graph";
import { db } from "../db/client";
import { insertRun } from "../db/insert-run";
import { toJsonColumn } from "../db/json";
import { studioEvents } from "../events/studio-events";
import { buildSpec } from "../runtime/testing/build-spec";
import type { TSeqEvent } from "../runtime/run-store";
import { addEgressRule } from "../services/egress/add-egress-rule";
import { createGraph } from "../services/graph/create-graph";
import { decideApproval } from "../services/run/decide-approval";
import { startRun } from "../services/run/start-run";
import { createWorkspaceWithMembers } from "../testing/factories";
import { findFreePort } from "../testing/free-port";
import { startHttpLedgerServer } from "../testing/http-ledger-server";
import { sessionCookieFor } from "../testing/session-cookie";
import { newRedisTarget, spawnWorker, startQueueModeWeb, untilTakingRuns, type TWorkerProcess } from "./testing/queue-mode-harness";

const ORIGIN = "http://studio.test";
const LEASE_MS = 2_000;
const redis = newRedisTarget();
let web: Awaited<ReturnType<typeof startQueueModeWeb>>;
let ledger: Awaited<ReturnType<typeof startHttpLedgerServer>>;
const workers: TWorkerProcess[] = [];

const METRICS_TOKEN = "worker-metrics-token";
const workerPorts: number[] = [];

beforeAll(async () => {
  workerPorts.push(await findFreePort(), await findFreePort());
  web = await startQueueModeWeb(redis, ORIGIN);
  ledger = await startHttpLedgerServer({ holdMs: 400 });
  workers.push(
    spawnWorker({ databaseUrl: inject("databaseUrl"), redis, name: "worker-a", leaseMs: LEASE_MS, env: { STUDIO_WORKER_PORT: String(workerPorts[0]), STUDIO_METRICS_TOKEN: METRICS_TOKEN } }),
    spawnWorker({ databaseUrl: inject("databaseUrl"), redis, name: "worker-b", leaseMs: LEASE_MS, env: { STUDIO_WORKER_PORT: String(workerPorts[1]), STUDIO_METRICS_TOKEN: METRICS_TOKEN } }),
  );
  await Promise.all(workers.map((worker) => untilTakingRuns(worker)));
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await web?.close();
  await ledger?.close();
});

function chainOfCalls(prefix: string, count: number): TGraphSpec {
  const calls = Array.from({ length: count }, (_, i) => `call${i}`);
  return buildSpec(
    [
      { id: "in", type: "core/input" },
      ...calls.map((id) => ({ id, type: "core/http-request", config: { method: "POST", url: `${ledger.url}${prefix}/${id}`, body: "{{input}}" } })),
      { id: "out", type: "core/output", config: { name: "last" } },
    ],
    ["in.out->call0.in", ...calls.slice(1).map((id, i) => `call${i}.out->${id}.in`), `call${count - 1}.out->out.in`],
  );
}

async function graphOf(spec: TGraphSpec) {
  const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
  await addEgressRule(db(), { workspaceId: workspace.id, actorId: members.owner.id, host: ledger.host });
  const graph = await createGraph(db(), { workspaceId: workspace.id, actorId: members.owner.id, name: "Queued", spec });
  const start = (input: unknown) => startRun(db(), { workspaceId: workspace.id, graphId: graph.id, actorId: members.owner.id, source: { kind: "draft" }, input });
  return { workspace, owner: members.owner, graph, start };
}

const runOf = (runId: string) => db().run.findUniqueOrThrow({ where: { id: runId }, select: { status: true, leaseOwner: true } });

function collectEvents(socket: Socket, runId: string): { events: TSeqEvent[]; subscribed: Promise<unknown> } {
  const events: TSeqEvent[] = [];
  socket.on("run:events", (frame: { events: TSeqEvent[] }) => events.push(...frame.events.filter((event) => event.runId === runId)));
  return { events, subscribed: new Promise((resolve) => socket.emit("run:subscribe", { runId, afterSeq: 0 }, resolve)) };
}

describe("queue mode", () => {
  it("runs queued on the web side are driven by the worker processes; every call lands once", async () => {
    const { start } = await graphOf(chainOfCalls("/batch", 2));
    const runs = await Promise.all(Array.from({ length: 12 }, (_, i) => start(i)));
    for (const run of runs) await expect.poll(async () => (await runOf(run.id)).status, { timeout: 30_000 }).toBe("succeeded");
    expect(ledger.to("/batch")).toHaveLength(24);
    const keys = ledger.to("/batch").map((request) => request.headers["idempotency-key"]);
    expect(new Set(keys).size).toBe(24);

    // Each worker counts what it drove on its own /api/metrics (STUDIO_WORKER_PORT): together, all twelve.
    let succeeded = 0;
    for (const port of workerPorts) {
      const workerUrl = `http://127.0.0.1:${port}`;
      expect((await fetch(`${workerUrl}/api/ready`)).status).toBe(200);
      expect((await fetch(`${workerUrl}/api/metrics`)).status).toBe(401);
      const metrics = await (await fetch(`${workerUrl}/api/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })).text();
      succeeded += Number(/^studio_runs_finished_total\{status="succeeded"\} (\d+)/m.exec(metrics)?.[1] ?? 0);
    }
    expect(succeeded).toBe(12);
  }, 60_000);

  it("live events of a run driven by a worker reach a socket on the web side in seq order, none missing", async () => {
    const { owner, start } = await graphOf(chainOfCalls("/live", 3));
    const socket = web.open({ Origin: ORIGIN, Cookie: await sessionCookieFor(owner) });
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    const run = await start("watch me");
    await expect.poll(() => ledger.to("/live").length, { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(1);
    const { events, subscribed } = collectEvents(socket, run.id);
    await subscribed;
    const subscribedAt = Date.now();
    await expect.poll(() => events.some((event) => event.type === "run.completed"), { timeout: 20_000 }).toBe(true);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, i) => i + 1));
    // Emitted after the subscription: these came live from the worker, through Redis, not from the database.
    expect(events.filter((event) => event.ts > subscribedAt && event.type === "node.completed").length).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it("a worker killed mid-call: the other worker finishes the run from its checkpoint, only the interrupted call repeats", async () => {
    const slow = await startHttpLedgerServer({ holdMs: 3_000 });
    const calls = ["call0", "call1", "call2"];
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, ...calls.map((id) => ({ id, type: "core/http-request", config: { method: "POST", url: `${slow.url}/kill/${id}`, body: "{{input}}" } })), { id: "out", type: "core/output", config: { name: "last" } }],
      ["in.out->call0.in", "call0.out->call1.in", "call1.out->call2.in", "call2.out->out.in"],
    );
    const { workspace, owner, start } = await graphOf(spec);
    await addEgressRule(db(), { workspaceId: workspace.id, actorId: owner.id, host: slow.host });
    const run = await start(1);
    await expect.poll(() => slow.requests.length, { timeout: 20_000, interval: 20 }).toBe(2);
    const holder = (await runOf(run.id)).leaseOwner!;
    const victim = workers.find((worker) => holder.startsWith(`${worker.name}#`))!;
    await victim.kill();

    await expect.poll(async () => (await runOf(run.id)).status, { timeout: 30_000 }).toBe("succeeded");
    const counts = calls.map((id) => slow.requests.filter((request) => request.path === `/kill/${id}`).length);
    expect(counts).toEqual([1, 2, 1]);
    const repeatedKeys = new Set(slow.requests.filter((request) => request.path === "/kill/call1").map((request) => request.headers["idempotency-key"]));
    expect(repeatedKeys.size).toBe(1);
    const steps = await db().runStep.findMany({ where: { runId: run.id, nodeId: { in: calls } }, select: { nodeId: true, attempt: true } });
    expect(steps.map((step) => [step.nodeId, step.attempt]).sort()).toEqual([["call0", 1], ["call1", 2], ["call2", 1]]);
    await slow.close();
    workers.splice(workers.indexOf(victim), 1, spawnWorker({ databaseUrl: inject("databaseUrl"), redis, name: `${victim.name}-again`, leaseMs: LEASE_MS }));
  }, 90_000);

  it("a job never drives a run that another executor holds a live lease on; it takes it once that lease expires", async () => {
    const spec = chainOfCalls("/held", 1);
    const { workspace, graph } = await graphOf(spec);
    const heldUntil = Date.now() + 3_000;
    // Another executor (alive, from the lease's point of view) holds the run, as after a stall BullMQ saw and the lease did not.
    const run = await insertRun(
      db(),
      { workspaceId: workspace.id, graphId: graph.id, spec: toJsonColumn(spec), input: "held", trigger: "test", status: "running", leaseOwner: "elsewhere#1", leaseExpiresAt: new Date(heldUntil) },
      { id: true },
    );
    studioEvents.emit("run.queued", { workspaceId: workspace.id, runId: run.id });
    await expect.poll(async () => (await runOf(run.id)).status, { timeout: 30_000 }).toBe("succeeded");
    const [call] = ledger.to("/held");
    expect(call!.at).toBeGreaterThanOrEqual(heldUntil - 200);
  }, 60_000);

  it("an approval decided on the web side resumes the parked run on a worker", async () => {
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "gate", type: "core/approval" }, { id: "yes", type: "core/output", config: { name: "ok" } }],
      ["in.out->gate.in", "gate.approved->yes.in"],
    );
    const { workspace, owner, start } = await graphOf(spec);
    const run = await start(7);
    await expect.poll(async () => (await runOf(run.id)).status, { timeout: 20_000 }).toBe("waiting");
    await decideApproval(db(), { workspaceId: workspace.id, runId: run.id, nodeId: "gate", actorId: owner.id, decision: "approved" });
    await expect.poll(async () => (await runOf(run.id)).status, { timeout: 20_000 }).toBe("succeeded");
  }, 60_000);

  it("a parent parked on a Sub-graph node resumes on a worker when its child run, driven by a worker, ends", async () => {
    const { workspace, owner, graph: child } = await graphOf(chainOfCalls("/child", 1));
    const parentSpec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "call", type: "core/subgraph", config: { graphId: child.id, version: "draft" } }, { id: "out", type: "core/output", config: { name: "result" } }],
      ["in.out->call.in", "call.out->out.in"],
    );
    const parent = await createGraph(db(), { workspaceId: workspace.id, actorId: owner.id, name: "Parent", spec: parentSpec });
    const run = await startRun(db(), { workspaceId: workspace.id, graphId: parent.id, actorId: owner.id, source: { kind: "draft" }, input: "nested" });
    await expect.poll(async () => (await runOf(run.id)).status, { timeout: 20_000 }).toBe("succeeded");
    expect(ledger.to("/child")).toHaveLength(1);
    expect((await db().run.findFirstOrThrow({ where: { parentRunId: run.id }, select: { status: true } })).status).toBe("succeeded");
  }, 60_000);

  it("studio events cross processes through Redis; a run queued here is not sent (it is enqueued once, here)", async () => {
    const listener = new Redis(redis.url);
    const received: { name: string }[] = [];
    listener.on("message", (_channel: string, raw: string) => received.push(JSON.parse(raw) as { name: string }));
    await listener.subscribe(`${redis.prefix}:events`);
    studioEvents.emit("run.queued", { workspaceId: "w", runId: "r" });
    studioEvents.emit("membership.removed", { workspaceId: "w", userId: "u" });
    await expect.poll(() => received.map((message) => message.name)).toEqual(["membership.removed"]);

    const delivered: string[] = [];
    const stop = studioEvents.on("session.ended", ({ userId }) => delivered.push(userId));
    await listener.duplicate().publish(`${redis.prefix}:events`, JSON.stringify({ origin: "another-process", name: "session.ended", event: { userId: "u2", sessionTokens: [] } }));
    await expect.poll(() => delivered).toEqual(["u2"]);
    stop();
    listener.disconnect();
  });
});
