// A studio process killed mid-run and started again: it resumes its run at once, long before the run's lease expires,
// while a live process of another owner keeps waiting for that lease.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, inject, it } from "vitest";
import { db } from "../db/client";
import { toJsonColumn } from "../db/json";
import { createPrismaRunStore } from "../db/prisma-run-store";
import { createTestWorkspace } from "../testing/factories";
import { createNodeImplementations } from "./node-implementation";
import { CORE_NODES } from "./nodes/core";
import { createRuntime } from "./runtime";
import { buildSpec } from "./testing/build-spec";
import { createFileLedgerNode } from "./testing/file-ledger-node";

const CHAIN_LENGTH = 6;
const LEASE_MS = 60_000;
const ledgerDir = mkdtempSync(path.join(tmpdir(), "studio-restart-"));
const ledgerPath = path.join(ledgerDir, "ledger");
afterAll(() => rmSync(ledgerDir, { recursive: true, force: true }));

async function queueChainRun() {
  const ids = Array.from({ length: CHAIN_LENGTH }, (_, i) => `step${i}`);
  const spec = buildSpec(
    [{ id: "in", type: "core/input" }, ...ids.map((id) => ({ id, type: "test/file-ledger" })), { id: "out", type: "core/output", config: { name: "total" } }],
    ["in.out->step0.in", ...ids.slice(1).map((id, i) => `step${i}.out->${id}.in`), `step${CHAIN_LENGTH - 1}.out->out.in`],
  );
  const workspace = await createTestWorkspace();
  const graph = await db().graph.create({ data: { workspaceId: workspace.id, name: "Chain", draft: toJsonColumn(spec) } });
  return db().run.create({ data: { workspaceId: workspace.id, graphId: graph.id, spec: toJsonColumn(spec), input: 0, trigger: "test" }, select: { id: true } });
}

/** Runs the crash child (testing/crash-child.ts) as `owner` until it completed `steps` steps, then SIGKILLs it. */
async function crashMidRun(owner: string, steps: number): Promise<void> {
  const ledgerLength = () => (existsSync(ledgerPath) ? readFileSync(ledgerPath, "utf8").trim().split("\n").length : 0);
  const before = ledgerLength();
  const args = [path.join(import.meta.dirname, "testing/crash-child.ts"), inject("databaseUrl"), owner, "ledger", ledgerPath, String(LEASE_MS)];
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { stdio: "ignore" });
  await expect.poll(ledgerLength, { timeout: 15_000, interval: 20 }).toBeGreaterThanOrEqual(before + steps);
  child.kill("SIGKILL");
  await new Promise((resolve) => child.once("exit", resolve));
}

function runtimeAs(owner: string) {
  return createRuntime({
    store: createPrismaRunStore(db()),
    implementations: createNodeImplementations([...CORE_NODES, createFileLedgerNode(ledgerPath)]),
    owner,
    leaseMs: LEASE_MS,
    heartbeatMs: 300,
    pollMs: 50,
  });
}

const runState = (runId: string) => db().run.findUniqueOrThrow({ where: { id: runId }, select: { status: true, leaseOwner: true, output: true } });

it("a process restarted with the same owner resumes its run at once; another owner waits for the lease", async () => {
  const owner = `studio-restart-${randomUUID()}`;
  const run = await queueChainRun();
  await crashMidRun(owner, 2);

  // A live process with another owner (two studios on one database) must not take a run whose lease is current.
  const other = runtimeAs(`studio-other-${randomUUID()}`);
  other.start();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await other.stop();
  expect(await runState(run.id)).toMatchObject({ status: "running", leaseOwner: owner });

  const restartedAt = Date.now();
  const restarted = runtimeAs(owner);
  restarted.start();
  await expect.poll(async () => (await runState(run.id)).status, { timeout: 15_000 }).toBe("succeeded");
  await restarted.stop();
  // Far below the lease: the restarted process did not wait for its own lease to expire.
  expect(Date.now() - restartedAt).toBeLessThan(10_000);
  expect((await runState(run.id)).output).toEqual({ total: CHAIN_LENGTH });
});
