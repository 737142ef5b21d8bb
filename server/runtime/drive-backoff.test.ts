import { describe, expect, it } from "vitest";
import { createDriveBackoff } from "./drive-backoff";
import { createNodeImplementations } from "./node-implementation";
import { CORE_NODES } from "./nodes/core";
import { createRuntime } from "./runtime";
import { buildSpec } from "./testing/build-spec";
import { createMemoryRunStore } from "./testing/memory-run-store";

describe("drive backoff", () => {
  it("doubles the wait with each break in a row, caps it, and forgets a run once a drive goes through", () => {
    let now = 0;
    const backoff = createDriveBackoff({ baseMs: 100, maxMs: 1_000, now: () => now });
    expect([1, 2, 3, 4, 5].map(() => backoff.failed("r1") - now)).toEqual([100, 200, 400, 800, 1_000]);
    expect(backoff.waiting()).toEqual(["r1"]);
    now += 1_000;
    expect(backoff.waiting()).toEqual([]);
    backoff.succeeded("r1");
    expect(backoff.failed("r1") - now).toBe(100);
  });

  it("a run whose writes keep failing is not re-driven in a tight loop, and finishes once the store heals", async () => {
    const memory = createMemoryRunStore();
    const errors: string[] = [];
    const runtime = createRuntime({
      store: memory.store,
      implementations: createNodeImplementations(CORE_NODES),
      pollMs: 5,
      heartbeatMs: 20,
      driveRetryMs: 150,
      onError: (error) => errors.push(String(error)),
    });
    const spec = buildSpec([{ id: "in", type: "core/input" }, { id: "out", type: "core/output", config: { name: "result" } }], ["in.out->out.in"]);
    memory.addRun({ id: "broken", workspaceId: "w1", graphId: "g1", spec, settings: spec.settings, input: 7, recording: null });
    // The run's two pure steps go with its finish: the store refuses that write.
    const finishRun = memory.store.finishRun;
    let writes = 0;
    memory.store.finishRun = async () => {
      writes++;
      throw new Error("disk full");
    };
    runtime.start();
    await new Promise((resolve) => setTimeout(resolve, 400));
    // 150 ms, then 300 ms: at most three drives in 400 ms, where a claim loop without a wait makes hundreds.
    expect(writes).toBeGreaterThanOrEqual(1);
    expect(writes).toBeLessThanOrEqual(3);
    expect(errors.every((error) => error.includes("disk full"))).toBe(true);

    memory.store.finishRun = finishRun;
    await expect.poll(() => memory.runs.get("broken")!.status, { timeout: 3_000 }).toBe("succeeded");
    await runtime.stop();
  });
});
