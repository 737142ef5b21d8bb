import { describe, expect, it } from "vitest";
import { resolveWait } from "./frontier/frontier";
import { createNodeImplementations, type TNodeImplementation } from "./node-implementation";
import { CORE_NODES } from "./nodes/core";
import { createRuntime } from "./runtime";
import { buildSpec } from "./testing/build-spec";
import { createMemoryRunStore } from "./testing/memory-run-store";
import { createRuntimeHarness, runToIdle } from "./testing/runtime-harness";
import { createFlakyNode, createHangingNode, createLedgerNode } from "./testing/test-nodes";

const setup = createRuntimeHarness;

const branching = buildSpec(
  [
    { id: "in", type: "core/input" },
    { id: "check", type: "core/branch", config: { path: "amount", operator: "greaterThan", value: 100 } },
    { id: "big", type: "core/template", config: { template: "big {{input.amount}}" } },
    { id: "small", type: "core/template", config: { template: "small {{input.amount}}" } },
    { id: "after-big", type: "core/template", config: { template: "after {{input}}" } },
    { id: "merge", type: "core/merge", config: { mode: "all" } },
    { id: "out", type: "core/output", config: { name: "result" } },
  ],
  ["in.out->check.in", "check.true->big.in", "check.false->small.in", "big.out->after-big.in", "after-big.out->merge.in", "small.out->merge.in", "merge.out->out.in"],
);

