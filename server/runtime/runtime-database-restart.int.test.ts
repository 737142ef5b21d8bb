// A run keeps going when the embedded Postgres under it is killed: the watchdog restarts it, the pool reconnects, and
// the runtime takes its own lease back at once and continues from the last checkpoint.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDbPool } from "../db/client";
import type { TEmbeddedDatabase } from "../db/embedded-postgres";
import { PrismaClient } from "../db/generated/client";
import { insertRun } from "../db/insert-run";
import { toJsonColumn } from "../db/json";
import { migrateDatabase } from "../db/migrate";
import { createPrismaRunStore } from "../db/prisma-run-store";
import { createTempEmbeddedPostgres } from "../testing/temp-embedded-postgres";
import { createNodeImplementations } from "./node-implementation";
import { CORE_NODES } from "./nodes/core";
import { createRuntime } from "./runtime";
import { buildSpec } from "./testing/build-spec";
import { createFileLedgerNode } from "./testing/file-ledger-node";

const CHAIN_LENGTH = 8;
let cluster: Awaited<ReturnType<typeof createTempEmbeddedPostgres>>;
let embedded: TEmbeddedDatabase;
let pool: ReturnType<typeof createDbPool>;
let prisma: PrismaClient;

beforeAll(async () => {
  cluster = await createTempEmbeddedPostgres({ restart: { attempts: 3, delayMs: 200 } });
  embedded = await cluster.start();
  await migrateDatabase(embedded.url);
  pool = createDbPool(embedded.url);
  prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await pool?.end();
  await embedded?.stop();
  cluster?.remove();
});

it("a run continues after its embedded Postgres is killed and restarted, without waiting for its lease", async () => {
  const ids = Array.from({ length: CHAIN_LENGTH }, (_, i) => `step${i}`);
  const spec = buildSpec(
    [{ id: "in", type: "core/input" }, ...ids.map((id) => ({ id, type: "test/file-ledger" })), { id: "out", type: "core/output", config: { name: "total" } }],
    ["in.out->step0.in", ...ids.slice(1).map((id, i) => `step${i}.out->${id}.in`), `step${CHAIN_LENGTH - 1}.out->out.in`],
  );
  const workspace = await prisma.workspace.create({ data: { slug: "restart", name: "Restart" } });
  const graph = await prisma.graph.create({ data: { workspaceId: workspace.id, name: "Chain", draft: toJsonColumn(spec) } });
  const run = await insertRun(prisma, { workspaceId: workspace.id, graphId: graph.id, spec: toJsonColumn(spec), input: 0, trigger: "test" }, { id: true });
  const ledgerPath = path.join(cluster.dataDir, "ledger");
  const ledger = () => (existsSync(ledgerPath) ? readFileSync(ledgerPath, "utf8").trim().split("\n") : []);
  const errors: string[] = [];
  const runtime = createRuntime({
    store: createPrismaRunStore(prisma, pool),
    implementations: createNodeImplementations([...CORE_NODES, createFileLedgerNode(ledgerPath)]),
    // Far longer than the test: only taking its own lease back lets the runtime continue in time.
    leaseMs: 120_000,
    heartbeatMs: 300,
    pollMs: 50,
    onError: (_error, context) => errors.push(context),
  });
  runtime.start();
  try {
    await expect.poll(() => ledger().length, { timeout: 15_000, interval: 20 }).toBeGreaterThanOrEqual(2);
    process.kill(cluster.postmasterPid()!, "SIGKILL");
    const status = () => prisma.run.findUniqueOrThrow({ where: { id: run.id }, select: { status: true } }).then((row) => row.status, () => "unreachable");
    await expect.poll(status, { timeout: 30_000, interval: 100 }).toBe("succeeded");
  } finally {
    await runtime.stop();
  }
  // The kill reached the runtime (a failed write or poll), and the run still ended with every step counted once.
  expect(errors.length).toBeGreaterThan(0);
  expect((await prisma.run.findUniqueOrThrow({ where: { id: run.id }, select: { output: true } })).output).toEqual({ total: CHAIN_LENGTH });
  const steps = await prisma.runStep.findMany({ where: { runId: run.id }, select: { key: true } });
  expect(new Set(steps.map((step) => step.key)).size).toBe(steps.length);
  expect(new Set(ledger())).toEqual(new Set(ids.map((id) => `${run.id}:${id}:top:0`)));
  // Where the effect landed: each step's key at most twice (a step the kill interrupted runs again, with its key).
  for (const key of new Set(ledger())) expect(ledger().filter((line) => line === key).length, key).toBeLessThanOrEqual(2);
});
