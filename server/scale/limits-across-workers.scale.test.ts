// Run limits across worker processes (issue #16 item 1): two workers, each with 2 slots (STUDIO_RUNTIME_MAX_RUNS),
// a workspace limit of 3 and a graph limit of 2. Batches of runs whose one step is a slow HTTP call wait in the queue;
// while they drain, the runs being driven are sampled from the database, and the ledger the calls land on counts the
// calls in flight at once. Neither ever exceeds a limit, each limit is reached (the batch keeps it full), and every
// run finishes.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "../db/client";
import { buildSpec } from "../runtime/testing/build-spec";
import { addEgressRule } from "../services/egress/add-egress-rule";
import { createGraph } from "../services/graph/create-graph";
import { startRun } from "../services/run/start-run";
import { createWorkspaceWithMembers } from "../testing/factories";
import { startHttpLedgerServer } from "../testing/http-ledger-server";
import { newRedisTarget, spawnWorker, startQueueModeWeb, untilTakingRuns, type TWorkerProcess } from "./testing/queue-mode-harness";

const SLOTS_PER_WORKER = 2;
const PER_WORKSPACE = 3;
const PER_GRAPH = 2;
const CALL_HOLD_MS = 700;
const redis = newRedisTarget();
let web: Awaited<ReturnType<typeof startQueueModeWeb>>;
let ledger: Awaited<ReturnType<typeof startHttpLedgerServer>>;
const workers: TWorkerProcess[] = [];

beforeAll(async () => {
  web = await startQueueModeWeb(redis, "http://limits.test");
  ledger = await startHttpLedgerServer({ holdMs: CALL_HOLD_MS });
  const env = {
    STUDIO_RUNTIME_MAX_RUNS: String(SLOTS_PER_WORKER),
    STUDIO_RUNTIME_MAX_RUNS_PER_WORKSPACE: String(PER_WORKSPACE),
    STUDIO_RUNTIME_MAX_RUNS_PER_GRAPH: String(PER_GRAPH),
  };
  workers.push(...["limits-a", "limits-b"].map((name) => spawnWorker({ databaseUrl: inject("databaseUrl"), redis, name, leaseMs: 5_000, env })));
  await Promise.all(workers.map((worker) => untilTakingRuns(worker, 90_000)));
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await web?.close();
  await ledger?.close();
});

/** A workspace with `graphs` graphs whose one step calls `${ledger}/<prefix>/<graph index>`. */
async function workspaceWithGraphs(prefix: string, graphs: number) {
  const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
  const scope = { workspaceId: workspace.id, actorId: members.owner.id };
  await addEgressRule(db(), { ...scope, host: ledger.host });
  return Promise.all(
    Array.from({ length: graphs }, async (_, index) => {
      const spec = buildSpec(
        [{ id: "in", type: "core/input" }, { id: "call", type: "core/http-request", config: { method: "POST", url: `${ledger.url}/${prefix}/${index}`, body: "{{input}}" } }, { id: "out", type: "core/output", config: { name: "answer" } }],
        ["in.out->call.in", "call.out->out.in"],
      );
      const graph = await createGraph(db(), { ...scope, name: `Slow ${index}`, spec });
      return { workspaceId: workspace.id, graphId: graph.id, start: (input: number) => startRun(db(), { ...scope, graphId: graph.id, source: { kind: "draft" }, input }) };
    }),
  );
}

type TSample = { workspaceId: string; graphId: string; leaseOwner: string | null }[];

/** The runs among `runIds` being driven now (running, leased), sampled until every one of them has ended. */
async function sampleUntilAllEnded(runIds: string[]): Promise<TSample[]> {
  const samples: TSample[] = [];
  const deadline = Date.now() + 45_000;
  for (;;) {
    const runs = await db().run.findMany({ where: { id: { in: runIds } }, select: { status: true, workspaceId: true, graphId: true, leaseOwner: true } });
    samples.push(runs.filter((run) => run.status === "running" && run.leaseOwner !== null));
    if (runs.every((run) => ["succeeded", "failed", "cancelled"].includes(run.status)) || Date.now() > deadline) return samples;
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

/** The most runs in one sample that share the key `by` picks. */
function peakBy(samples: TSample[], by: (run: TSample[number]) => string): number {
  let peak = 0;
  for (const sample of samples) {
    const counts = new Map<string, number>();
    for (const run of sample) counts.set(by(run), (counts.get(by(run)) ?? 0) + 1);
    peak = Math.max(peak, ...counts.values());
  }
  return peak;
}

const workerOf = (run: TSample[number]) => run.leaseOwner!.split("#")[0]!;

async function statusesOf(runIds: string[]): Promise<string[]> {
  const runs = await db().run.findMany({ where: { id: { in: runIds } }, select: { status: true } });
  return runs.map((run) => run.status);
}

describe("run limits across two worker processes", () => {
  it("holds the workspace limit (3) and the graph limit (2) whichever worker drives a run", async () => {
    const graphs = await workspaceWithGraphs("shared", 2);
    const runIds: string[] = [];
    for (let input = 0; input < 6; input += 1) for (const graph of graphs) runIds.push((await graph.start(input)).id);

    const samples = await sampleUntilAllEnded(runIds);
    expect(await statusesOf(runIds)).toEqual(Array(runIds.length).fill("succeeded"));
    expect(peakBy(samples, (run) => run.workspaceId)).toBe(PER_WORKSPACE);
    expect(peakBy(samples, (run) => run.graphId)).toBe(PER_GRAPH);
    expect(new Set(samples.flat().map(workerOf))).toEqual(new Set(["limits-a", "limits-b"]));
    // Where the calls land: never more at once than the limits allow.
    expect(ledger.peakInFlight("/shared/")).toBeLessThanOrEqual(PER_WORKSPACE);
    expect(ledger.peakInFlight("/shared/0")).toBeLessThanOrEqual(PER_GRAPH);
    expect(ledger.peakInFlight("/shared/1")).toBeLessThanOrEqual(PER_GRAPH);
    expect(ledger.to("/shared/")).toHaveLength(runIds.length);
  });

  it("holds each worker's slot count (2): four workspaces' runs, four at once, two per worker", async () => {
    const graphs = (await Promise.all(Array.from({ length: 4 }, (_, index) => workspaceWithGraphs(`slots${index}`, 1)))).flat();
    const runIds: string[] = [];
    for (let input = 0; input < 3; input += 1) for (const graph of graphs) runIds.push((await graph.start(input)).id);

    const samples = await sampleUntilAllEnded(runIds);
    expect(await statusesOf(runIds)).toEqual(Array(runIds.length).fill("succeeded"));
    expect(peakBy(samples, workerOf)).toBe(SLOTS_PER_WORKER);
    expect(peakBy(samples, () => "all")).toBe(2 * SLOTS_PER_WORKER);
    expect(ledger.peakInFlight("/slots")).toBeLessThanOrEqual(2 * SLOTS_PER_WORKER);
    expect(ledger.to("/slots")).toHaveLength(runIds.length);
  });
});
