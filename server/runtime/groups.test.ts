import { describe, expect, it } from "vitest";
import { GROUP_NODE_TYPE } from "@/lib/graph/group-node";
import { compilePlan } from "./compile-plan";
import { createNodeImplementations } from "./node-implementation";
import { CORE_NODES } from "./nodes/core";
import { buildSpec } from "./testing/build-spec";
import { createRuntimeHarness, runToIdle } from "./testing/runtime-harness";

const grouped = buildSpec(
  [
    { id: "frame", type: GROUP_NODE_TYPE, label: "Greeting", config: { width: 600, height: 200 } },
    { id: "in", type: "core/input", group: "frame" },
    { id: "greet", type: "core/template", group: "frame", config: { template: "Hello {{input.name}}" } },
    { id: "out", type: "core/output", config: { name: "greeting" } },
  ],
  ["in.out->greet.in", "greet.out->out.in"],
);

describe("groups in a run", () => {
  it("leave the Group node out of the plan, so it never starts, and keep its members wired", () => {
    const plan = compilePlan(grouped, createNodeImplementations(CORE_NODES));
    expect([...plan.nodes.keys()]).toEqual(["in", "greet", "out"]);
    expect(plan.sourceIds).toEqual(["in"]);
  });

  it("run a grouped graph exactly like the same graph without the frame", async () => {
    const { memory, runtime, start } = createRuntimeHarness();
    const id = start(grouped, { name: "Ada" });
    await runToIdle(runtime);
    expect(memory.runs.get(id)!.status).toBe("succeeded");
    expect(memory.runs.get(id)!.output).toEqual({ greeting: "Hello Ada" });
    expect(memory.steps.map((step) => step.nodeId)).not.toContain("frame");
  });
});
