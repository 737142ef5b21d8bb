// Run limits on Postgres: the timeout counts from the Run row's startedAt (a restart does not reset it) and a parked
// run is claimed at its deadline; a budget failure leaves the spend of the failed step in the Run row's usage.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TGraphSpec } from "@/lib/graph";
import { db } from "../db/client";
import { createGraph } from "../services/graph/create-graph";
import { startRun } from "../services/run/start-run";
import { addEgressRule } from "../services/egress/add-egress-rule";
import { createWorkspaceWithMembers } from "../testing/factories";
import { startHttpLedgerServer } from "../testing/http-ledger-server";
import { startWorkspaceRuntime } from "../testing/start-workspace-runtime";
import type { TStepEffects } from "./run-store";
import { buildSpec } from "./testing/build-spec";

let studio: ReturnType<typeof startWorkspaceRuntime>;
beforeAll(() => {
  studio = startWorkspaceRuntime();
});
afterAll(async () => {
  await studio.stop();
});

async function start(spec: TGraphSpec, options: { allowHost?: string } = {}) {
  const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
  const scope = { workspaceId: workspace.id, actorId: members.editor.id };
  if (options.allowHost) await addEgressRule(db(), { workspaceId: workspace.id, actorId: members.editor.id, host: options.allowHost });
  const graph = await createGraph(db(), { ...scope, name: "Limited", spec });
  return startRun(db(), { ...scope, graphId: graph.id, source: { kind: "draft" }, input: "go" });
}

const ended = (runId: string) =>
  expect.poll(async () => (await db().run.findUniqueOrThrow({ where: { id: runId } })).status, { timeout: 15_000, interval: 50 }).toMatch(/succeeded|failed|cancelled/);

describe("run limits on Postgres", () => {
  it("fails a run parked on a 6 s Delay with RunTimedOut at its 2 s deadline", async () => {
    const spec = buildSpec([{ id: "in", type: "core/input" }, { id: "wait", type: "core/delay", config: { ms: 6_000 } }, { id: "out", type: "core/output" }], ["in.out->wait.in", "wait.out->out.in"], { runTimeoutMs: 2_000 });
    const run = await start(spec);
    await ended(run.id);
    const finished = await db().run.findUniqueOrThrow({ where: { id: run.id }, include: { steps: { select: { nodeId: true, status: true } } } });
    expect(finished).toMatchObject({ status: "failed", error: { code: "RunTimedOut" } });
    expect(finished.steps.filter((step) => step.nodeId !== "in")).toEqual([{ nodeId: "wait", status: "waiting" }]);
  });

  it("counts from the recorded first start: a run claimed again after its deadline runs nothing", async () => {
    const ledger = await startHttpLedgerServer();
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "call", type: "core/http-request", config: { method: "POST", url: `${ledger.url}/late`, body: "{{input}}" } }, { id: "out", type: "core/output" }],
      ["in.out->call.in", "call.out->out.in"],
      { runTimeoutMs: 5_000 },
    );
    await studio.runtime.stop();
    const run = await start(spec, { allowHost: ledger.host });
    // As if a process had claimed it a minute ago and crashed: its lease expired, its startedAt stays.
    await db().run.update({ where: { id: run.id }, data: { status: "running", startedAt: new Date(Date.now() - 60_000) } });
    studio = startWorkspaceRuntime();
    await ended(run.id);
    const finished = await db().run.findUniqueOrThrow({ where: { id: run.id }, include: { steps: true } });
    expect(finished).toMatchObject({ status: "failed", error: { code: "RunTimedOut" } });
    expect(finished.steps).toEqual([]);
    expect(ledger.requests).toHaveLength(0);
    await ledger.close();
  });

  it("keeps the spend of the step the token budget stopped in the Run row's usage", async () => {
    const turns = Array.from({ length: 6 }, () => ({ content: "thinking about it at some length", toolCalls: [{ name: "missing", arguments: {} }] }));
    const spec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "agent", type: "core/agent", config: { maxTurns: 6 } }, { id: "model", type: "core/scripted-model", config: { turns } }],
      ["in.out->agent.in", "model.model->agent.model"],
      { tokenBudget: 40 },
    );
    const run = await start(spec);
    await ended(run.id);
    const finished = await db().run.findUniqueOrThrow({ where: { id: run.id }, include: { steps: { where: { nodeId: "agent" } } } });
    expect(finished).toMatchObject({ status: "failed", error: { code: "BudgetExceeded" } });
    const calls = (finished.steps[0]!.effects as TStepEffects).calls!.filter((call) => call.kind === "model");
    const spent = calls.reduce((sum, call) => sum + call.usage!.tokens, 0);
    expect(spent).toBeGreaterThan(40);
    expect(finished.steps[0]).toMatchObject({ status: "failed", usage: { tokens: spent } });
    expect(finished.usage).toMatchObject({ tokens: spent });
  });
});
