// Trace latency: from the runtime's event writer emitting an event to a socket.io client receiving it, at
// EVENTS_PER_S with CLIENTS subscribed to the run, through the real realtime server (handshake, authorization,
// per-socket frames) while the writer persists the same events to Postgres in batches.
// Prints one JSON object per measure: {"name", "value", "unit", ...}.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { connectDb, db, disconnectDb } from "@/server/db/client";
import { insertRun } from "@/server/db/insert-run";
import { createPrismaRunStore } from "@/server/db/prisma-run-store";
import { createRunEventHub } from "@/server/realtime/run-stream/run-event-hub";
import { FRAME_MS } from "@/server/realtime/run-stream/socket-batcher";
import { attachRealtime, SOCKET_PATH } from "@/server/realtime/socket-server";
import { createEventWriter } from "@/server/runtime/event-writer";
import type { TSeqEvent } from "@/server/runtime/run-store";
import { createGraph } from "@/server/services/graph/create-graph";
import { createWorkspaceWithMembers } from "@/server/testing/factories";
import { sessionCookieFor, TEST_SECRET } from "@/server/testing/session-cookie";
import { createSimpleGraphSpec } from "@/server/testing/simple-graph-spec";
import { createThrowawayDatabase } from "./throwaway-database";

const CLIENTS = 10;
const EVENTS_PER_S = 1_000;
const DURATION_MS = 5_000;
const WARMUP_MS = 500;
const ORIGIN = "http://bench.local";


const nowMs = () => performance.timeOrigin + performance.now();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const database = await createThrowawayDatabase();
  connectDb(database.url);
  const { workspace, members } = await createWorkspaceWithMembers(["viewer"]);
  const graph = await createGraph(db(), { workspaceId: workspace.id, actorId: members.viewer.id, name: "bench", spec: createSimpleGraphSpec() });
  const run = await insertRun(db(), { workspaceId: workspace.id, graphId: graph.id, spec: {}, trigger: "manual", status: "running" }, { id: true });

  const hub = createRunEventHub();
  const server = createServer();
  const realtime = attachRealtime(server, { db: db(), secret: TEST_SECRET, allowedOrigins: [ORIGIN], runEvents: hub });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const writer = createEventWriter({ store: createPrismaRunStore(db()), onEvent: hub.publish, onError: (error) => console.error(error) });

  const latencies: number[] = [];
  let measuring = false;
  const sockets: Socket[] = [];
  let frames = 0;
  for (let index = 0; index < CLIENTS; index++) {
    const socket = connect(url, { path: SOCKET_PATH, transports: ["websocket"], extraHeaders: { Origin: ORIGIN, Cookie: await sessionCookieFor(members.viewer) }, forceNew: true });
    sockets.push(socket);
    socket.on("run:events", ({ events }: { events: TSeqEvent[] }) => {
      const receivedAt = nowMs();
      frames++;
      if (!measuring) return;
      for (const event of events) latencies.push(receivedAt - (event.payload as unknown as { sentAt: number }).sentAt);
    });
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    await new Promise((resolve) => socket.emit("run:subscribe", { runId: run.id, afterSeq: 0 }, resolve));
  }

  // Emits on schedule: every timer tick sends the events that are due, so the rate holds even with coarse timers.
  const startedAt = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const elapsed = performance.now() - startedAt;
      measuring = elapsed >= WARMUP_MS;
      const due = Math.floor((elapsed * EVENTS_PER_S) / 1_000);
      while (sent < due) {
        sent++;
        writer.emit({ runId: run.id, type: "node.output_chunk", nodeId: "agent", payload: { stepSeq: 1, chunk: `token ${sent} `, sentAt: nowMs() } as never, ts: Date.now() });
      }
      if (elapsed < DURATION_MS + WARMUP_MS) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  await writer.flush();
  sockets.forEach((socket) => socket.close());
  await realtime.close();
  await new Promise((resolve) => server.close(resolve));
  await disconnectDb();
  await database.drop();

  const sorted = latencies.sort((a, b) => a - b);
  const extra = { clients: CLIENTS, events_per_s: EVENTS_PER_S, samples: sorted.length, frame_ms: FRAME_MS, frames_per_client_per_s: Number((frames / CLIENTS / ((DURATION_MS + WARMUP_MS) / 1_000)).toFixed(1)) };
  process.stdout.write(`${JSON.stringify({ name: "trace_latency_p50_ms", value: Number(percentile(sorted, 50).toFixed(2)), unit: "ms", goal: 5, ...extra })}\n`);
  process.stdout.write(`${JSON.stringify({ name: "trace_latency_p99_ms", value: Number(percentile(sorted, 99).toFixed(2)), unit: "ms", goal: 50, ...extra })}\n`);
}

await main();
