// The engine against a model of itself: random graphs (branches, joins, Merge, Map, Loop, Approval, optional inputs,
// skips) run on the real runtime with counting nodes; activations, executions and outputs must equal the reference
// interpreter's. fast-check prints the seed and the shrunk graph of a failure; PROPERTY_RUNS raises the count.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveWait } from "./frontier/frontier";
import { createCountingNodes, type TLedgerEntry } from "./testing/reference/counting-nodes";
import { graphArbitrary } from "./testing/reference/graph-arbitrary";
import { toGraphSpec, type TRefNode, type TRegion } from "./testing/reference/reference-graph";
import { interpretGraph } from "./testing/reference/reference-interpreter";
import { createRuntimeHarness } from "./testing/runtime-harness";

const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 500);

describe("the activation rule, against the reference interpreter", () => {
  it(`agrees on ${NUM_RUNS} generated graphs`, { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(graphArbitrary, fc.integer({ min: -50, max: 1200 }), async (graph, runInput) => {
        const expected = interpretGraph(graph, runInput);
        const actual = await runOnEngine(graph, runInput);
        expect(actual.status).toBe("succeeded");
        expect(sorted(actual.activations)).toEqual(sorted(expected.activations.map(({ nodeId, scope, status }) => `${nodeId}@${scope}:${status}`)));
        const counted = new Set(["step", "join", "mixed", "opt", "list"]);
        const kinds = kindsById(graph);
        const executions = expected.activations.filter((activation) => activation.status === "ran" && counted.has(kinds.get(activation.nodeId)!));
        expect(sorted(actual.ledger.map(({ nodeId, scope }) => `${nodeId}@${scope}`))).toEqual(sorted(executions.map(({ nodeId, scope }) => `${nodeId}@${scope}`)));
        expect(actual.output).toEqual(expected.outputs);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

/** Runs the graph to its end, deciding every approval it parks at as the graph says. */
async function runOnEngine(graph: TRegion, runInput: number) {
  const ledger: TLedgerEntry[] = [];
  const { memory, runtime, start } = createRuntimeHarness(createCountingNodes(ledger));
  const kinds = nodesById(graph);
  const id = start(toGraphSpec(graph), runInput);
  runtime.start();
  try {
    for (let round = 0; round < 100; round++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await runtime.whenIdle();
      const run = memory.runs.get(id)!;
      if (run.status === "succeeded" || run.status === "failed" || run.status === "cancelled") break;
      if (run.status !== "waiting") continue;
      for (const waiting of run.frontier!.waiting) {
        const decision = kinds.get(waiting.nodeId)!.decision!;
        run.frontier = resolveWait(run.frontier!, waiting.nodeId, "approval", { kind: decision, comment: "", by: "tester" })!;
      }
      run.status = "queued";
      runtime.wake();
    }
  } finally {
    await runtime.stop();
  }
  const run = memory.runs.get(id)!;
  const statusName = (status: string) => (status === "succeeded" ? "ran" : status);
  const activations = memory.steps.filter((step) => step.runId === id).map((step) => `${step.nodeId}@${step.scope.join(".")}:${statusName(step.status)}`);
  return { status: run.status, error: run.error, output: run.output, activations, ledger };
}

function nodesById(region: TRegion, into = new Map<string, TRefNode>()): Map<string, TRefNode> {
  for (const node of region.nodes) {
    into.set(node.id, node);
    if (node.body) nodesById(node.body, into);
  }
  return into;
}

function kindsById(region: TRegion): Map<string, string> {
  return new Map([...nodesById(region)].map(([id, node]) => [id, node.kind]));
}

function sorted(list: string[]): string[] {
  return [...list].sort();
}
