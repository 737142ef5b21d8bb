// Pure steps are group-committed (step-journal.ts): fewer writes per run, and a crash that loses deferred steps only
// makes them run again, each recorded once.
import { describe, expect, it } from "vitest";
import { createNodeImplementations } from "./node-implementation";
import { CORE_NODES } from "./nodes/core";
import { createRuntime } from "./runtime";
import type { TRunStore } from "./run-store";
import { buildSpec } from "./testing/build-spec";
import { createMemoryRunStore } from "./testing/memory-run-store";
import { createHangingNode, createLedgerNode } from "./testing/test-nodes";

const template = (id: string, text: string) => ({ id, type: "core/template", config: { template: `${text} {{input}}` } });

/** The store of a process that froze: from `freeze()` on, no call of it ever returns. */
function freezable(store: TRunStore) {
  let isFrozen = false;
  const wrapped = Object.fromEntries(
    Object.entries(store).map(([name, method]) => [name, (...args: unknown[]) => (isFrozen ? new Promise(() => undefined) : (method as (...a: unknown[]) => Promise<unknown>)(...args))]),
  ) as TRunStore;
  return { store: wrapped, freeze: () => void (isFrozen = true) };
}

describe("group commit of pure steps", () => {
  it("records a chain of pure nodes in at most two writes, its finish included, each step once and in order", async () => {
    const memory = createMemoryRunStore();
    let writes = 0;
    const store: TRunStore = {
      ...memory.store,
      commitSteps: (options) => (writes++, memory.store.commitSteps(options)),
      finishRun: (options) => (writes++, memory.store.finishRun(options)),
    };
    const runtime = createRuntime({ store, implementations: createNodeImplementations(CORE_NODES), pollMs: 5 });
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, template("a", "a"), template("b", "b"), template("c", "c"), { id: "out", type: "core/output", config: { name: "result" } }],
      ["in.out->a.in", "a.out->b.in", "b.out->c.in", "c.out->out.in"],
    );
    memory.addRun({ id: "chain", workspaceId: "w1", graphId: "g1", spec, settings: spec.settings, input: "x", recording: null });
    runtime.start();
    await expect.poll(() => memory.runs.get("chain")!.status).toBe("succeeded");
    await runtime.stop();
    expect(memory.runs.get("chain")!.output).toEqual({ result: "c b a x" });
    expect(memory.steps.map((step) => step.nodeId)).toEqual(["in", "a", "b", "c", "out"]);
    expect(writes).toBeLessThanOrEqual(2);
  });

  it("a process that freezes with pure steps unwritten: the next executor runs them again, records each once, same output", async () => {
    const memory = createMemoryRunStore();
    const ledger: string[] = [];
    const firstCompleted: string[] = [];
    const frozen = freezable(memory.store);
    const hang = createHangingNode(() => undefined);
    // The first executor freezes as "slow" starts: its start marker is saved, what completes after it is not.
    const first = createRuntime({
      store: frozen.store,
      implementations: createNodeImplementations([...CORE_NODES, { ...hang, execute: (context) => (frozen.freeze(), hang.execute(context)) }]),
      owner: "first",
      pollMs: 5,
      leaseMs: 100,
      onEvent: (event) => void (event.type === "node.completed" && firstCompleted.push(event.nodeId!)),
    });
    // in -> a -> b (pure) runs beside the effectful "slow" node; the first executor freezes while "slow" runs.
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, template("a", "a"), template("b", "b"), { id: "slow", type: "test/hang" }, { id: "out", type: "core/output", config: { name: "result" } }],
      ["in.out->a.in", "a.out->b.in", "in.out->slow.in", "b.out->out.in"],
    );
    memory.addRun({ id: "frozen", workspaceId: "w1", graphId: "g1", spec, settings: spec.settings, input: "x", recording: null });
    first.start();
    await expect.poll(() => firstCompleted).toContain("b");
    expect(memory.steps.map((step) => step.nodeId)).toEqual(["in"]);

    const second = createRuntime({
      store: memory.store,
      implementations: createNodeImplementations([...CORE_NODES, { ...createLedgerNode(ledger), definition: { ...createLedgerNode(ledger).definition, type: "test/hang" } }]),
      owner: "second",
      pollMs: 5,
    });
    second.start();
    await expect.poll(() => memory.runs.get("frozen")!.status, { timeout: 3_000 }).toBe("succeeded");
    await second.stop();
    expect(memory.runs.get("frozen")!.output).toEqual({ result: "b a x" });
    // Each node recorded once (the memory store refuses a step recorded twice), whatever the first executor wrote.
    expect(memory.steps.map((step) => step.nodeId).sort()).toEqual(["a", "b", "in", "out", "slow"]);
    expect(ledger).toEqual(["frozen:slow:top:0"]);
  });
});
