// Wraps a TRunStore to time every call per method, so a benchmark can say where a run's time goes (commitSteps vs
// claimRuns vs appendEvents) without touching the runtime. The time includes waiting for a pooled connection.
import type { TRunStore } from "@/server/runtime/run-store";

type TMethod = (...args: unknown[]) => Promise<unknown>;

export type TStoreTimings = Record<string, { calls: number; p50Ms: number; p99Ms: number; totalMs: number }>;

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function createTimedRunStore(store: TRunStore): { store: TRunStore; summarize(): TStoreTimings } {
  const samples = new Map<string, number[]>();
  const entries = Object.entries(store as Record<string, TMethod>).map(([name, method]) => {
    const timed: TMethod = async (...args) => {
      const start = performance.now();
      try {
        return await method(...args);
      } finally {
        const list = samples.get(name) ?? [];
        list.push(performance.now() - start);
        samples.set(name, list);
      }
    };
    return [name, timed] as const;
  });
  return {
    store: Object.fromEntries(entries) as TRunStore,
    summarize() {
      const summary: TStoreTimings = {};
      for (const [name, list] of samples) {
        const sorted = [...list].sort((a, b) => a - b);
        const total = sorted.reduce((sum, value) => sum + value, 0);
        summary[name] = { calls: sorted.length, p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)), totalMs: Math.round(total) };
      }
      return summary;
    },
  };
}

export function round(value: number): number {
  return Number(value.toFixed(2));
}
