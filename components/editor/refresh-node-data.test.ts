import { describe, expect, it } from "vitest";
import { createNodeTypeRegistry } from "@/lib/graph";
import { CORE_NODE_DEFINITIONS } from "@/server/runtime/nodes/core";
import { createSimpleGraphSpec } from "@/server/testing/simple-graph-spec";
import { importConfigToGraph, OPENCLAW_CONFIG_NODE_TYPES } from "@/lib/openclaw-config";
import { refreshNodeData } from "./refresh-node-data";
import { specToFlow } from "./spec-to-flow";

const registry = createNodeTypeRegistry(CORE_NODE_DEFINITIONS);
const noMarks = { problemCounts: new Map<string, number>(), diffStatusOf: () => undefined };

describe("refreshNodeData", () => {
  it("keeps the very same nodes when nothing they draw changed, so React Flow re-renders none", () => {
    const spec = createSimpleGraphSpec();
    const { nodes } = specToFlow(spec, registry);
    expect(refreshNodeData(nodes, spec, registry, noMarks)).toBe(nodes);
  });

  it("replaces only the nodes whose badge, mark or label changed", () => {
    const spec = createSimpleGraphSpec();
    const { nodes } = specToFlow(spec, registry);
    const relabelled = { ...spec, nodes: spec.nodes.map((node) => (node.id === "answer" ? { ...node, label: "Reply" } : node)) };
    const next = refreshNodeData(nodes, relabelled, registry, { problemCounts: new Map([["prompt", 2]]), diffStatusOf: (id) => (id === "question" ? "moved" : undefined) });
    expect(next.map((node, index) => node === nodes[index])).toEqual([false, false, false]);
    expect(next.map((node) => [node.data.label, node.data.problemCount, node.data.diffStatus])).toEqual([["Question", 0, "moved"], ["Build prompt", 2, undefined], ["Reply", 0, undefined]]);
    expect(refreshNodeData(next, relabelled, registry, noMarks).filter((node, index) => node !== next[index]).map((node) => node.id)).toEqual(["question", "prompt"]);
  });

  it("refreshes an openclaw.json node whose settings changed, and keeps it when they did not", () => {
    const spec = importConfigToGraph({ agents: { entries: { main: { model: "a/one" }, work: { model: "a/two" } } } }).spec;
    const openClawRegistry = createNodeTypeRegistry(OPENCLAW_CONFIG_NODE_TYPES);
    const { nodes } = specToFlow(spec, openClawRegistry);
    expect(refreshNodeData(nodes, structuredClone(spec), openClawRegistry, noMarks)).toBe(nodes);
    const changed = structuredClone(spec);
    changed.nodes[0]!.config.entry = { model: "a/three" };
    const next = refreshNodeData(nodes, changed, openClawRegistry, noMarks);
    expect(next.map((node, index) => node === nodes[index])).toEqual([false, true, true]);
    expect((next[0]!.data as { summary: string[] }).summary[0]).toBe("model a/three");
  });
});
