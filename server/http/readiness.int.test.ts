// /api/ready through the studio's request router (no Next needed): 200 while the database answers and holds every
// committed migration, 503 with the failing check while it does not (nothing listening, a server that never answers, a
// database without the migrations).
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Socket } from "node:net";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { listCommittedMigrations } from "../db/committed-migrations";
import { findFreePort } from "../testing/free-port";
import { createReadyHandler, handleHealth } from "./health-routes";
import { createReadinessCheck } from "./readiness";
import { createRequestRouter, type THttpHandler } from "./route-request";
import { createSecurityHeaders } from "./security-headers";

const servers: { close: () => void }[] = [];
afterAll(() => servers.forEach((server) => server.close()));

async function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

/** Accepts connections and never answers: a database that hangs. */
async function silentPort(): Promise<number> {
  const sockets: Socket[] = [];
  const server = createTcpServer((socket) => sockets.push(socket));
  const port = await listen(server);
  servers.push({ close: () => sockets.forEach((socket) => socket.destroy()) });
  return port;
}

async function studioUrl(databaseUrl: string, timeoutMs?: number): Promise<string> {
  const unused: THttpHandler = (_req, res) => res.writeHead(418).end();
  const router = createRequestRouter({ trpc: unused, auth: unused, hooks: unused, metrics: unused, next: unused, health: handleHealth, ready: createReadyHandler(createReadinessCheck(databaseUrl, timeoutMs)) }, createSecurityHeaders({ publicUrl: "http://localhost", isDev: false }));
  return `http://127.0.0.1:${await listen(createHttpServer(router))}`;
}

async function get(url: string) {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

describe("/api/ready", () => {
  it("answers 200 while the database answers", async () => {
    const url = await studioUrl(inject("databaseUrl"));
    expect(await get(`${url}/api/ready`)).toEqual({ status: 200, body: { status: "ok", checks: { database: "ok", migrations: "ok" } } });
  });

  it("answers 503 with the reason while nothing listens at the database's address; /api/health stays 200", async () => {
    const url = await studioUrl(`postgresql://postgres:postgres@127.0.0.1:${await findFreePort()}/studio`);
    expect(await get(`${url}/api/ready`)).toEqual({ status: 503, body: { status: "unavailable", checks: { database: "ECONNREFUSED", migrations: "not checked" } } });
    expect(await get(`${url}/api/health`)).toEqual({ status: 200, body: { ok: true } });
  });

  it("answers 503 with Postgres's error code when the server answers but refuses the database", async () => {
    const missing = new URL(inject("databaseUrl"));
    missing.pathname = "/studio_no_such_database";
    const url = await studioUrl(missing.toString());
    expect(await get(`${url}/api/ready`)).toEqual({ status: 503, body: { status: "unavailable", checks: { database: "3D000", migrations: "not checked" } } });
  });

  it("answers 503 naming the missing migrations when the database answers without them", async () => {
    const admin = new pg.Client({ connectionString: inject("databaseUrl") });
    await admin.connect();
    const name = `studio_ready_${Date.now()}`;
    await admin.query(`create database ${name}`);
    try {
      const empty = new URL(inject("databaseUrl"));
      empty.pathname = `/${name}`;
      const url = await studioUrl(empty.toString());
      const [first] = listCommittedMigrations();
      const missing = `missing ${listCommittedMigrations().length} (first: ${first})`;
      expect(await get(`${url}/api/ready`)).toEqual({ status: 503, body: { status: "unavailable", checks: { database: "ok", migrations: missing } } });
      // One migration applied (as a crashed or older deploy leaves it): the rest is still missing.
      const migrated = new pg.Client({ connectionString: empty.toString() });
      await migrated.connect();
      await migrated.query("create table _prisma_migrations (migration_name text, finished_at timestamptz, rolled_back_at timestamptz)");
      await migrated.query("insert into _prisma_migrations values ($1, now(), null)", [first]);
      await migrated.end();
      const second = listCommittedMigrations()[1];
      expect((await get(`${url}/api/ready`)).body.checks.migrations).toBe(`missing ${listCommittedMigrations().length - 1} (first: ${second})`);
    } finally {
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    }
  });

  it("answers 503 within its timeout when the database accepts but never answers", async () => {
    const url = await studioUrl(`postgresql://postgres:postgres@127.0.0.1:${await silentPort()}/studio`, 300);
    const startedAt = Date.now();
    expect(await get(`${url}/api/ready`)).toEqual({ status: 503, body: { status: "unavailable", checks: { database: "timeout", migrations: "not checked" } } });
    expect(Date.now() - startedAt).toBeLessThan(3_000);
  });

  it("shares one check between concurrent probes", async () => {
    const check = createReadinessCheck(inject("databaseUrl"));
    const [first, second] = [check(), check()];
    expect(second).toBe(first);
    expect(await first).toEqual({ isReady: true, checks: { database: "ok", migrations: "ok" } });
    expect(check()).not.toBe(first);
  });
});
