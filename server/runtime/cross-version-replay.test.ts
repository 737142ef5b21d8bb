import { describe, expect, it } from "vitest";
import type { TGraphSpec } from "@/lib/graph";
import type { TRecording } from "./run-store";
import { buildSpec } from "./testing/build-spec";
import { createRuntimeHarness, runToIdle } from "./testing/runtime-harness";
import { createLedgerNode } from "./testing/test-nodes";

/** input -> fetch (effectful) -> shape (pure template) -> send (effectful) -> output; versions differ in the template. */
const specWith = (template: string): TGraphSpec =>
  buildSpec(
    [
      { id: "in", type: "core/input" },
      { id: "fetch", type: "test/ledger" },
      { id: "shape", type: "core/template", config: { template } },
      { id: "send", type: "test/ledger", label: "Send" },
      { id: "out", type: "core/output", config: { name: "message" } },
    ],
    ["in.out->fetch.in", "fetch.out->shape.in", "shape.out->send.in", "send.out->out.in"],
  );
const blue = specWith("Hello {{input}}");
const green = specWith("Hi {{input}}");

async function replayThroughGreen(allowsLiveCalls: boolean) {
  const ledger: string[] = [];
  const original = createRuntimeHarness([createLedgerNode(ledger)]);
  const source = original.start(blue, "Ada");
  await runToIdle(original.runtime);
  expect(ledger).toHaveLength(2);
  ledger.length = 0;

  const again = createRuntimeHarness([createLedgerNode(ledger)]);
  again.memory.steps.push(...original.memory.steps);
  const recorded = original.memory.steps.filter((step) => step.runId === source);
  const recording: TRecording = {
    ...again.memory.recordingOf(source, "replay"),
    steps: Object.fromEntries(recorded.map((step) => [step.key, { status: step.status, output: step.output, error: step.error, effects: step.effects, input: step.input }])),
    crossVersion: { sourceSpec: blue, allowsLiveCalls },
  };
  const replay = again.start(green, "Ada", recording);
  await runToIdle(again.runtime);
  return { ledger, run: again.memory.runs.get(replay)!, steps: again.memory.steps.filter((step) => step.runId === replay) };
}

describe("a replay through another version", () => {
  it("serves the unchanged effectful step, runs the changed pure one, and refuses the step whose input changed", async () => {
    const { ledger, run, steps } = await replayThroughGreen(false);
    expect(ledger).toEqual([]);
    expect(steps.find((step) => step.nodeId === "shape")?.output).toEqual({ out: "Hi Ada" });
    expect(run).toMatchObject({ status: "failed", error: { message: 'Node "Send" failed: "Send" gets another input than in the source run: replaying it needs a live call, and this replay may not make live calls' } });
  });

  it("runs the changed step live when live calls are allowed, and still serves the unchanged one from the record", async () => {
    const { ledger, run } = await replayThroughGreen(true);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatch(/:send:/);
    expect(run).toMatchObject({ status: "succeeded", output: { message: "Hi Ada" } });
  });
});
