import { describe, expect, it } from "vitest";
import { compareRuns, type TCompareRun, type TCompareStep } from "./compare-runs";

const nodes = [
  { id: "question", label: "Question" },
  { id: "assistant", label: "Assistant" },
  { id: "yes", label: "Shipped" },
  { id: "no", label: "Stopped" },
];

function step(seq: number, nodeId: string, output: unknown, extra: Partial<TCompareStep> = {}): TCompareStep {
  return { seq, nodeId, status: "succeeded", output, usage: null, startedAt: new Date(seq * 1_000).toISOString(), finishedAt: new Date(seq * 1_000 + 100).toISOString(), ...extra };
}

function run(steps: TCompareStep[], usage: TCompareRun["usage"] = null, output: unknown = null): TCompareRun {
  return { nodes, output, startedAt: "1970-01-01T00:00:00.000Z", finishedAt: new Date(steps.length * 1_000 + 500).toISOString(), usage, steps };
}

describe("compareRuns", () => {
  it("diffs each node's output and sums tokens, cost and latency per node and in total", () => {
    const a = run([step(1, "question", { out: { question: "first" } }), step(2, "assistant", { out: { text: "One.", turns: 1 } }, { usage: { tokens: 100, costUsd: 0.01 } }), step(3, "yes", {})], { tokens: 100, costUsd: 0.01 });
    const b = run([step(1, "question", { out: { question: "first" } }), step(2, "assistant", { out: { text: "Two.", turns: 1 } }, { usage: { tokens: 140, costUsd: 0.02 }, finishedAt: new Date(2_400).toISOString() }), step(3, "yes", {})], { tokens: 140, costUsd: 0.02 });
    const comparison = compareRuns(a, b);

    expect(comparison.nodes.map((node) => [node.label, node.outputChanges.length, node.isPathDifferent])).toEqual([["Question", 0, false], ["Assistant", 1, false], ["Shipped", 0, false]]);
    const assistant = comparison.nodes[1]!;
    expect(assistant.outputChanges).toEqual([{ path: ["out", "text"], before: "One.", after: "Two." }]);
    expect(assistant.a).toMatchObject({ status: "succeeded", steps: 1, tokens: 100, costUsd: 0.01, latencyMs: 100 });
    expect(assistant.b).toMatchObject({ tokens: 140, costUsd: 0.02, latencyMs: 400 });
    expect(comparison.totals).toEqual({ a: { tokens: 100, costUsd: 0.01, durationMs: 3_500, steps: 3 }, b: { tokens: 140, costUsd: 0.02, durationMs: 3_500, steps: 3 } });
    expect(comparison.changedNodes).toBe(1);
    expect(comparison.outputChanges).toEqual([]);
  });

  it("diffs what the runs' Output nodes received", () => {
    const a = run([step(1, "yes", {})], null, { answer: { text: "One." } });
    const b = run([step(1, "yes", {})], null, { answer: { text: "Two." } });
    expect(compareRuns(a, b).outputChanges).toEqual([{ path: ["answer", "text"], before: "One.", after: "Two." }]);
  });

  it("shows the path each run took: nodes only one ran, and nodes that ended differently", () => {
    const a = run([step(1, "question", {}), step(2, "yes", { approved: true })]);
    const b = run([step(1, "question", {}), step(2, "no", { rejected: true }), step(3, "assistant", null, { status: "failed" })]);
    const comparison = compareRuns(a, b);
    expect(comparison.nodes.map((node) => [node.nodeId, node.a?.status ?? null, node.b?.status ?? null, node.isPathDifferent])).toEqual([
      ["question", "succeeded", "succeeded", false],
      ["yes", "succeeded", null, true],
      ["no", null, "succeeded", true],
      ["assistant", null, "failed", true],
    ]);
    expect(comparison.nodes[1]!.outputChanges).toEqual([{ path: [], before: { approved: true }, after: null }]);
    expect(comparison.totals.a).toMatchObject({ tokens: 0, costUsd: 0, steps: 2 });
  });

  it("lists a node's outputs per activation, and compares values too big to list as a whole", () => {
    const marker = (chars: number) => ({ $truncated: { chars, preview: "\"xxxx" } });
    const a = run([step(1, "question", { out: 1 }), step(2, "question", { out: 2 }), step(3, "assistant", { out: marker(20_000) })]);
    const b = run([step(1, "question", { out: 1 }), step(2, "question", { out: 3 }), step(3, "assistant", { out: marker(30_000) })]);
    const [question, assistant] = compareRuns(a, b).nodes;
    expect(question).toMatchObject({ a: { steps: 2, output: [{ out: 1 }, { out: 2 }] }, outputChanges: [{ path: [1, "out"], before: 2, after: 3 }] });
    expect(assistant).toMatchObject({ isOutputTruncated: true, outputChanges: [{ path: [] }] });
    expect(compareRuns(a, a).nodes[1]).toMatchObject({ isOutputTruncated: true, outputChanges: [] });
  });
});
