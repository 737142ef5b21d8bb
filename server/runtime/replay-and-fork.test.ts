import { describe, expect, it } from "vitest";
import type { TNodeImplementation } from "./node-implementation";
import { buildSpec } from "./testing/build-spec";
import { createRuntimeHarness, runToIdle } from "./testing/runtime-harness";
import { createLedgerNode } from "./testing/test-nodes";

/** Pure, but observes time and randomness through its context, so replay must serve the recorded values. */
const stampNode: TNodeImplementation = {
  definition: { type: "test/stamp", version: 1, title: "stamp", category: "test", icon: "x", description: "", inputs: [{ id: "in", kind: "data" }], outputs: [{ id: "out", kind: "data" }], configSchema: {}, sideEffects: "pure" },
  async execute(context) {
    return { kind: "outputs", outputs: { out: { value: context.inputs.in, at: context.now(), dice: context.random() } } };
  },
};

const spec = buildSpec(
  [
    { id: "in", type: "core/input" },
    { id: "fetch", type: "test/ledger" },
    { id: "stamp", type: "test/stamp" },
    { id: "shape", type: "core/template", config: { template: "{{input.value}} at {{input.at}}" } },
    { id: "send", type: "test/ledger" },
    { id: "out", type: "core/output", config: { name: "message" } },
  ],
  ["in.out->fetch.in", "fetch.out->stamp.in", "stamp.out->shape.in", "shape.out->send.in", "send.out->out.in"],
);

describe("replay", () => {
  it("reproduces the outputs with zero calls to effectful nodes, serving recorded time", async () => {
    const ledger: string[] = [];
    let clock = 1_000;
    const { memory, runtime, start } = createRuntimeHarness([createLedgerNode(ledger), stampNode], () => clock++);
    const original = start(spec, "hello");
    await runToIdle(runtime);
    const executed = [...ledger];
    expect(executed).toHaveLength(2);

    clock = 9_000_000;
    const again = createRuntimeHarness([createLedgerNode(ledger), stampNode], () => clock++);
    again.memory.steps.push(...memory.steps);
    const replay = again.start(spec, "hello", again.memory.recordingOf(original, "replay"));
    await runToIdle(again.runtime);

    expect(ledger).toEqual(executed);
    expect(again.memory.runs.get(replay)!).toMatchObject({ status: "succeeded", output: memory.runs.get(original)!.output });
    const stampOf = (steps: typeof memory.steps, runId: string) => steps.find((step) => step.runId === runId && step.nodeId === "stamp")!.output;
    expect(stampOf(again.memory.steps, replay)).toEqual(stampOf(memory.steps, original));
  });
});

describe("fork", () => {
  it("starts from a step with an edited input: upstream outputs are reused, only downstream runs", async () => {
    const ledger: string[] = [];
    const { memory, runtime, start } = createRuntimeHarness([createLedgerNode(ledger), stampNode]);
    const original = start(spec, "hello");
    await runToIdle(runtime);
    const shapeStep = memory.steps.find((step) => step.runId === original && step.nodeId === "shape")!;
    ledger.length = 0;

    const again = createRuntimeHarness([createLedgerNode(ledger), stampNode]);
    again.memory.steps.push(...memory.steps);
    const fork = again.start(spec, "hello", again.memory.recordingOf(original, "fork", { seq: shapeStep.seq, input: { in: { value: "edited", at: 42 } } }));
    await runToIdle(again.runtime);

    expect(again.memory.runs.get(fork)!).toMatchObject({ status: "succeeded", output: { message: "edited at 42" } });
    expect(ledger).toEqual([`${fork}:send:top:0`]);
    const fetched = again.memory.steps.find((step) => step.runId === fork && step.nodeId === "fetch")!;
    expect(fetched.output).toEqual(memory.steps.find((step) => step.runId === original && step.nodeId === "fetch")!.output);
  });
});
