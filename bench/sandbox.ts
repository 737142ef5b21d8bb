// Measures the sandbox pool (server/plugins/sandbox): a trivial job through a warm pool, each in a fresh context (and,
// for comparison, in a fresh isolate), and the cold start of a worker from fork to its first job done; then where a
// call's time goes (IPC round trip, isolate, context, the job itself, CPU per call). Prints one JSON object per measure:
// {"name", "value", "unit", ..., "host": {"cpus", "loadAvg1m"}}: on a shared machine the load says how much the
// latencies are worth. `--calls N` sets the warm calls per mode (default 2000).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createSandboxPool } from "@/server/plugins/sandbox/sandbox-pool";
import { percentile, round } from "./timed-run-store";

const WARMUP_CALLS = 200;
const COLD_STARTS = 30;
const POOL = { memoryLimitMb: 64, timeoutMs: 1_000 };
const TRIVIAL = "return input.n + 1";
const CONTEXTS_PATH = fileURLToPath(new URL("../server/plugins/sandbox/isolate-contexts.cjs", import.meta.url));
const BREAKDOWN_SAMPLES = 1_000;

function emit(name: string, value: number, unit: string, extra: Record<string, unknown>): void {
  const host = { cpus: availableParallelism(), loadAvg1m: round(loadavg()[0]!) };
  process.stdout.write(`${JSON.stringify({ name, value: round(value), unit, ...extra, host })}\n`);
}

/** CPU time (user + system) a process has used so far, from /proc (clock ticks of 10 ms, so sum many calls). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function time(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

/**
 * Sequential calls, as one Code node after another would make them: each waits for the previous answer. Also the CPU
 * the calls cost this process and the workers together, which the machine's other load does not inflate as much.
 */
async function measureWarmCalls(calls: number, isolatePerJob: boolean): Promise<{ samples: number[]; cpuMsPerCall: number }> {
  const pool = createSandboxPool({ size: 2, ...POOL, isolatePerJob });
  try {
    const call = async (n: number) => {
      const result = await pool.run({ code: TRIVIAL, input: { n } });
      if (!result.ok || result.output !== n + 1) throw new Error(`unexpected result ${JSON.stringify(result)}`);
    };
    for (let i = 0; i < WARMUP_CALLS; i++) await call(i);
    const pids = pool.stats().workers.map((worker) => worker.pid!);
    const workersCpuMs = () => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
    const cpuBefore = process.cpuUsage();
    const workersBefore = workersCpuMs();
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) samples.push(await time(() => call(i)));
    const own = process.cpuUsage(cpuBefore);
    const cpuMsPerCall = ((own.user + own.system) / 1_000 + workersCpuMs() - workersBefore) / calls;
    return { samples: samples.sort((a, b) => a - b), cpuMsPerCall };
  } finally {
    await pool.close();
  }
}

/** From creating a one-worker pool (the fork) to the answer of its first job. */
async function measureColdStarts(): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const pool = createSandboxPool({ size: 1, ...POOL });
    samples.push(await time(() => pool.run({ code: TRIVIAL, input: { n: i } })));
    await pool.close();
  }
  return samples.sort((a, b) => a - b);
}

/**
 * The floor under any cold start: a bare Node child saying hello over IPC. Booting without Node's startup snapshot, as
 * isolated-vm on Node 20 requires, is compared with booting from it.
 */
async function measureNodeBoots(flags: string[]): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const boot = () => {
      const child = spawn(process.execPath, [...flags, "-e", "process.send('ready')"], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
      return new Promise((resolve) => child.once("message", resolve)).finally(() => child.kill());
    };
    samples.push(await time(boot));
  }
  return samples.sort((a, b) => a - b);
}

/** The same job-sized message to a bare Node child and back, over the channel the pool uses. */
async function measureIpcRoundTrips(): Promise<number[]> {
  const echo = spawn(process.execPath, ["-e", "process.on('message', (m) => process.send(m))"], { stdio: ["ignore", "ignore", "inherit", "ipc"], serialization: "json" });
  const message = { type: "job", id: 0, code: TRIVIAL, input: '{"n":1}', timeoutMs: 1_000 };
  const roundTrip = () => new Promise((resolve) => echo.once("message", resolve).send({ ...message, id: message.id++ }));
  for (let i = 0; i < WARMUP_CALLS; i++) await roundTrip();
  const samples: number[] = [];
  for (let i = 0; i < BREAKDOWN_SAMPLES; i++) samples.push(await time(roundTrip));
  echo.kill();
  return samples.sort((a, b) => a - b);
}

