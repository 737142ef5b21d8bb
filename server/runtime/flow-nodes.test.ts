import { describe, expect, it } from "vitest";
import type { TNodeImplementation } from "./node-implementation";
import { buildSpec } from "./testing/build-spec";
import { createRuntimeHarness, runToIdle } from "./testing/runtime-harness";

/** Doubles numbers and records how many of its activations run at once. */
function createDoubler(concurrency: { now: number; max: number }): TNodeImplementation {
  return {
    definition: { type: "test/double", version: 1, title: "double", category: "test", icon: "x", description: "", inputs: [{ id: "in", kind: "data" }], outputs: [{ id: "out", kind: "data" }], configSchema: {}, sideEffects: "pure" },
    async execute(context) {
      concurrency.now++;
      concurrency.max = Math.max(concurrency.max, concurrency.now);
      await new Promise((resolve) => setTimeout(resolve, 5));
      concurrency.now--;
      return { kind: "outputs", outputs: { out: Number(context.inputs.in) * 2 } };
    },
  };
}

describe("Map", () => {
  it("runs the body once per item in its own scope, at most `concurrency` at a time, and gathers in order", async () => {
    const concurrency = { now: 0, max: 0 };
    const { memory, runtime, start } = createRuntimeHarness([createDoubler(concurrency)]);
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "map", type: "core/map", config: { concurrency: 2 } }, { id: "double", type: "test/double" }, { id: "out", type: "core/output", config: { name: "doubled" } }],
      ["in.out->map.in", "map.item->double.in", "double.out->map.result", "map.results->out.in"],
    );
    const id = start(spec, [1, 2, 3, 4, 5]);
    await runToIdle(runtime);
    expect(memory.runs.get(id)!).toMatchObject({ status: "succeeded", output: { doubled: [2, 4, 6, 8, 10] } });
    expect(concurrency.max).toBe(2);
    const scopes = memory.steps.filter((step) => step.nodeId === "double").map((step) => step.scope);
    expect(scopes.sort((a, b) => a[0]! - b[0]!)).toEqual([[0], [1], [2], [3], [4]]);
  });

  it("gives an empty list straight back", async () => {
    const { memory, runtime, start } = createRuntimeHarness([createDoubler({ now: 0, max: 0 })]);
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "map", type: "core/map" }, { id: "double", type: "test/double" }, { id: "out", type: "core/output" }],
      ["in.out->map.in", "map.item->double.in", "double.out->map.result", "map.results->out.in"],
    );
    const id = start(spec, []);
    await runToIdle(runtime);
    expect(memory.runs.get(id)!.output).toEqual({ out: [] });
  });
});

describe("Loop", () => {
  it("iterates with its own output until the while condition fails, each iteration in its own scope", async () => {
    const { memory, runtime, start } = createRuntimeHarness([createDoubler({ now: 0, max: 0 })]);
    const spec = buildSpec(
      [
        { id: "in", type: "core/input" },
        { id: "loop", type: "core/loop", config: { maxIterations: 50, while: { operator: "lessThan", value: 100 } } },
        { id: "double", type: "test/double" },
        { id: "out", type: "core/output", config: { name: "value" } },
      ],
      ["in.out->loop.in", "loop.item->double.in", "double.out->loop.continue", "loop.done->out.in"],
    );
    const id = start(spec, 3);
    await runToIdle(runtime);
    expect(memory.runs.get(id)!.output).toEqual({ value: 192 });
    expect(memory.steps.filter((step) => step.nodeId === "double").map((step) => step.scope)).toEqual([[0], [1], [2], [3], [4], [5]]);
  });

  it("stops at maxIterations", async () => {
    const { memory, runtime, start } = createRuntimeHarness([createDoubler({ now: 0, max: 0 })]);
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "loop", type: "core/loop", config: { maxIterations: 3 } }, { id: "double", type: "test/double" }, { id: "out", type: "core/output", config: { name: "value" } }],
      ["in.out->loop.in", "loop.item->double.in", "double.out->loop.continue", "loop.done->out.in"],
    );
    const id = start(spec, 1);
    await runToIdle(runtime);
    expect(memory.runs.get(id)!.output).toEqual({ value: 8 });
  });

  it("runs a loop inside each map item with nested scopes", async () => {
    const { memory, runtime, start } = createRuntimeHarness([createDoubler({ now: 0, max: 0 })]);
    const spec = buildSpec(
      [
        { id: "in", type: "core/input" },
        { id: "map", type: "core/map", config: { concurrency: 3 } },
        { id: "loop", type: "core/loop", config: { maxIterations: 2 } },
        { id: "double", type: "test/double" },
        { id: "out", type: "core/output", config: { name: "values" } },
      ],
      ["in.out->map.in", "map.item->loop.in", "loop.item->double.in", "double.out->loop.continue", "loop.done->map.result", "map.results->out.in"],
    );
    const id = start(spec, [1, 10]);
    await runToIdle(runtime);
    expect(memory.runs.get(id)!.output).toEqual({ values: [4, 40] });
    expect(memory.steps.filter((step) => step.nodeId === "double").map((step) => step.scope).sort()).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
  });
});

