import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { db } from "../db/client";
import { insertRun } from "../db/insert-run";
import { toJsonColumn } from "../db/json";
import { createPrismaRunStore } from "../db/prisma-run-store";
import { createGraph } from "../services/graph/create-graph";
import { decideApproval } from "../services/run/decide-approval";
import { createWorkspaceWithMembers } from "../testing/factories";
import { createNodeImplementations } from "./node-implementation";
import { CORE_NODES } from "./nodes/core";
import { createRuntime } from "./runtime";
import { buildSpec } from "./testing/build-spec";
import { addEgressRule } from "../services/egress/add-egress-rule";
import { startHttpLedgerServer } from "../testing/http-ledger-server";
import { startWorkspaceRuntime } from "../testing/start-workspace-runtime";
import { createFileLedgerNode } from "./testing/file-ledger-node";
import type { TGraphSpec } from "@/lib/graph";

const CHAIN_LENGTH = 6;

async function queueRun(spec: TGraphSpec, input: unknown) {
  const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
  const graph = await createGraph(db(), { workspaceId: workspace.id, actorId: members.owner.id, name: "Durable", spec });
  const run = await insertRun(db(), { workspaceId: workspace.id, graphId: graph.id, spec: toJsonColumn(spec), input: input as number, trigger: "test" }, { id: true });
  return { run, workspace, members };
}

function runtimeWith(ledgerPath: string) {
  return createRuntime({
    store: createPrismaRunStore(db()),
    implementations: createNodeImplementations([...CORE_NODES, createFileLedgerNode(ledgerPath)]),
    leaseMs: 1_500,
    heartbeatMs: 300,
    pollMs: 50,
  });
}

/** A studio runtime in its own process (testing/crash-child.ts), for the test to SIGKILL. */
function spawnCrashChild(owner: string, nodeTypes: string[]) {
  return spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "testing/crash-child.ts"), inject("databaseUrl"), owner, ...nodeTypes], { stdio: "ignore" });
}

async function kill(child: ReturnType<typeof spawn>) {
  child.kill("SIGKILL");
  await new Promise((resolve) => child.once("exit", resolve));
}

const status = async (runId: string) => (await db().run.findUniqueOrThrow({ where: { id: runId }, select: { status: true } })).status;