// Inside a worker-like process (isolated-vm needs --no-node-snapshot, which this tsx process lacks): what one job costs
// in the isolate, timed around the same calls the worker makes.
const ISOLATE_BREAKDOWN = `
const { createRequire } = require("node:module");
const ivm = createRequire(${JSON.stringify(CONTEXTS_PATH)})("isolated-vm");
const contexts = require(${JSON.stringify(CONTEXTS_PATH)}).createIsolateContexts({ memoryLimitMb: 64, resultCapChars: 1e7, logLineCapChars: 8192, logLinesCap: 1000, maxPendingCalls: 32, isolatePerJob: false });
const samples = { isolate: [], context: [], job: [] };
const timed = (list, action) => { const start = performance.now(); const value = action(); list.push(performance.now() - start); return value; };
(async () => {
  for (let i = 0; i < ${BREAKDOWN_SAMPLES}; i++) {
    if (i % 10 === 0) timed(samples.isolate, () => new ivm.Isolate({ memoryLimit: 64 })).dispose();
    const context = timed(samples.context, () => contexts.prepare());
    const start = performance.now();
    await context.run.apply(undefined, [${JSON.stringify(TRIVIAL)}, '{"n":1}'], { timeout: 1000, result: { promise: true, copy: true } });
    samples.job.push(performance.now() - start);
    contexts.finish(context, { isCutOff: false });
  }
  process.stdout.write(JSON.stringify(samples));
})();`;

async function measureIsolateBreakdown(): Promise<Record<"isolate" | "context" | "job", number[]>> {
  const child = spawn(process.execPath, ["--no-node-snapshot", "-e", ISOLATE_BREAKDOWN], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise((resolve) => child.on("exit", resolve));
  const samples = JSON.parse(output) as Record<"isolate" | "context" | "job", number[]>;
  for (const list of Object.values(samples)) list.sort((a, b) => a - b);
  return samples;
}

const { values } = parseArgs({ options: { calls: { type: "string", default: "2000" } } });
const calls = Number(values.calls);

const warm = await measureWarmCalls(calls, false);
emit("sandbox_warm_call_p50_ms", percentile(warm.samples, 50), "ms", { goal: 1, calls, isolation: "fresh context per job" });
emit("sandbox_warm_call_p99_ms", percentile(warm.samples, 99), "ms", { goal: 5, calls, isolation: "fresh context per job" });
emit("sandbox_warm_call_cpu_ms", warm.cpuMsPerCall, "ms", { calls, note: "CPU per call: the bench process and both workers" });

const perJob = await measureWarmCalls(calls, true);
emit("sandbox_warm_call_isolate_per_job_p50_ms", percentile(perJob.samples, 50), "ms", { calls, isolation: "fresh isolate per job" });
emit("sandbox_warm_call_isolate_per_job_p99_ms", percentile(perJob.samples, 99), "ms", { calls, isolation: "fresh isolate per job" });

const cold = await measureColdStarts();
emit("sandbox_cold_start_p50_ms", percentile(cold, 50), "ms", { starts: COLD_STARTS });
emit("sandbox_cold_start_p99_ms", percentile(cold, 99), "ms", { goal: 100, starts: COLD_STARTS });

const boots = await measureNodeBoots(["--no-node-snapshot"]);
emit("sandbox_breakdown_node_boot_p50_ms", percentile(boots, 50), "ms", { starts: COLD_STARTS, note: "bare `node --no-node-snapshot`: spawn to first IPC message" });
const snapshotBoots = await measureNodeBoots([]);
emit("sandbox_breakdown_node_boot_with_snapshot_p50_ms", percentile(snapshotBoots, 50), "ms", { starts: COLD_STARTS, note: "the same with Node's snapshot (unusable with isolated-vm)" });

const ipc = await measureIpcRoundTrips();
emit("sandbox_breakdown_ipc_round_trip_p50_ms", percentile(ipc, 50), "ms", { samples: ipc.length, note: "job-sized JSON message to a bare child and back" });
const parts = await measureIsolateBreakdown();
emit("sandbox_breakdown_isolate_create_p50_ms", percentile(parts.isolate, 50), "ms", { samples: parts.isolate.length });
emit("sandbox_breakdown_context_prepare_p50_ms", percentile(parts.context, 50), "ms", { samples: parts.context.length, note: "fresh context + bootstrap" });
emit("sandbox_breakdown_context_prepare_p99_ms", percentile(parts.context, 99), "ms", { samples: parts.context.length, note: "the isolate's garbage collections land here" });
emit("sandbox_breakdown_job_run_p50_ms", percentile(parts.job, 50), "ms", { samples: parts.job.length, note: "trivial job in a prepared context" });
