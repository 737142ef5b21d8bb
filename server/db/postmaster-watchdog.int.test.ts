// The embedded Postgres's watchdog against a cluster of its own: killed with SIGKILL it comes back on the same port and
// the studio's pool reconnects; a stale lock file does not stop it; when it cannot come back, onFatal gives the reason.
import { execFileSync, spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempEmbeddedPostgres } from "../testing/temp-embedded-postgres";
import { createDbPool } from "./client";
import type { TEmbeddedDatabase } from "./embedded-postgres";

const fatalErrors: Error[] = [];
let cluster: Awaited<ReturnType<typeof createTempEmbeddedPostgres>>;
let embedded: TEmbeddedDatabase;
let pool: pg.Pool;

const answers = () => pool.query("select 1").then(() => true, () => false);

beforeAll(async () => {
  cluster = await createTempEmbeddedPostgres({ onFatal: (error) => fatalErrors.push(error), restart: { attempts: 2, delayMs: 100 } });
  embedded = await cluster.start();
  pool = createDbPool(embedded.url);
});

afterAll(async () => {
  await pool?.end();
  await embedded?.stop();
  cluster?.remove();
});

describe("embedded postgres watchdog", () => {
  it("restarts a postmaster killed with SIGKILL on the same port, and the pool reconnects", async () => {
    // Idle connections in the pool: the kill drops them, which must not end this process (client.ts).
    await Promise.all([pool.query("select pg_sleep(0.05)"), pool.query("select pg_sleep(0.05)"), pool.query("select 1")]);
    for (const round of [1, 2]) {
      // The second round kills the restarted postmaster: it is watched too.
      const killed = cluster.postmasterPid()!;
      process.kill(killed, "SIGKILL");
      // A new postmaster writes its lock file first thing: the watchdog noticed and started it within seconds.
      const isRestarted = () => ![undefined, killed].includes(cluster.postmasterPid());
      await expect.poll(isRestarted, { timeout: 5_000, interval: 20, message: `round ${round}: restarted` }).toBe(true);
      // Then crash recovery, whose length depends on the machine's load.
      await expect.poll(answers, { timeout: 30_000, interval: 50, message: `round ${round}: answers` }).toBe(true);
    }
    expect(fatalErrors).toEqual([]);
  });

  it("starts over a stale postmaster.pid whose pid now belongs to another process", async () => {
    await embedded.stop();
    // A live process Postgres may signal (same user as Postgres): Postgres alone would refuse to start over it.
    const uid = process.getuid?.() === 0 ? Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })) : undefined;
    const impostor = spawn("sleep", ["60"], { uid, stdio: "ignore" });
    try {
      writeFileSync(path.join(cluster.databaseDir, "postmaster.pid"), `${impostor.pid}\n${cluster.databaseDir}\n0\n${cluster.port}\n\n127.0.0.1\n`);
      embedded = await cluster.start();
      await expect.poll(answers, { timeout: 10_000, interval: 50 }).toBe(true);
      expect(cluster.postmasterPid()).not.toBe(impostor.pid);
    } finally {
      impostor.kill("SIGKILL");
    }
  });

  it("gives up when Postgres cannot start again, naming the data directory and the reason", async () => {
    // Postgres refuses a data directory without PG_VERSION: every restart attempt fails.
    rmSync(path.join(cluster.databaseDir, "PG_VERSION"));
    process.kill(cluster.postmasterPid()!, "SIGKILL");
    await expect.poll(() => fatalErrors.length, { timeout: 10_000, interval: 50 }).toBe(1);
    expect(fatalErrors[0]!.message).toContain(cluster.databaseDir);
    expect(fatalErrors[0]!.message).toMatch(/killed by SIGKILL.*2 attempts: .* is not a valid data directory .*PG_VERSION" is missing/);
    // Stopping after a failed restart returns (the dead postmaster never emits exit again).
    await embedded.stop();
  });
});
