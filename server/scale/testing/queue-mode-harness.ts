// Queue mode for integration tests: worker processes (server/worker.ts, as `npm run worker` starts them) that a test
// can SIGKILL, web processes (testing/web-process.ts: tRPC and socket.io without Next), and a web side in the test
// process (queue, event bridge, run event relay, socket.io with the cluster adapter). Each test file gets its own
// Redis prefix, so files running at once never share jobs or channels.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import { db } from "../../db/client";
import { createRunEventHub } from "../../realtime/run-stream/run-event-hub";
import { attachRealtime, SOCKET_PATH } from "../../realtime/socket-server";
import { TEST_SECRET } from "../../testing/session-cookie";
import type { TRedisTarget } from "../redis";
import { startScaleOut } from "../start-scale-out";

export const TEST_REDIS_URL = process.env.STUDIO_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const WORKER_ENTRY = path.resolve(import.meta.dirname, "../../worker.ts");
const WEB_ENTRY = path.resolve(import.meta.dirname, "web-process.ts");
const MASTER_KEY = randomBytes(32).toString("base64");

export function newRedisTarget(): TRedisTarget {
  return { url: TEST_REDIS_URL, prefix: `test-${randomUUID().slice(0, 8)}` };
}

export type TWorkerProcess = { name: string; child: ChildProcess; output: string[]; kill(): Promise<void>; stop(): Promise<void> };

/**
 * A worker process; `name` is its runtime instance, so its lease owner reads `<name>#...`. `nodeArgs` go to node itself
 * (flags NODE_OPTIONS refuses, such as --cpu-prof).
 */
export function spawnWorker(options: { databaseUrl: string; redis: TRedisTarget; name: string; leaseMs: number; env?: Record<string, string>; nodeArgs?: string[] }): TWorkerProcess {
  const output: string[] = [];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", WORKER_ENTRY], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redis.url,
      STUDIO_REDIS_PREFIX: options.redis.prefix,
      STUDIO_PROCESS: "worker",
      STUDIO_MASTER_KEY: MASTER_KEY,
      STUDIO_RUNTIME_INSTANCE: options.name,
      STUDIO_RUNTIME_LEASE_MS: String(options.leaseMs),
      STUDIO_DATA_DIR: mkdtempSync(path.join(tmpdir(), "studio-worker-")),
      LOG_LEVEL: "info",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    name: options.name,
    child,
    output,
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

export type TWebProcess = { url: string; child: ChildProcess; output: string[]; stop(): Promise<void> };

/**
 * A web process (STUDIO_PROCESS=web) on its own port, resolved once it listens: its tRPC answers at
 * `${url}/api/trpc/...` with the cookies of `sessionCookieFor`, and sockets connect to `url` from `allowedOrigin`.
 */
export async function spawnWebProcess(options: { databaseUrl: string; redis: TRedisTarget; allowedOrigin: string }): Promise<TWebProcess> {
  const output: string[] = [];
  const child = spawn(process.execPath, ["--import", "tsx", WEB_ENTRY], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redis.url,
      STUDIO_REDIS_PREFIX: options.redis.prefix,
      STUDIO_PROCESS: "web",
      STUDIO_MASTER_KEY: MASTER_KEY,
      NEXTAUTH_SECRET: TEST_SECRET,
      STUDIO_ALLOWED_ORIGINS: options.allowedOrigin,
      STUDIO_DATA_DIR: mkdtempSync(path.join(tmpdir(), "studio-web-")),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output.push(chunk.toString());
      const listening = /web process listening on (\S+)/.exec(output.join(""));
      if (listening) resolve(listening[1]!);
    });
    child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.once("exit", (code) => reject(new Error(`web process exited with ${code}:\n${output.join("")}`)));
  });
  return {
    url,
    child,
    output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Resolves once the worker logged that it takes runs. */
export async function untilTakingRuns(worker: TWorkerProcess, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!worker.output.join("").includes("worker is taking runs")) {
    if (worker.child.exitCode !== null) throw new Error(`worker ${worker.name} exited:\n${worker.output.join("")}`);
    if (Date.now() - started > timeoutMs) throw new Error(`worker ${worker.name} did not start:\n${worker.output.join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The web side of queue mode in this process: runs queued here go to the workers; their events come back here. */
export async function startQueueModeWeb(redis: TRedisTarget, allowedOrigin: string) {
  const runEvents = createRunEventHub();
  const scale = (await startScaleOut({ redis }, runEvents))!;
  const server = createServer();
  const realtime = attachRealtime(server, { db: db(), secret: TEST_SECRET, allowedOrigins: [allowedOrigin], runEvents, clusterAdapter: scale.socketAdapter });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sockets: Socket[] = [];
  return {
    scale,
    open(headers: Record<string, string>): Socket {
      const socket = connect(url, { path: SOCKET_PATH, transports: ["websocket"], extraHeaders: headers, reconnection: false, forceNew: true });
      sockets.push(socket);
      return socket;
    },
    async close(): Promise<void> {
      sockets.forEach((socket) => socket.close());
      await realtime.close();
      await scale.close();
    },
  };
}
