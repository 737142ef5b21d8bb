// A runtime on the in-memory store with an instant clock, for engine unit tests.
import type { TGraphSpec } from "@/lib/graph";
import { createNodeImplementations, type TNodeImplementation } from "../node-implementation";
import { CORE_NODES } from "../nodes/core";
import { createRuntime } from "../runtime";
import type { TRecording } from "../run-store";
import { createMemoryRunStore } from "./memory-run-store";

/** Module-wide, so that runs of two harnesses (a run and its replay) never share an id. */
let runCounter = 0;

export function createRuntimeHarness(extra: TNodeImplementation[] = [], clockNow = () => Date.now(), secrets: Record<string, string> = {}) {
  const memory = createMemoryRunStore(clockNow);
  const sleeps: number[] = [];
  const errors: unknown[] = [];
  const runtime = createRuntime({
    store: memory.store,
    implementations: createNodeImplementations([...CORE_NODES, ...extra]),
    clock: { now: clockNow, sleep: async (ms) => void sleeps.push(ms) },
    random: () => 0.5,
    pollMs: 10,
    heartbeatMs: 20,
    onError: (error) => errors.push(error),
    resolveSecret: async (_workspaceId, name) => {
      if (!(name in secrets)) throw new Error(`Secret ${name} not found in this workspace`);
      return secrets[name]!;
    },
  });
  const start = (spec: TGraphSpec, input: unknown = {}, recording: TRecording | null = null) => {
    const id = `run-${++runCounter}`;
    memory.addRun({ id, workspaceId: "w1", graphId: "g1", spec, settings: spec.settings, input, recording });
    return id;
  };
  return { memory, runtime, start, sleeps, errors };
}

export async function runToIdle(runtime: ReturnType<typeof createRuntime>): Promise<void> {
  runtime.start();
  await new Promise((resolve) => setTimeout(resolve, 30));
  await runtime.whenIdle();
  await runtime.stop();
}
