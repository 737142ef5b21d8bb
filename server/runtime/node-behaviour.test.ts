import { describe, expect, it } from "vitest";
import { buildSpec } from "./testing/build-spec";
import { describeNodeBehaviour } from "./node-behaviour";

const ports = (type: string) => (type === "core/agent" ? ["model", "tools"] : []);
const agentSpec = (options: { prompt?: string; model?: string; label?: string; x?: number } = {}) =>
  buildSpec(
    [
      { id: "in", type: "core/input" },
      { id: "agent", type: "core/agent", label: options.label ?? "", config: { systemPrompt: options.prompt ?? "Be kind." }, position: { x: options.x ?? 0, y: 0 } },
      { id: "model", type: "core/openai-model", config: { model: options.model ?? "gpt-4o-mini" } },
      { id: "out", type: "core/output" },
    ],
    ["in.out->agent.in", "model.model->agent.model", "agent.out->out.in"],
  );

describe("describeNodeBehaviour", () => {
  it("ignores what only the editor shows: label and position", () => {
    expect(describeNodeBehaviour(agentSpec({ label: "Helper", x: 400 }), "agent", ports)).toBe(describeNodeBehaviour(agentSpec(), "agent", ports));
  });

  it("tells a changed config, a changed attached model and a missing node apart from the original", () => {
    const original = describeNodeBehaviour(agentSpec(), "agent", ports);
    expect(describeNodeBehaviour(agentSpec({ prompt: "Be brief." }), "agent", ports)).not.toBe(original);
    expect(describeNodeBehaviour(agentSpec({ model: "gpt-4o" }), "agent", ports)).not.toBe(original);
    expect(describeNodeBehaviour(agentSpec(), "missing", ports)).toBeNull();
    // The output node is the same in both: a change of the agent is not its change.
    expect(describeNodeBehaviour(agentSpec({ prompt: "Be brief." }), "out", ports)).toBe(describeNodeBehaviour(agentSpec(), "out", ports));
  });
});
