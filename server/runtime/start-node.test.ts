import { describe, expect, it } from "vitest";
import { buildSpec } from "./testing/build-spec";
import { createRuntimeHarness, runToIdle } from "./testing/runtime-harness";

const SPEC = buildSpec(
  [
    { id: "hook", type: "core/webhook" },
    { id: "tick", type: "core/schedule", config: { cron: "0 * * * *" } },
    { id: "typed", type: "core/input" },
    { id: "fromHook", type: "core/output", config: { name: "hook" } },
    { id: "fromTick", type: "core/output", config: { name: "tick" } },
    { id: "fromInput", type: "core/output", config: { name: "input" } },
  ],
  ["hook.out->fromHook.in", "tick.out->fromTick.in", "typed.out->fromInput.in"],
);

describe("a run started by a trigger", () => {
  it("starts at that trigger only; a run started by hand starts every entry point", async () => {
    const { memory, runtime, start } = createRuntimeHarness();
    memory.addRun({ id: "by-hook", workspaceId: "w1", graphId: "g1", spec: SPEC, settings: {}, input: { body: 1 }, startNodeId: "hook" });
    const manual = start(SPEC, { typed: true });
    await runToIdle(runtime);
    expect(memory.runs.get("by-hook")!.output).toEqual({ hook: { body: 1 } });
    expect(Object.keys(memory.runs.get(manual)!.output as object).sort()).toEqual(["hook", "input", "tick"]);
  });
});