describe("durability", () => {
  it("a run survives SIGKILL of its process: a new process finishes it, no completed step runs twice", async () => {
    const ids = Array.from({ length: CHAIN_LENGTH }, (_, i) => `step${i}`);
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, ...ids.map((id) => ({ id, type: "test/file-ledger" })), { id: "out", type: "core/output", config: { name: "total" } }],
      ["in.out->step0.in", ...ids.slice(1).map((id, i) => `step${i}.out->${id}.in`), `step${CHAIN_LENGTH - 1}.out->out.in`],
    );
    const { run } = await queueRun(spec, 0);
    const ledgerPath = path.join(mkdtempSync(path.join(tmpdir(), "studio-crash-")), "ledger");
    const ledger = () => (existsSync(ledgerPath) ? readFileSync(ledgerPath, "utf8").trim().split("\n") : []);

    const child = spawnCrashChild("crash-child-ledger", ["ledger", ledgerPath]);
    await expect.poll(() => ledger().length, { timeout: 15_000, interval: 20 }).toBeGreaterThanOrEqual(3);
    await kill(child);
    const beforeCrash = ledger();
    expect(beforeCrash.length).toBeLessThan(CHAIN_LENGTH);
    expect(await status(run.id)).toBe("running");

    const survivor = runtimeWith(ledgerPath);
    survivor.start();
    await expect.poll(() => status(run.id), { timeout: 15_000 }).toBe("succeeded");
    await survivor.stop();

    const final = await db().run.findUniqueOrThrow({ where: { id: run.id }, select: { output: true } });
    expect(final.output).toEqual({ total: CHAIN_LENGTH });
    const executions = ledger();
    const counts = new Map<string, number>();
    executions.forEach((key) => counts.set(key, (counts.get(key) ?? 0) + 1));
    expect([...counts.keys()].sort()).toEqual(ids.map((id) => `${run.id}:${id}:top:0`).sort());
    // At most the one step interrupted by the kill ran again (same key); every completed step ran exactly once.
    const repeated = [...counts].filter(([, count]) => count > 1).map(([key]) => key);
    expect(repeated.length).toBeLessThanOrEqual(1);
    if (repeated.length === 1) expect(beforeCrash.at(-1)).toBe(repeated[0]);
    const steps = await db().runStep.findMany({ where: { runId: run.id }, select: { key: true, attempt: true } });
    expect(new Set(steps.map((step) => step.key)).size).toBe(steps.length);
    // The repeat is visible: the interrupted step is attempt 2. (A step marked started just before the kill, that had
    // not reached its ledger line yet, is attempt 2 too: at most one step was running.)
    const reexecuted = steps.filter((step) => step.attempt === 2).map((step) => `${run.id}:${step.key}`);
    expect(reexecuted.length).toBeLessThanOrEqual(1);
    expect(reexecuted).toEqual(expect.arrayContaining(repeated));
  });

  it("an HTTP call cut off by SIGKILL is repeated once with the same Idempotency-Key, as attempt 2; every other call has its own key", async () => {
    const calls = Array.from({ length: 4 }, (_, i) => `call${i}`);
    const server = await startHttpLedgerServer({ holdMs: 300 });
    const spec = buildSpec(
      [
        { id: "in", type: "core/input" },
        ...calls.map((id) => ({ id, type: "core/http-request", config: { method: "POST", url: `${server.url}/charge/${id}`, body: "{{input}}" } })),
        { id: "out", type: "core/output", config: { name: "last" } },
      ],
      ["in.out->call0.in", ...calls.slice(1).map((id, i) => `call${i}.out->${id}.in`), `call${calls.length - 1}.out->out.in`],
    );
    const { run, workspace, members } = await queueRun(spec, 0);
    await addEgressRule(db(), { workspaceId: workspace.id, actorId: members.owner.id, host: server.host });

    const child = spawnCrashChild("crash-child-http", ["workspace"]);
    // The second call is held by the server when the studio dies: sent, its answer never received.
    await expect.poll(() => server.requests.length, { timeout: 15_000, interval: 10 }).toBeGreaterThanOrEqual(2);
    await kill(child);
    const interrupted = server.requests.at(-1)!.path;
    expect(await status(run.id)).toBe("running");

    const survivor = startWorkspaceRuntime();
    await expect.poll(() => status(run.id), { timeout: 15_000 }).toBe("succeeded");
    await survivor.stop();
    await server.close();

    // Counted where the calls landed: the interrupted call twice, every other call once.
    const byPath = new Map<string, typeof server.requests>();
    for (const request of server.requests) byPath.set(request.path, [...(byPath.get(request.path) ?? []), request]);
    expect([...byPath].map(([callPath, requests]) => [callPath, requests.length])).toEqual(calls.map((id) => [`/charge/${id}`, `/charge/${id}` === interrupted ? 2 : 1]));
    // A repeat carries the first call's key; different activations carry different keys.
    const keys = [...byPath.values()].map((requests) => new Set(requests.map((request) => request.headers["idempotency-key"])));
    expect(keys.every((set) => set.size === 1)).toBe(true);
    expect(keys.map((set) => [...set][0])).toEqual(calls.map((id) => `${run.id}:${id}:top:0`));

    const steps = await db().runStep.findMany({ where: { runId: run.id }, orderBy: { seq: "asc" }, select: { nodeId: true, attempt: true, effects: true, startedAt: true } });
    const reexecuted = steps.filter((step) => step.attempt > 1);
    expect(reexecuted.map((step) => [`/charge/${step.nodeId}`, step.attempt])).toEqual([[interrupted, 2]]);
    const [lost] = (reexecuted[0]!.effects as { previousAttempts: { attempt: number; startedAt: number; owner: string }[] }).previousAttempts;
    expect(lost).toMatchObject({ attempt: 1, owner: "crash-child-http" });
    expect(lost!.startedAt).toBeLessThan(reexecuted[0]!.startedAt.getTime());
    expect(steps.filter((step) => step.attempt === 1).every((step) => !(step.effects as { previousAttempts?: unknown }).previousAttempts)).toBe(true);
  });

  it("an approval survives a restart: the run parks, the process stops, a new process resumes it on approve", async () => {
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "gate", type: "core/approval" }, { id: "yes", type: "core/output", config: { name: "ok" } }],
      ["in.out->gate.in", "gate.approved->yes.in"],
    );
    const { run, workspace, members } = await queueRun(spec, 5);
    const first = runtimeWith("/dev/null");
    first.start();
    await expect.poll(() => status(run.id), { timeout: 10_000 }).toBe("waiting");
    await first.stop();

    await decideApproval(db(), { workspaceId: workspace.id, runId: run.id, nodeId: "gate", actorId: members.owner.id, decision: "approved" });
    const second = runtimeWith("/dev/null");
    second.start();
    await expect.poll(() => status(run.id), { timeout: 10_000 }).toBe("succeeded");
    await second.stop();
    expect((await db().run.findUniqueOrThrow({ where: { id: run.id } })).output).toMatchObject({ ok: { input: 5 } });
  });
});
