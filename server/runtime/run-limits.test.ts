// The run timeout on the system clock (a 2 s limit takes 2 s): parked runs are woken at their deadline, running
// steps are aborted with the reason, and a run resumed after its deadline runs nothing.
import { describe, expect, it } from "vitest";
import { createNodeImplementations } from "./node-implementation";
import { CORE_NODES } from "./nodes/core";
import { createRuntime } from "./runtime";
import { watchDeadline } from "./run-limits";
import { buildSpec } from "./testing/build-spec";
import { createMemoryRunStore } from "./testing/memory-run-store";
import { createHangingNode, createLedgerNode } from "./testing/test-nodes";

function setUp() {
  const memory = createMemoryRunStore();
  const abortReasons: unknown[] = [];
  const ledger: string[] = [];
  const runtime = createRuntime({
    store: memory.store,
    implementations: createNodeImplementations([...CORE_NODES, createHangingNode((reason) => abortReasons.push(reason)), createLedgerNode(ledger)]),
    pollMs: 20,
    heartbeatMs: 50,
  });
  const waitForEnd = (runId: string) => expect.poll(() => memory.runs.get(runId)!.status, { timeout: 10_000, interval: 20 }).toMatch(/succeeded|failed|cancelled/);
  return { memory, runtime, abortReasons, ledger, waitForEnd };
}

describe("run timeout", () => {
  it("fails a run parked on a 6 s Delay with RunTimedOut at its 2 s deadline: the delay never resumes", async () => {
    const { memory, runtime, waitForEnd } = setUp();
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "wait", type: "core/delay", config: { ms: 6_000 } }, { id: "out", type: "core/output" }],
      ["in.out->wait.in", "wait.out->out.in"],
      { runTimeoutMs: 2_000 },
    );
    memory.addRun({ id: "delayed", workspaceId: "w", graphId: "g", spec, settings: spec.settings, input: 1 });
    runtime.start();
    await waitForEnd("delayed");
    await runtime.stop();

    const run = memory.runs.get("delayed")!;
    expect(run).toMatchObject({ status: "failed", error: { code: "RunTimedOut", message: "The run passed its timeout of 2000 ms" } });
    const delayUntil = (run.frontier!.waiting[0]!.wait as { until: number }).until;
    expect(run.wakeAt).toBe(run.startedAt! + 2_000);
    expect(run.wakeAt).toBeLessThan(delayUntil);
    expect(memory.steps.filter((step) => step.nodeId !== "in").map((step) => `${step.nodeId}:${step.status}`)).toEqual(["wait:waiting"]);
  });

  it("aborts a running step with the RunTimedOut reason, records it as failed, and fails the run", async () => {
    const { memory, runtime, abortReasons, waitForEnd } = setUp();
    const spec = buildSpec([{ id: "in", type: "core/input" }, { id: "hang", type: "test/hang" }], ["in.out->hang.in"], { runTimeoutMs: 1_000 });
    memory.addRun({ id: "hanging", workspaceId: "w", graphId: "g", spec, settings: spec.settings, input: 1 });
    runtime.start();
    await waitForEnd("hanging");
    await runtime.stop();

    expect(memory.runs.get("hanging")).toMatchObject({ status: "failed", error: { code: "RunTimedOut" } });
    expect(abortReasons).toEqual([expect.objectContaining({ name: "RunTimedOut" })]);
    expect(memory.steps.find((step) => step.nodeId === "hang")).toMatchObject({ status: "failed", error: { code: "RunTimedOut" } });
  });

  it("fails a run parked on an approval at its deadline", async () => {
    const { memory, runtime, waitForEnd } = setUp();
    const spec = buildSpec([{ id: "in", type: "core/input" }, { id: "ok", type: "core/approval" }], ["in.out->ok.in"], { runTimeoutMs: 1_000 });
    memory.addRun({ id: "parked", workspaceId: "w", graphId: "g", spec, settings: spec.settings, input: 1 });
    runtime.start();
    await waitForEnd("parked");
    await runtime.stop();
    expect(memory.runs.get("parked")).toMatchObject({ status: "failed", error: { code: "RunTimedOut" } });
  });

  it("counts from the run's recorded first start: a run resumed after its deadline runs no node", async () => {
    const { memory, runtime, ledger, waitForEnd } = setUp();
    const spec = buildSpec([{ id: "in", type: "core/input" }, { id: "effect", type: "test/ledger" }], ["in.out->effect.in"], { runTimeoutMs: 5_000 });
    memory.addRun({ id: "late", workspaceId: "w", graphId: "g", spec, settings: spec.settings, input: 1, status: "running", startedAt: Date.now() - 60_000 });
    runtime.start();
    await waitForEnd("late");
    await runtime.stop();
    expect(memory.runs.get("late")).toMatchObject({ status: "failed", error: { code: "RunTimedOut" } });
    expect(ledger).toEqual([]);
  });
});

describe("watchDeadline", () => {
  it("sleeps a deadline beyond the longest timer in parts instead of firing at once", async () => {
    const sleeps: number[] = [];
    let now = 0;
    const clock = {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
    };
    let firedAt: number | undefined;
    watchDeadline(clock, 30 * 86_400_000, new AbortController().signal, () => (firedAt = now));
    await expect.poll(() => firedAt).toBe(30 * 86_400_000);
    expect(sleeps).toEqual([2_147_483_647, 30 * 86_400_000 - 2_147_483_647]);
  });
});
