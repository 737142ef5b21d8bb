// Draining a worker (issue #16 item 5): a worker process sent SIGTERM takes no new run, gives the runs it was driving
// back with their leases released, and exits 0; the other worker resumes them from their checkpoints long before the
// leases (20 s) would have expired. A run whose owner was SIGKILLed and whose job went with it is found by the sweeper
// of a surviving worker. Effects are counted where they land, on a ledger server: none lost, none repeated under a
// second idempotency key, every output the fault-free one.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TGraphSpec } from "@/lib/graph";
import { db } from "../db/client";
import { insertRun } from "../db/insert-run";
import { toJsonColumn } from "../db/json";
import { buildSpec } from "../runtime/testing/build-spec";
import { addEgressRule } from "../services/egress/add-egress-rule";
import { createGraph } from "../services/graph/create-graph";
import { startRun } from "../services/run/start-run";
import { createWorkspaceWithMembers } from "../testing/factories";
import { startHttpLedgerServer, type TLedgerRequest } from "../testing/http-ledger-server";
import { createRunQueue } from "./run-queue";
import { newRedisTarget, spawnWorker, startQueueModeWeb, untilTakingRuns, type TWorkerProcess } from "./testing/queue-mode-harness";

const LEASE_MS = 20_000;
const CALLS = ["call0", "call1"];
const redis = newRedisTarget();
let web: Awaited<ReturnType<typeof startQueueModeWeb>>;
type TLedger = Awaited<ReturnType<typeof startHttpLedgerServer>>;
let ledger: TLedger;
const workers: TWorkerProcess[] = [];

/** Each call answers what it was sent followed by its own name: a run's output shows its whole chain. */
const chainedAnswer = (request: TLedgerRequest) => ({ value: `${request.body}>${request.path.split("/").at(-1)}` });

function startWorker(name: string, options: { leaseMs?: number; queue?: typeof redis } = {}): TWorkerProcess {
  const worker = spawnWorker({ databaseUrl: inject("databaseUrl"), redis: options.queue ?? redis, name, leaseMs: options.leaseMs ?? LEASE_MS, env: { STUDIO_RUNTIME_MAX_RUNS: "2" } });
  workers.push(worker);
  return worker;
}

// The doomed worker reads a queue of its own: once it is SIGKILLed, no surviving worker holds or can stall-detect
// its job, so only a sweeper finds its run.
const doomedQueue = newRedisTarget();
let draining: TWorkerProcess;
let staying: TWorkerProcess;
let doomed: TWorkerProcess;

beforeAll(async () => {
  web = await startQueueModeWeb(redis, "http://drain.test");
  ledger = await startHttpLedgerServer({ holdMs: 1_000, answer: chainedAnswer });
  [draining, staying, doomed] = [startWorker("drain-a"), startWorker("drain-b"), startWorker("doomed", { leaseMs: 2_000, queue: doomedQueue })];
  await Promise.all(workers.map((worker) => untilTakingRuns(worker, 90_000)));
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await web?.close();
  await ledger?.close();
});

function chainGraph(prefix: string, target: TLedger): TGraphSpec {
  return buildSpec(
    [
      { id: "in", type: "core/input" },
      ...CALLS.map((id, i) => ({ id, type: "core/http-request", config: { method: "POST", url: `${target.url}/${prefix}/${id}`, body: i === 0 ? "{{input}}" : "{{input.body.value}}" } })),
      { id: "out", type: "core/output", config: { name: "last" } },
    ],
    ["in.out->call0.in", "call0.out->call1.in", "call1.out->out.in"],
  );
}

async function graphOf(prefix: string, target: TLedger = ledger) {
  const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
  const scope = { workspaceId: workspace.id, actorId: members.owner.id };
  await addEgressRule(db(), { ...scope, host: target.host });
  const spec = chainGraph(prefix, target);
  const graph = await createGraph(db(), { ...scope, name: "Drained", spec });
  return { ...scope, spec, graphId: graph.id, start: (input: number) => startRun(db(), { ...scope, graphId: graph.id, source: { kind: "draft" }, input }) };
}

const leasedBy = (worker: TWorkerProcess, runIds: string[]) =>
  db().run.findMany({ where: { id: { in: runIds }, leaseOwner: { startsWith: `${worker.name}#` } }, select: { id: true } }).then((runs) => runs.map((run) => run.id));