describe("backpressure", () => {
  it("pauses a producer while the edge to its consumer holds `mailboxCapacity` messages, and reports edge depth", async () => {
    const { memory, runtime, start } = createRuntimeHarness([createDoubler({ now: 0, max: 0 })]);
    const spec = buildSpec(
      [
        { id: "in", type: "core/input" },
        { id: "map", type: "core/map", config: { concurrency: 100 } },
        { id: "fan", type: "core/template", config: { template: "{{input}}" } },
        { id: "double", type: "test/double" },
        { id: "out", type: "core/output" },
      ],
      ["in.out->map.in", "map.item->fan.in", "fan.out->double.in", "double.out->map.result", "map.results->out.in"],
      { mailboxCapacity: 3, concurrency: 50 },
    );
    const id = start(spec, Array.from({ length: 30 }, (_, i) => i));
    await runToIdle(runtime);
    expect(memory.runs.get(id)!.status).toBe("succeeded");
    const maxDepth = (edgeId: string) =>
      Math.max(0, ...memory.events.filter((event) => event.type === "edge.depth").map((event) => (event.payload as { depths: Record<string, number> }).depths[edgeId] ?? 0));
    // fan -> double (e2) never holds more than 3; meanwhile the queue in front of the paused producer (e1) grows.
    expect(maxDepth("e2")).toBe(3);
    expect(maxDepth("e1")).toBeGreaterThan(3);
    expect((memory.runs.get(id)!.output as { out: number[] }).out).toEqual(Array.from({ length: 30 }, (_, i) => i * 2));
  });
});

describe("Delay", () => {
  it("parks the run without a lease and resumes it when the delay is due", async () => {
    const { memory, runtime, start } = createRuntimeHarness();
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "wait", type: "core/delay", config: { ms: 150 } }, { id: "out", type: "core/output", config: { name: "after" } }],
      ["in.out->wait.in", "wait.out->out.in"],
    );
    const id = start(spec, "later");
    runtime.start();
    await expect.poll(() => memory.runs.get(id)!.status).toBe("waiting");
    expect(memory.runs.get(id)!.leaseOwner).toBeNull();
    expect(memory.runs.get(id)!.wakeAt).toBeGreaterThan(Date.now());
    await expect.poll(() => memory.runs.get(id)!.status, { timeout: 3_000 }).toBe("succeeded");
    await runtime.stop();
    expect(memory.runs.get(id)!.output).toEqual({ after: "later" });
  });
});

describe("stall detection", () => {
  it("fails a run whose join can never complete instead of reporting success", async () => {
    const silent: TNodeImplementation = {
      definition: { type: "test/silent", version: 1, title: "silent", category: "test", icon: "x", description: "", inputs: [{ id: "in", kind: "data" }], outputs: [{ id: "out", kind: "data" }], configSchema: {}, sideEffects: "pure" },
      async execute() {
        return { kind: "outputs", outputs: {}, emissions: [] };
      },
    };
    const { memory, runtime, start } = createRuntimeHarness([silent]);
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "quiet", type: "test/silent" }, { id: "join", type: "core/merge", label: "Join" }],
      ["in.out->quiet.in", "in.out->join.in", "quiet.out->join.in"],
    );
    const id = start(spec);
    await runToIdle(runtime);
    expect(memory.runs.get(id)!).toMatchObject({ status: "failed", error: { code: "RunStalled" } });
    expect((memory.runs.get(id)!.error as { message: string }).message).toContain('"Join"');
  });
});
