// The chaos scenario of queue mode (issue #16), shared by chaos.scale.test.ts (short) and `npm run chaos` (full): two
// worker processes drive a batch of runs of a 5-node graph whose three HTTP steps write to a ledger server, while a
// random worker is SIGKILLed and started again every few seconds and the Postgres they use (an embedded one of the
// scenario's own, never the machine's) is killed once and brought back by its watchdog. What it measures is what a
// user would notice: runs lost or stuck, steps completed twice, effects repeated without their idempotency key, and
// outputs other than the fault-free ones.
import { randomInt } from "node:crypto";
import type { TGraphSpec } from "@/lib/graph";
import { connectDb, db, disconnectDb } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { buildSpec } from "../../runtime/testing/build-spec";
import { addEgressRule } from "../../services/egress/add-egress-rule";
import { createGraph } from "../../services/graph/create-graph";
import { startRun } from "../../services/run/start-run";
import { createWorkspaceWithMembers } from "../../testing/factories";
import { startHttpLedgerServer, type TLedgerRequest } from "../../testing/http-ledger-server";
import { createTempEmbeddedPostgres } from "../../testing/temp-embedded-postgres";
import { newRedisTarget, spawnWorker, startQueueModeWeb, untilTakingRuns, type TWorkerProcess } from "../testing/queue-mode-harness";

export type TChaosOptions = {
  runs: number;
  /** A random worker is SIGKILLed this long after the last replacement started taking runs. */
  killEveryMs: number;
  leaseMs: number;
  /** Postgres is killed once, when this share of the runs has finished. */
  restartPostgresAt: number;
  /** Runs not finished by then count as stuck. */
  deadlineMs: number;
  onProgress?: (line: string) => void;
};

export type TChaosResult = {
  lostRuns: number;
  stuckRuns: number;
  duplicateSteps: number;
  duplicateEffects: number;
  /** Calls repeated with the key of their first attempt (a step interrupted by a kill runs again): allowed. */
  repeatedEffects: number;
  missingEffects: number;
  wrongOutputs: number;
  workerKills: number;
  postgresRestarts: number;
  wallSeconds: number;
};

const CALLS = ["call0", "call1", "call2"];
const TERMINAL = ["succeeded", "failed", "cancelled"];
const ORIGIN = "http://chaos.test";
// Few runs at a time per worker and slow calls: every kill lands in the middle of work.
const WORKER_MAX_RUNS = "5";
const CALL_HOLD_MS = 300;

/** What each ledger call answers: the value it was sent followed by its own name, so the output shows the whole chain. */
const chainedAnswer = (request: TLedgerRequest) => ({ value: `${request.body}>${request.path.split("/").at(-1)}` });

/** What a run with input `i` returns when nothing goes wrong. */
export const faultFreeOutput = (input: number) => `${input}>${CALLS.join(">")}`;

function chaosGraph(ledgerUrl: string): TGraphSpec {
  return buildSpec(
    [
      { id: "in", type: "core/input" },
      ...CALLS.map((id, i) => ({ id, type: "core/http-request", config: { method: "POST", url: `${ledgerUrl}/chaos/${id}`, body: i === 0 ? "{{input}}" : "{{input.body.value}}" } })),
      { id: "out", type: "core/output", config: { name: "last" } },
    ],
    ["in.out->call0.in", "call0.out->call1.in", "call1.out->call2.in", "call2.out->out.in"],
  );
}

