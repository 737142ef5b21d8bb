// The process-wide sandbox pool, and the capabilities the host offers to sandboxed code over IPC.
import { reportSandboxPoolFrom } from "../telemetry/metrics";
import { createSandboxPool, type TCapabilityHandler, type TSandboxPool, type TSandboxResult } from "./sandbox/sandbox-pool";

const POOL_SIZE = 2;
const MEMORY_LIMIT_MB = 64;
const DEFAULT_TIMEOUT_MS = 30_000;

let pool: TSandboxPool | undefined;

/** Started on first use, so a studio that never runs untrusted code forks no sandbox process. */
export function getSandboxPool(): TSandboxPool {
  pool ??= createSandboxPool({ size: POOL_SIZE, memoryLimitMb: MEMORY_LIMIT_MB, timeoutMs: DEFAULT_TIMEOUT_MS });
  return pool;
}

// /api/metrics reads the pool without starting it.
reportSandboxPoolFrom(() => {
  if (!pool) return undefined;
  const { workers, queued } = pool.stats();
  return { ready: workers.filter((worker) => worker.isReady && !worker.isBusy).length, busy: workers.filter((worker) => worker.isBusy).length, queued };
});

export async function closeSandboxPool(): Promise<void> {
  await pool?.close();
  pool = undefined;
}

export type TSandboxJobRequest = { code: string; input: unknown; timeoutMs?: number; signal?: AbortSignal; onCapability: TCapabilityHandler };

export function runInSandbox(request: TSandboxJobRequest): Promise<TSandboxResult> {
  return getSandboxPool().run(request);
}
