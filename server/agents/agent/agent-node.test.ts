import { describe, expect, it } from "vitest";
import type { TNodeImplementation } from "../../runtime/node-implementation";
import { buildSpec } from "../../runtime/testing/build-spec";
import { createRuntimeHarness, runToIdle } from "../../runtime/testing/runtime-harness";
import { createMemoryNode } from "../memory/memory-node";
import { scriptedModelNode } from "../providers/scripted-model";
import { createInMemoryMemoryStore } from "../testing/memory-memory-store";
import { GRAPH_TEMPLATES } from "@/lib/graph/templates";
import { agentNode } from "./agent-node";

/** A tool node that adds two numbers and counts its calls. */
function createAdderTool(calls: unknown[]): TNodeImplementation {
  return {
    definition: { type: "test/adder", version: 1, title: "adder", category: "test", icon: "x", description: "", inputs: [], outputs: [{ id: "tool", kind: "tool" }], configSchema: {}, sideEffects: "effectful" },
    execute: () => Promise.reject(new Error("attached only")),
    attachment: {
      tools: {
        list: async () => [{ name: "add", description: "Adds a and b", inputSchema: { type: "object", properties: { a: { type: "number" }, b: { type: "number" } } } }],
        call: async (_context, _name, args) => {
          calls.push(args);
          const { a, b } = args as { a: number; b: number };
          return { output: { sum: a + b } };
        },
      },
    },
  };
}

const ADD_THEN_ANSWER = [{ content: "Let me add.", toolCalls: [{ name: "add", arguments: { a: 2, b: 3 } }] }, { content: "The sum is {{toolResults.0.sum}}." }];

function harness(extra: TNodeImplementation[] = []) {
  const store = createInMemoryMemoryStore();
  return { ...createRuntimeHarness([agentNode, scriptedModelNode, createMemoryNode(store), ...extra]), store };
}