export async function runChaos(options: TChaosOptions): Promise<TChaosResult> {
  const progress = options.onProgress ?? (() => undefined);
  const postgres = await createTempEmbeddedPostgres({ restart: { attempts: 5, delayMs: 200 } });
  const embedded = await postgres.start();
  const redis = newRedisTarget();
  const ledger = await startHttpLedgerServer({ holdMs: CALL_HOLD_MS, answer: chainedAnswer });
  const workers: TWorkerProcess[] = [];
  let spawned = 0;
  const startWorker = () => {
    spawned += 1;
    const worker = spawnWorker({ databaseUrl: embedded.url, redis, name: `chaos-${spawned}`, leaseMs: options.leaseMs, env: { STUDIO_RUNTIME_MAX_RUNS: WORKER_MAX_RUNS } });
    workers.push(worker);
    return worker;
  };
  let web: Awaited<ReturnType<typeof startQueueModeWeb>> | undefined;
  try {
    await migrateDatabase(embedded.url);
    await disconnectDb();
    connectDb(embedded.url);
    web = await startQueueModeWeb(redis, ORIGIN);

    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    await addEgressRule(db(), { workspaceId: workspace.id, actorId: members.owner.id, host: ledger.host });
    const graph = await createGraph(db(), { workspaceId: workspace.id, actorId: members.owner.id, name: "Chaos", spec: chaosGraph(ledger.url) });
    const runIds: string[] = [];
    for (let input = 0; input < options.runs; input += 1) {
      const run = await startRun(db(), { workspaceId: workspace.id, graphId: graph.id, actorId: members.owner.id, source: { kind: "draft" }, input });
      runIds.push(run.id);
    }
    // The whole batch waits in the queue before the workers start, so that the faults fall on a busy system.
    await Promise.all([startWorker(), startWorker()].map((worker) => untilTakingRuns(worker, 60_000)));
    const started = Date.now();

    let workerKills = 0;
    let postgresRestarts = 0;
    let lastKill = Date.now();
    let finished = 0;
    while (Date.now() - started < options.deadlineMs) {
      finished = await countFinished(runIds);
      if (finished === runIds.length) break;
      if (postgresRestarts === 0 && finished >= options.runs * options.restartPostgresAt) {
        progress(`killing postgres with ${finished}/${runIds.length} runs finished`);
        process.kill(postgres.postmasterPid()!, "SIGKILL");
        postgresRestarts += 1;
        await untilPostgresAnswers();
      }
      if (Date.now() - lastKill >= options.killEveryMs) {
        const live = workers.filter((worker) => worker.child.exitCode === null);
        const victim = live[randomInt(live.length)]!;
        await victim.kill();
        workers.splice(workers.indexOf(victim), 1);
        // The next kill counts from when its replacement takes runs: a worker killed while starting did no work.
        await untilTakingRuns(startWorker(), 60_000);
        workerKills += 1;
        lastKill = Date.now();
        progress(`killed ${victim.name} with ${finished}/${runIds.length} runs finished`);
      }
      // A worker that died on its own (none should) is replaced too, so the batch can finish; it shows in the logs.
      for (const dead of workers.filter((worker) => worker.child.exitCode !== null)) {
        progress(`${dead.name} exited by itself:\n${dead.output.join("").slice(-2_000)}`);
        workers.splice(workers.indexOf(dead), 1);
        startWorker();
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const wallSeconds = (Date.now() - started) / 1_000;
    return { ...(await measure(runIds, ledger.to("/chaos/"))), workerKills, postgresRestarts, wallSeconds };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await web?.close();
    await ledger.close();
    await embedded.stop();
    postgres.remove();
  }
}

async function countFinished(runIds: string[]): Promise<number> {
  try {
    return await db().run.count({ where: { id: { in: runIds }, status: { in: ["succeeded", "failed", "cancelled"] } } });
  } catch {
    return 0;
  }
}

async function untilPostgresAnswers(): Promise<void> {
  for (;;) {
    try {
      await db().$queryRaw`select 1`;
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function measure(runIds: string[], effects: TLedgerRequest[]) {
  const runs = await db().run.findMany({ where: { id: { in: runIds } }, select: { id: true, status: true, input: true, output: true } });
  const lostRuns = runIds.length - runs.length + runs.filter((run) => ["failed", "cancelled"].includes(run.status)).length;
  const stuckRuns = runs.filter((run) => !TERMINAL.includes(run.status)).length;
  const wrongOutputs = runs.filter((run) => run.status === "succeeded" && lastValue(run.output) !== faultFreeOutput(run.input as number)).length;
  const completedSteps = await db().runStep.groupBy({ by: ["runId", "nodeId"], where: { runId: { in: runIds }, status: "succeeded" }, _count: { _all: true } });
  const duplicateSteps = completedSteps.filter((step) => step._count._all > 1).length;
  // One effect per run and step: the step's path and what it was sent (the run's input and the steps before it).
  const keysByEffect = new Map<string, Set<string>>();
  for (const effect of effects) {
    const identity = `${effect.path} ${effect.body}`;
    const keys = keysByEffect.get(identity) ?? new Set<string>();
    keys.add(String(effect.headers["idempotency-key"]));
    keysByEffect.set(identity, keys);
  }
  const duplicateEffects = [...keysByEffect.values()].filter((keys) => keys.size > 1).length;
  const missingEffects = runIds.length * CALLS.length - keysByEffect.size;
  return { lostRuns, stuckRuns, duplicateSteps, duplicateEffects, repeatedEffects: effects.length - keysByEffect.size, missingEffects, wrongOutputs };
}

function lastValue(output: unknown): unknown {
  return (output as { last?: { body?: { value?: unknown } } } | null)?.last?.body?.value;
}
