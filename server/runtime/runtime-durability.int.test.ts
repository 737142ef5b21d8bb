import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { db } from "../db/client";
import { toJsonColumn } from "../db/json";
import { createPrismaRunStore } from "../db/prisma-run-store";
import { createGraph } from "../services/graph/create-graph";
import { decideApproval } from "../services/run/decide-approval";
import { createWorkspaceWithMembers } from "../testing/factories";
import { createNodeImplementations } from "./node-implementation";
import { CORE_NODES } from "./nodes/core";
import { createRuntime } from "./runtime";
import { buildSpec } from "./testing/build-spec";
import { createFileLedgerNode } from "./testing/file-ledger-node";
import type { TGraphSpec } from "@/lib/graph";

const CHAIN_LENGTH = 6;

async function queueRun(spec: TGraphSpec, input: unknown) {
  const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
  const graph = await createGraph(db(), { workspaceId: workspace.id, actorId: members.owner.id, name: "Durable", spec });
  const run = await db().run.create({ data: { workspaceId: workspace.id, graphId: graph.id, spec: toJsonColumn(spec), input: input as number, trigger: "test" }, select: { id: true } });
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

    const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "testing/crash-child.ts"), inject("databaseUrl"), ledgerPath], { stdio: "ignore" });
    await expect.poll(() => ledger().length, { timeout: 15_000, interval: 20 }).toBeGreaterThanOrEqual(3);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
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
    const steps = await db().runStep.findMany({ where: { runId: run.id }, select: { key: true } });
    expect(new Set(steps.map((step) => step.key)).size).toBe(steps.length);
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