describe("runtime", () => {
  it("runs a branching graph: the branch not taken is skipped and the merge still completes", async () => {
    const { memory, runtime, start } = setup();
    const id = start(branching, { amount: 250 });
    await runToIdle(runtime);

    const run = memory.runs.get(id)!;
    expect(run.status).toBe("succeeded");
    expect(run.output).toEqual({ result: ["after big 250"] });
    const statusOf = (nodeId: string) => memory.steps.find((step) => step.nodeId === nodeId)?.status;
    expect(statusOf("small")).toBe("skipped");
    expect(statusOf("big")).toBe("succeeded");
    expect(new Set(memory.steps.map((step) => step.seq)).size).toBe(memory.steps.length);

    const types = memory.events.filter((event) => event.runId === id).map((event) => event.type);
    expect(types[0]).toBe("run.started");
    expect(types.at(-1)).toBe("run.completed");
    expect(memory.events.map((event) => event.seq)).toEqual(memory.events.map((_, index) => index + 1));

    const lifecycle = (type: string) => memory.events.filter((event) => event.type === type).map((event) => event.nodeId).sort();
    expect(lifecycle("node.created")).toEqual(["after-big", "big", "check", "in", "merge", "out", "small"]);
    expect(lifecycle("node.retired")).toEqual(lifecycle("node.created"));
    const lastCreated = Math.max(...memory.events.filter((event) => event.type === "node.created").map((event) => event.seq));
    expect(Math.min(...memory.events.filter((event) => event.type === "node.retired").map((event) => event.seq))).toBeGreaterThan(lastCreated);
  });

  it("takes the other path for another input", async () => {
    const { memory, runtime, start } = setup();
    const id = start(branching, { amount: 5 });
    await runToIdle(runtime);
    expect(memory.runs.get(id)!.output).toEqual({ result: ["small 5"] });
  });

  it("retries a failing node with exponential backoff, then succeeds", async () => {
    const attempts: number[] = [];
    const { memory, runtime, start, sleeps } = setup([createFlakyNode(attempts)]);
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "flaky", type: "test/flaky", config: { failures: 2 }, retry: { attempts: 3, backoffMs: 100, maxBackoffMs: 10_000 } }, { id: "out", type: "core/output" }],
      ["in.out->flaky.in", "flaky.out->out.in"],
    );
    const id = start(spec, "hello");
    await runToIdle(runtime);
    expect(memory.runs.get(id)!.status).toBe("succeeded");
    expect(attempts).toEqual([1, 2, 3]);
    expect(sleeps).toEqual([75, 150]);
    expect(memory.steps.find((step) => step.nodeId === "flaky")!.attempt).toBe(3);
    expect(memory.events.filter((event) => event.type === "node.retrying")).toHaveLength(2);
  });

  it("fails the run with the node named when retries run out or the error is not retriable", async () => {
    const attempts: number[] = [];
    const { memory, runtime, start } = setup([createFlakyNode(attempts)]);
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "flaky", type: "test/flaky", label: "Charge card", config: { isFatal: true }, retry: { attempts: 5, backoffMs: 1, maxBackoffMs: 1 } }],
      ["in.out->flaky.in"],
    );
    const id = start(spec);
    await runToIdle(runtime);
    const run = memory.runs.get(id)!;
    expect(run.status).toBe("failed");
    expect(run.error).toMatchObject({ nodeId: "flaky", message: 'Node "Charge card" failed: fatal' });
    expect(attempts).toEqual([1]);
  });

  it("stops a run at max steps with the reason recorded", async () => {
    const { memory, runtime, start } = setup();
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "a", type: "core/template", config: { template: "a" } }, { id: "b", type: "core/template", config: { template: "b" } }],
      ["in.out->a.in", "a.out->b.in"],
      { maxSteps: 2 },
    );
    const id = start(spec);
    await runToIdle(runtime);
    expect(memory.runs.get(id)!).toMatchObject({ status: "failed", error: { code: "MaxStepsExceeded", message: "The run reached its limit of 2 steps" } });
  });

  it("cancel reaches a running node through its AbortSignal", async () => {
    const reasons: unknown[] = [];
    const { memory, runtime, start } = setup([createHangingNode((reason) => reasons.push(reason))]);
    const id = start(buildSpec([{ id: "in", type: "core/input" }, { id: "hang", type: "test/hang" }], ["in.out->hang.in"]));
    runtime.start();
    await expect.poll(() => memory.events.some((event) => event.type === "node.started" && event.nodeId === "hang")).toBe(true);
    expect(runtime.cancelLocally(id)).toBe(true);
    await runtime.whenIdle();
    await runtime.stop();
    expect(reasons).toHaveLength(1);
    expect(memory.runs.get(id)!.status).toBe("cancelled");
  });

  it("parks at an approval without holding a lease, and resumes on approve", async () => {
    const { memory, runtime, start } = setup();
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "ok", type: "core/approval", config: { prompt: "Ship it?" } }, { id: "yes", type: "core/output", config: { name: "approved" } }, { id: "no", type: "core/output", config: { name: "rejected" } }],
      ["in.out->ok.in", "ok.approved->yes.in", "ok.rejected->no.in"],
    );
    const id = start(spec, { order: 7 });
    await runToIdle(runtime);
    const parked = memory.runs.get(id)!;
    expect(parked).toMatchObject({ status: "waiting", leaseOwner: null });
    expect(parked.frontier!.waiting).toMatchObject([{ nodeId: "ok", wait: { kind: "approval", prompt: "Ship it?" } }]);

    parked.frontier = resolveWait(parked.frontier!, "ok", "approval", { kind: "approved", comment: "fine", by: "u1" })!;
    parked.status = "queued";
    const again = setup();
    again.memory.runs.set(id, parked);
    await runToIdle(again.runtime);
    expect(again.memory.runs.get(id)!).toMatchObject({ status: "succeeded", output: { approved: { input: { order: 7 }, comment: "fine", by: "u1" } } });
  });

  it("resumes a run whose executor stopped mid-run without executing a recorded step twice", async () => {
    const ledger: string[] = [];
    const first = setup([createLedgerNode(ledger), createHangingNode(() => undefined)]);
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "a", type: "test/ledger" }, { id: "hang", type: "test/hang" }, { id: "b", type: "test/ledger" }],
      ["in.out->a.in", "in.out->hang.in", "a.out->b.in"],
    );
    const id = first.start(spec, 1);
    first.runtime.start();
    await expect.poll(() => ledger.length).toBe(2);
    await first.runtime.stop();
    expect(first.memory.runs.get(id)!.leaseOwner).toBeNull();

    const second = setup([createLedgerNode(ledger), { ...createLedgerNode(ledger), definition: { ...createLedgerNode(ledger).definition, type: "test/hang" } }]);
    second.memory.runs.set(id, first.memory.runs.get(id)!);
    second.memory.steps.push(...first.memory.steps);
    await runToIdle(second.runtime);
    expect(second.memory.runs.get(id)!.status).toBe("succeeded");
    expect(ledger).toEqual([`${id}:a:top:0`, `${id}:b:top:0`, `${id}:hang:top:0`]);

    // The interrupted step ran again as attempt 2, and its record keeps the attempt that was lost.
    const hang = second.memory.steps.find((step) => step.nodeId === "hang")!;
    expect(hang.attempt).toBe(2);
    expect(hang.effects.previousAttempts).toEqual([{ attempt: 1, startedAt: expect.any(Number), owner: expect.stringMatching(/^executor-/) }]);
    expect(hang.effects.previousAttempts![0]!.startedAt).toBeLessThanOrEqual(hang.startedAt.getTime());
    expect(second.memory.steps.filter((step) => step.nodeId !== "hang").map((step) => step.attempt)).toEqual([1, 1, 1]);
    const log = second.memory.events.find((event) => event.type === "node.log" && event.nodeId === "hang");
    expect(log?.payload).toMatchObject({ level: "warn", message: expect.stringMatching(/^Re-executed after takeover as attempt 2: attempt 1, started .* by executor-.*, was interrupted$/) });
  });

  it("saves a start marker before each effectful activation, and none before pure ones", async () => {
    const ledger: string[] = [];
    const { memory, runtime, start } = setup([createLedgerNode(ledger)]);
    const marked: string[][] = [];
    const saveFrontier = memory.store.saveFrontier;
    memory.store.saveFrontier = (options) => {
      marked.push(options.frontier.inFlight.filter((activation) => activation.started).map((activation) => `${activation.key}#${activation.started!.attempt}`));
      return saveFrontier(options);
    };
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "pure", type: "core/template", config: { template: "{{input}}" } }, { id: "a", type: "test/ledger" }, { id: "b", type: "test/ledger" }],
      ["in.out->pure.in", "pure.out->a.in", "a.out->b.in"],
    );
    const id = start(spec, "x");
    await runToIdle(runtime);
    expect(memory.runs.get(id)!.status).toBe("succeeded");
    expect(marked).toEqual([["a:top:0#1"], ["b:top:0#1"]]);
    expect(memory.steps.map((step) => step.effects.previousAttempts)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe("run limits", () => {
  it("drives at most maxRunsPerGraph runs of one graph at once; the others wait their turn", async () => {
    const memory = createMemoryRunStore();
    const runtime = createRuntime({
      store: memory.store,
      implementations: createNodeImplementations([...CORE_NODES, createHangingNode(() => undefined)]),
      maxRunsPerGraph: 2,
      pollMs: 10,
    });
    const spec = buildSpec([{ id: "in", type: "core/input" }, { id: "hang", type: "test/hang" }], ["in.out->hang.in"]);
    for (let i = 0; i < 4; i++) memory.addRun({ id: `limited-${i}`, workspaceId: "w", graphId: "same", spec, settings: {}, input: null });
    runtime.start();
    await expect.poll(() => runtime.drivingCount).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runtime.drivingCount).toBe(2);
    expect([...memory.runs.values()].filter((run) => run.leaseOwner !== null).map((run) => run.id)).toEqual(["limited-0", "limited-1"]);
    await runtime.stop();
  });
});

describe("budget", () => {
  it("stops the run cleanly once its token budget is exceeded, naming the reason, and starts no further node", async () => {
    const ledger: string[] = [];
    const spender: TNodeImplementation = {
      definition: { ...createLedgerNode(ledger).definition, type: "test/spender" },
      async execute(context) {
        ledger.push(context.nodeId);
        return { kind: "outputs", outputs: { out: context.inputs.in }, usage: { tokens: 600, costUsd: 0.01 } };
      },
    };
    const { memory, runtime, start } = setup([spender]);
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "a", type: "test/spender" }, { id: "b", type: "test/spender" }, { id: "c", type: "test/spender" }],
      ["in.out->a.in", "a.out->b.in", "b.out->c.in"],
      { tokenBudget: 1_000 },
    );
    const id = start(spec);
    await runToIdle(runtime);
    expect(memory.runs.get(id)!).toMatchObject({ status: "failed", error: { code: "BudgetExceeded", message: "The run used 1200 tokens; its budget is 1000" } });
    expect(ledger).toEqual(["a", "b"]);
    expect(memory.steps.find((step) => step.nodeId === "a")!.usage).toEqual({ tokens: 600, costUsd: 0.01 });
  });
});