describe("Agent", () => {
  it("calls the model, runs the tool it asks for, answers, and records every call in its step", async () => {
    const calls: unknown[] = [];
    const { memory, runtime, start } = harness([createAdderTool(calls)]);
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "agent", type: "core/agent" }, { id: "model", type: "core/scripted-model", config: { turns: ADD_THEN_ANSWER } }, { id: "adder", type: "test/adder" }, { id: "out", type: "core/output", config: { name: "answer" } }],
      ["in.out->agent.in", "model.model->agent.model", "adder.tool->agent.tools", "agent.out->out.in"],
    );
    const id = start(spec, "what is 2 + 3?");
    await runToIdle(runtime);
    const run = memory.runs.get(id)!;
    expect(run).toMatchObject({ status: "succeeded", output: { answer: { text: "The sum is 5.", turns: 2, stopReason: "answered", toolCalls: [{ tool: "add", ok: true }] } } });
    expect(calls).toEqual([{ a: 2, b: 3 }]);
    const step = memory.steps.find((candidate) => candidate.nodeId === "agent")!;
    expect(step.effects.calls!.map((call) => `${call.kind}:${call.nodeId}:${call.operation}`)).toEqual(["model:model:complete", "tool:adder:add", "model:model:complete"]);
    expect(step.usage!.tokens).toBeGreaterThan(0);
    const events = memory.events.filter((event) => event.runId === id);
    const tokens = events.filter((event) => event.type === "node.output_chunk" && event.nodeId === "agent").map((event) => (event.payload as { chunk: string }).chunk);
    expect(tokens.join("")).toBe("Let me add.The sum is 5.");
    expect(events.filter((event) => event.nodeId === "adder").map((event) => event.type)).toEqual(["node.created", "node.activated", "node.call_started", "node.call_finished", "node.retired"]);
  });

  it("replay serves the agent from its record: no model or tool call, same output", async () => {
    const calls: unknown[] = [];
    const first = harness([createAdderTool(calls)]);
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "agent", type: "core/agent" }, { id: "model", type: "core/scripted-model", config: { turns: ADD_THEN_ANSWER } }, { id: "adder", type: "test/adder" }, { id: "out", type: "core/output" }],
      ["in.out->agent.in", "model.model->agent.model", "adder.tool->agent.tools", "agent.out->out.in"],
    );
    const sourceId = first.start(spec, "2 + 3?");
    await runToIdle(first.runtime);
    const replay = first.start(spec, "2 + 3?", first.memory.recordingOf(sourceId, "replay"));
    await runToIdle(first.runtime);
    expect(calls).toHaveLength(1);
    expect(first.memory.runs.get(replay)!.output).toEqual(first.memory.runs.get(sourceId)!.output);
  });

  it("delegates to an agent wired as its tool; the helper's lifecycle shows in events", async () => {
    const { memory, runtime, start } = harness();
    const spec = buildSpec(
      [
        { id: "in", type: "core/input" },
        { id: "boss", type: "core/agent" },
        { id: "bossModel", type: "core/scripted-model", config: { turns: [{ toolCalls: [{ name: "researcher", arguments: { task: "find the capital of France" } }] }, { content: "Done: {{toolResults.0}}" }] } },
        { id: "helper", type: "core/agent", config: { toolName: "researcher" } },
        { id: "helperModel", type: "core/scripted-model", config: { turns: [{ content: "Paris" }] } },
        { id: "out", type: "core/output" },
      ],
      ["in.out->boss.in", "bossModel.model->boss.model", "helper.asTool->boss.tools", "helperModel.model->helper.model", "boss.out->out.in"],
    );
    const id = start(spec, "capital?");
    await runToIdle(runtime);
    expect(memory.runs.get(id)!).toMatchObject({ status: "succeeded", output: { out: { text: "Done: Paris" } } });
    const helperEvents = memory.events.filter((event) => event.runId === id && event.nodeId === "helper").map((event) => event.type);
    expect(helperEvents).toEqual(expect.arrayContaining(["node.created", "node.activated", "node.output_chunk", "node.retired"]));
    const helperModelCalls = memory.events.filter((event) => event.runId === id && event.nodeId === "helperModel" && event.type === "node.call_finished");
    expect(helperModelCalls).toHaveLength(1);
  });

  it("offers only the tools wired to it, whatever a tool result asks for", async () => {
    const calls: unknown[] = [];
    const { memory, runtime, start } = harness([createAdderTool(calls)]);
    const turns = [{ toolCalls: [{ name: "http_request", arguments: { url: "http://canary.invalid/?secrets" } }] }, { content: "I cannot." }];
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "agent", type: "core/agent" }, { id: "model", type: "core/scripted-model", config: { turns } }, { id: "adder", type: "test/adder" }, { id: "out", type: "core/output" }],
      ["in.out->agent.in", "model.model->agent.model", "adder.tool->agent.tools", "agent.out->out.in"],
    );
    const id = start(spec, "hi");
    await runToIdle(runtime);
    expect(memory.runs.get(id)!).toMatchObject({ status: "succeeded", output: { out: { text: "I cannot.", toolCalls: [{ tool: "http_request", ok: false }] } } });
    const step = memory.steps.find((candidate) => candidate.nodeId === "agent")!;
    expect(step.effects.calls!.filter((call) => call.kind === "tool")).toHaveLength(0);
  });

  it("remembers the conversation per session key through a Memory node, within its window", async () => {
    const { memory, runtime, start, store } = harness();
    const spec = buildSpec(
      [
        { id: "in", type: "core/input" },
        { id: "agent", type: "core/agent", config: { sessionKey: "{{input.user}}", prompt: "{{input.text}}" } },
        { id: "model", type: "core/scripted-model", config: { turns: [{ content: "You said: {{input}}" }] } },
        { id: "mem", type: "core/memory", config: { window: 4 } },
        { id: "out", type: "core/output" },
      ],
      ["in.out->agent.in", "model.model->agent.model", "mem.memory->agent.memory", "agent.out->out.in"],
    );
    for (const text of ["one", "two", "three"]) start(spec, { user: "ada", text });
    start(spec, { user: "bob", text: "hello" });
    await runToIdle(runtime);
    expect([...memory.runs.values()].every((run) => run.status === "succeeded")).toBe(true);
    const ada = store.sessions.get("mem/ada")!;
    expect(ada).toHaveLength(4);
    expect(store.sessions.get("mem/bob")!.map((message) => message.content)).toEqual(["hello", "You said: hello"]);
  });

  it("stops with the reason when its token budget is used up", async () => {
    const { memory, runtime, start } = harness([createAdderTool([])]);
    const turns = Array.from({ length: 10 }, () => ({ content: "again", toolCalls: [{ name: "add", arguments: { a: 1, b: 1 } }] }));
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "agent", type: "core/agent", config: { tokenBudget: 100, maxTurns: 10 } }, { id: "model", type: "core/scripted-model", config: { turns } }, { id: "adder", type: "test/adder" }, { id: "out", type: "core/output" }],
      ["in.out->agent.in", "model.model->agent.model", "adder.tool->agent.tools", "agent.out->out.in"],
    );
    const id = start(spec, "loop forever");
    await runToIdle(runtime);
    expect(memory.runs.get(id)!).toMatchObject({ status: "failed", error: { message: expect.stringMatching(/used \d+ tokens; its budget is 100/) } });
  });

  it("runs the multi-agent template: the coordinator answers with what its writer wrote from the researcher's facts", async () => {
    const { memory, runtime, start } = harness();
    const id = start(GRAPH_TEMPLATES.find((template) => template.id === "multi-agent")!.spec, "octopuses");
    await runToIdle(runtime);
    expect(memory.runs.get(id)!).toMatchObject({ status: "succeeded", output: { text: { text: "A paragraph built from: Write a short paragraph from these facts: Fact one. Fact two. Fact three." } } });
  });

  it("fails clearly without a model", async () => {
    const { memory, runtime, start } = harness();
    const spec = buildSpec([{ id: "in", type: "core/input" }, { id: "agent", type: "core/agent" }], ["in.out->agent.in"]);
    const id = start(spec, "hi");
    await runToIdle(runtime);
    expect(memory.runs.get(id)!).toMatchObject({ status: "failed", error: { message: expect.stringContaining("has no model") } });
  });
});
