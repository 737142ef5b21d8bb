// Self-healing of a whole process (issue #16 item 5): a worker process (`npm run worker`, with its HTTP port) on a
// Postgres and a Redis of the test's own. Taking either away makes the process unready, never dead; it becomes ready
// by itself when they return, and runs queued afterwards finish. The web side in this test process queues the runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDb, db, disconnectDb } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { buildSpec } from "../runtime/testing/build-spec";
import { createGraph } from "../services/graph/create-graph";
import { startRun } from "../services/run/start-run";
import { createWorkspaceWithMembers } from "../testing/factories";
import { findFreePort } from "../testing/free-port";
import { createTempEmbeddedPostgres } from "../testing/temp-embedded-postgres";
import { waitForRunEnd } from "../testing/wait-for-run-end";
import { createPrivateRedis, hasRedisServer } from "./testing/private-redis";
import { spawnWorker, startQueueModeWeb, untilTakingRuns, type TWorkerProcess } from "./testing/queue-mode-harness";

const postgres = await createTempEmbeddedPostgres({ restart: { attempts: 0, delayMs: 0 } });
const redis = await createPrivateRedis();
let embedded: Awaited<ReturnType<typeof postgres.start>>;
let worker: TWorkerProcess;
let web: Awaited<ReturnType<typeof startQueueModeWeb>>;
let workerUrl: string;

async function probe(route: "ready" | "health") {
  const response = await fetch(`${workerUrl}/api/${route}`);
  return { status: response.status, body: (await response.json()) as { checks?: Record<string, string> } };
}

async function runOnce(): Promise<string> {
  const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
  const spec = buildSpec([{ id: "in", type: "core/input" }, { id: "out", type: "core/output", config: { name: "echo" } }], ["in.out->out.in"]);
  const graph = await createGraph(db(), { workspaceId: workspace.id, actorId: members.owner.id, name: "Recovery", spec });
  const run = await startRun(db(), { workspaceId: workspace.id, graphId: graph.id, actorId: members.owner.id, source: { kind: "draft" }, input: "hello" });
  return (await waitForRunEnd(run.id, 30_000)).status;
}

describe.skipIf(!hasRedisServer())("a worker process when Postgres or Redis goes away", () => {
  beforeAll(async () => {
    embedded = await postgres.start();
    await redis.start();
    await migrateDatabase(embedded.url);
    await disconnectDb();
    connectDb(embedded.url);
    const target = { url: redis.url, prefix: "recovery" };
    const port = await findFreePort();
    workerUrl = `http://127.0.0.1:${port}`;
    worker = spawnWorker({ databaseUrl: embedded.url, redis: target, name: "recovery", leaseMs: 2_000, env: { STUDIO_WORKER_PORT: String(port), HOST: "127.0.0.1" } });
    await untilTakingRuns(worker, 60_000);
    web = await startQueueModeWeb(target, "http://recovery.test");
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await web?.close();
    await embedded?.stop();
    await redis.stop();
    postgres.remove();
  });

  it("is ready with every check when all is well, and drives a run", async () => {
    expect(await probe("ready")).toEqual({ status: 200, body: { status: "ok", checks: { database: "ok", migrations: "ok", redis: "ok", runtime: "ok" } } });
    expect(await runOnce()).toBe("succeeded");
  });

  it("is unready, not dead, while Postgres is stopped, and ready again by itself when it is back", async () => {
    await embedded.stop();
    await expect.poll(async () => (await probe("ready")).status, { timeout: 15_000 }).toBe(503);
    const { body } = await probe("ready");
    expect(body.checks).toMatchObject({ database: expect.not.stringMatching(/^ok$/), migrations: "not checked", redis: "ok" });
    expect((await probe("health")).status).toBe(200);
    expect(worker.child.exitCode).toBeNull();

    embedded = await postgres.start();
    await expect.poll(async () => (await probe("ready")).status, { timeout: 30_000 }).toBe(200);
    expect(await runOnce()).toBe("succeeded");
  }, 90_000);

  it("is unready, not dead, while Redis is stopped, and takes runs again when a Redis without the old data is back", async () => {
    await redis.stop();
    await expect.poll(async () => (await probe("ready")).body.checks?.redis, { timeout: 15_000 }).not.toBe("ok");
    expect((await probe("ready")).status).toBe(503);
    expect((await probe("health")).status).toBe(200);
    expect(worker.child.exitCode).toBeNull();

    await redis.start();
    await expect.poll(async () => (await probe("ready")).status, { timeout: 30_000 }).toBe(200);
    expect(await runOnce()).toBe("succeeded");
  }, 90_000);
});