/** What went wrong, counted as a user would: runs not succeeded or with another output, steps completed twice, effects missing or under two keys. */
async function damageOf(runIds: string[], prefix: string, target: TLedger = ledger) {
  const runs = await db().run.findMany({ where: { id: { in: runIds } }, select: { status: true, input: true, output: true } });
  const completed = await db().runStep.groupBy({ by: ["runId", "nodeId"], where: { runId: { in: runIds }, status: "succeeded", nodeId: { in: CALLS } }, _count: { _all: true } });
  const keysByEffect = new Map<string, Set<string>>();
  for (const effect of target.to(`/${prefix}/`)) {
    const identity = `${effect.path} ${effect.body}`;
    keysByEffect.set(identity, (keysByEffect.get(identity) ?? new Set()).add(String(effect.headers["idempotency-key"])));
  }
  const outputOf = (output: unknown) => (output as { last?: { body?: { value?: unknown } } } | null)?.last?.body?.value;
  return {
    notSucceeded: runs.filter((run) => run.status !== "succeeded").length + runIds.length - runs.length,
    wrongOutputs: runs.filter((run) => outputOf(run.output) !== `${String(run.input)}>${CALLS.join(">")}`).length,
    stepsCompletedTwice: completed.filter((step) => step._count._all > 1).length,
    stepsNeverCompleted: runIds.length * CALLS.length - completed.length,
    effectsUnderTwoKeys: [...keysByEffect.values()].filter((keys) => keys.size > 1).length,
    missingEffects: runIds.length * CALLS.length - keysByEffect.size,
  };
}

const NO_DAMAGE = { notSucceeded: 0, wrongOutputs: 0, stepsCompletedTwice: 0, stepsNeverCompleted: 0, effectsUnderTwoKeys: 0, missingEffects: 0 };

/** The worker's JSON log lines after the one whose message is `from`. */
function linesAfter(worker: TWorkerProcess, from: string): { msg: string; runId?: string }[] {
  const lines = worker.output.join("").split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as { msg: string; runId?: string });
  return lines.slice(lines.findIndex((line) => line.msg.startsWith(from)));
}

/** The runs whose drive the worker started (fresh or from a checkpoint). */
const drivenBy = (worker: TWorkerProcess) =>
  linesAfter(worker, "worker is taking runs").filter((line) => line.msg === "run started" || line.msg === "run resumed").map((line) => line.runId);

describe("workers that stop or die", () => {
  it("a run whose owner was SIGKILLed, with no job left for it, is picked up by a surviving worker's sweeper", async () => {
    // Slow calls: the kill lands while the second one is in flight.
    const slow = await startHttpLedgerServer({ holdMs: 3_000, answer: chainedAnswer });
    const { workspaceId, graphId, spec } = await graphOf("swept", slow);
    const run = await insertRun(db(), { workspaceId, graphId, spec: toJsonColumn(spec), input: 7, trigger: "test", status: "queued" }, { id: true });
    const queue = createRunQueue(doomedQueue);
    await queue.enqueue([run.id]);
    await queue.close();

    await expect.poll(() => slow.to("/swept/call1").length, { timeout: 30_000, interval: 20 }).toBe(1);
    expect(await leasedBy(doomed, [run.id])).toEqual([run.id]);
    await doomed.kill();

    await expect.poll(async () => (await db().run.findUniqueOrThrow({ where: { id: run.id } })).status, { timeout: 30_000, interval: 100 }).toBe("succeeded");
    expect([...drivenBy(draining), ...drivenBy(staying)]).toContain(run.id);
    // From its checkpoint: the first call ran once; the one the kill interrupted ran again with the same key.
    expect(slow.to("/swept/").map((call) => call.path)).toEqual(["/swept/call0", "/swept/call1", "/swept/call1"]);
    expect(await damageOf([run.id], "swept", slow)).toEqual(NO_DAMAGE);
    await slow.close();
  }, 90_000);

  it("takes no new run, hands its runs back with their leases released, exits 0; the other worker finishes them", async () => {
    const { graphId, start } = await graphOf("drain");
    const runIds: string[] = [];
    for (let input = 0; input < 8; input += 1) runIds.push((await start(input)).id);
    // Both of its slots busy mid-run, with runs still queued behind them.
    await expect.poll(() => leasedBy(draining, runIds).then((held) => held.length), { timeout: 30_000, interval: 50 }).toBe(2);
    const handedBack = await leasedBy(draining, runIds);

    await draining.stop();
    expect(draining.child.exitCode).toBe(0);
    expect(await leasedBy(draining, runIds)).toEqual([]);
    const afterSignal = linesAfter(draining, "worker shutting down");
    expect(afterSignal.filter((line) => line.msg === "run started" || line.msg === "run resumed")).toEqual([]);
    expect(afterSignal.at(-1)?.msg).toBe("worker stopped");

    // Well before their 20 s leases would have expired, every run is finished by the worker that stayed.
    await expect.poll(() => db().run.count({ where: { id: { in: runIds }, status: "succeeded" } }), { timeout: 15_000, interval: 100 }).toBe(runIds.length);
    expect(drivenBy(staying)).toEqual(expect.arrayContaining(handedBack));
    expect(await damageOf(runIds, "drain")).toEqual(NO_DAMAGE);
    expect(await db().run.count({ where: { graphId } })).toBe(runIds.length);
  }, 90_000);
});
