// A studio process killed mid-run and started again under the same instance name: it releases the leases its earlier
// start left and resumes the run at once, long before the lease expires; a live process of another instance waits.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, inject, it } from "vitest";
import { db } from "../db/client";
import { insertRun } from "../db/insert-run";
import { toJsonColumn } from "../db/json";
import { createPrismaRunStore } from "../db/prisma-run-store";
import { releaseEarlierLeases } from "../db/release-earlier-leases";
import { createRuntimeOwner } from "../runtime-owner";
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
  return insertRun(db(), { workspaceId: workspace.id, graphId: graph.id, spec: toJsonColumn(spec), input: 0, trigger: "test" }, { id: true });
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

it("a restarted instance releases the leases of its earlier start and resumes at once; another instance waits", async () => {
  const instance = `studio-restart-${randomUUID()}`;
  const firstOwner = createRuntimeOwner(instance);
  const run = await queueChainRun();
  await crashMidRun(firstOwner, 2);

  // A live process of another instance (two studios on one database) must not take a run whose lease is current.
  const other = runtimeAs(createRuntimeOwner(`studio-other-${randomUUID()}`));
  other.start();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await other.stop();
  expect(await runState(run.id)).toMatchObject({ status: "running", leaseOwner: firstOwner });

  const restartedAt = Date.now();
  const owner = createRuntimeOwner(instance);
  // At least this run's: the crashed start may also have claimed runs other test files left queued in the shared database.
  expect(await releaseEarlierLeases(db(), { instance, owner })).toBeGreaterThanOrEqual(1);
  expect((await runState(run.id)).leaseOwner).toBeNull();
  const restarted = runtimeAs(owner);
  restarted.start();
  await expect.poll(async () => (await runState(run.id)).status, { timeout: 15_000 }).toBe("succeeded");
  await restarted.stop();
  // Far below the lease: the restarted instance did not wait for its earlier start's lease to expire.
  expect(Date.now() - restartedAt).toBeLessThan(10_000);
  expect((await runState(run.id)).output).toEqual({ total: CHAIN_LENGTH });
});

it("releases only the earlier leases of its own instance, not this start's nor another instance's", async () => {
  const instance = `studio-${randomUUID()}`;
  const owner = createRuntimeOwner(instance);
  const leases = [createRuntimeOwner(instance), owner, createRuntimeOwner(`${instance}x`), `${instance}-other`];
  const runIds: string[] = [];
  for (const leaseOwner of leases) {
    const run = await queueChainRun();
    await db().run.update({ where: { id: run.id }, data: { status: "running", leaseOwner, leaseExpiresAt: new Date(Date.now() + LEASE_MS) } });
    runIds.push(run.id);
  }
  expect(await releaseEarlierLeases(db(), { instance, owner })).toBe(1);
  const after = await db().run.findMany({ where: { id: { in: runIds } }, select: { id: true, leaseOwner: true } });
  expect(runIds.map((id) => after.find((row) => row.id === id)!.leaseOwner)).toEqual([null, ...leases.slice(1)]);
});
