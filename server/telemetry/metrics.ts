// The process's Prometheus metrics (prom-client), served at /api/metrics (http/metrics-route.ts). Counters and
// histograms of runs, steps and calls move with run events (run-metrics.ts); gauges are read when scraped from whoever
// owns the number: the runtime (queue), the sandbox host (pool), the MCP session pool, the socket server (clients).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export const metricsRegistry = new Registry();
// Process CPU, memory, handles, GC and the event loop lag (`nodejs_eventloop_lag_seconds` and its percentiles).
collectDefaultMetrics({ register: metricsRegistry });

const registers = [metricsRegistry];
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

export const runMetrics = {
  started: new Counter({ name: "studio_runs_started_total", help: "Runs whose first drive started in this process", registers }),
  finished: new Counter({ name: "studio_runs_finished_total", help: "Runs that ended in this process, by final status", labelNames: ["status"] as const, registers }),
  stepDuration: new Histogram({
    name: "studio_step_duration_seconds",
    help: "Duration of step attempts by node type and how the attempt ended (succeeded, failed, retried, waiting)",
    labelNames: ["node_type", "status"] as const,
    buckets: DURATION_BUCKETS,
    registers,
  }),
  callDuration: new Histogram({
    name: "studio_call_duration_seconds",
    help: "Duration of model, tool and memory calls made by steps, by kind, attached node type and outcome (ok, error)",
    labelNames: ["kind", "node_type", "outcome"] as const,
    buckets: DURATION_BUCKETS,
    registers,
  }),
  modelTokens: new Counter({ name: "studio_model_tokens_total", help: "Tokens that model calls reported, by model node type", labelNames: ["node_type"] as const, registers }),
  modelCost: new Counter({ name: "studio_model_cost_usd_total", help: "Cost in USD of model calls, by model node type", labelNames: ["node_type"] as const, registers }),
  mailboxMessages: new Gauge({ name: "studio_mailbox_messages", help: "Messages waiting on the edges of the runs this process drives", registers }),
};

export type TQueueDepth = { waiting: number; active: number };

let readQueueDepth: (() => Promise<TQueueDepth> | TQueueDepth) | undefined;
let readSandboxPool: (() => { ready: number; busy: number; queued: number } | undefined) | undefined;
let readSocketClients: (() => number) | undefined;
let readMcpSessions: (() => { busy: number; idle: number }) | undefined;

new Gauge({
  name: "studio_queue_runs",
  help: "Runs waiting for an executor (queued) and runs being driven (active); see server/telemetry/README.md",
  labelNames: ["state"] as const,
  registers,
  async collect() {
    if (!readQueueDepth) return;
    const depth = await readQueueDepth();
    this.set({ state: "waiting" }, depth.waiting);
    this.set({ state: "active" }, depth.active);
  },
});

new Gauge({
  name: "studio_sandbox_workers",
  help: "Sandbox worker processes of this process's pool, by state (ready: idle, busy: running a job); none until first use",
  labelNames: ["state"] as const,
  registers,
  collect() {
    const pool = readSandboxPool?.();
    this.set({ state: "ready" }, pool?.ready ?? 0);
    this.set({ state: "busy" }, pool?.busy ?? 0);
  },
});

new Gauge({
  name: "studio_sandbox_queued_jobs",
  help: "Sandbox jobs waiting for a free worker",
  registers,
  collect() {
    this.set(readSandboxPool?.()?.queued ?? 0);
  },
});

new Gauge({
  name: "studio_mcp_sessions",
  help: "Live MCP server sessions of this process's pool, by state (busy: a call is running, idle: kept warm for the next call)",
  labelNames: ["state"] as const,
  registers,
  collect() {
    const sessions = readMcpSessions?.();
    this.set({ state: "busy" }, sessions?.busy ?? 0);
    this.set({ state: "idle" }, sessions?.idle ?? 0);
  },
});

new Gauge({
  name: "studio_socket_clients",
  help: "socket.io clients connected to this process",
  registers,
  collect() {
    this.set(readSocketClients?.() ?? 0);
  },
});

/** Where the queue gauge reads from: the runtime's own count by default (start-runtime.ts), BullMQ's in queue mode. */
export function reportQueueDepthFrom(read: () => Promise<TQueueDepth> | TQueueDepth): void {
  readQueueDepth = read;
}

/** For a queue that pushes its numbers (BullMQ events): the gauge shows these until the next call. */
export function setQueueDepth(depth: TQueueDepth): void {
  readQueueDepth = () => depth;
}

export function reportSandboxPoolFrom(read: () => { ready: number; busy: number; queued: number } | undefined): void {
  readSandboxPool = read;
}

export function reportMcpSessionsFrom(read: () => { busy: number; idle: number }): void {
  readMcpSessions = read;
}

export function reportSocketClientsFrom(read: () => number): void {
  readSocketClients = read;
}
