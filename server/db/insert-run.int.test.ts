import { describe, expect, it } from "vitest";
import { startWebhookRun } from "../services/trigger/start-webhook-run";
import { fireScheduleTick } from "../services/trigger/fire-schedule-tick";
import { createSimpleGraphSpec } from "../testing/simple-graph-spec";
import { createWorkspaceWithMembers } from "../testing/factories";
import { callerFor } from "../testing/trpc-callers";
import { createPublishedGraph, createTriggerGraphSpec } from "../triggers/testing/trigger-graphs";
import { createChildRun } from "./child-runs";
import { db } from "./client";
import { insertRun } from "./insert-run";

const numbersOf = async (graphId: string) => (await db().run.findMany({ where: { graphId }, select: { number: true }, orderBy: { number: "asc" } })).map((run) => run.number);
const oneTo = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe("run numbers", () => {
  it("numbers runs created at once by people, webhooks and a schedule 1..n, with no number twice and none skipped", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const workspaceId = workspace.id;
    const api = callerFor(members.editor);
    const { graphId } = await createPublishedGraph(api, workspaceId, createTriggerGraphSpec({ cron: "*/5 * * * *" }));
    const webhook = await db().trigger.findFirstOrThrow({ where: { graphId, kind: "webhook" }, select: { id: true, workspaceId: true, graphId: true, nodeId: true, environmentId: true } });
    const tick = new Date("2020-06-01T10:00:00.000Z");
    const schedule = await db().trigger.update({ where: { graphId_nodeId_kind: { graphId, nodeId: "tick", kind: "schedule" } }, data: { nextFireAt: tick } });

    const started = await Promise.all([
      ...Array.from({ length: 20 }, (_, index) => api.run.start({ workspaceId, graphId, version: "latest", startNodeId: "hook", input: { index } }).then((run) => run.id)),
      // 20 deliveries, 5 of them repeats of an earlier Idempotency-Key: a repeat's insert fails and gives its number back.
      ...Array.from({ length: 20 }, (_, index) => startWebhookRun(db(), { trigger: webhook, input: { index }, idempotencyKey: `delivery-${index % 15}`, now: new Date() }).then((run) => run.runId)),
      fireScheduleTick(db(), { trigger: { ...schedule, nextFireAt: tick, cron: schedule.cron!, timezone: schedule.timezone! }, now: tick }).then((outcome) => (outcome.kind === "fired" ? outcome.runId : `not fired: ${outcome.kind}`)),
    ]);

    expect(started.filter((runId) => runId.startsWith("not fired"))).toEqual([]);
    expect(new Set(started).size).toBe(20 + 15 + 1);
    expect(await numbersOf(graphId)).toEqual(oneTo(36));
    expect((await db().graph.findUniqueOrThrow({ where: { id: graphId } })).lastRunNumber).toBe(36);
    const next = await api.run.start({ workspaceId, graphId, version: "latest", startNodeId: "hook", input: {} });
    expect(next.number).toBe(37);
  });

  it("numbers each graph on its own: a sub-graph's child run takes its own graph's next number", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const workspaceId = workspace.id;
    const api = callerFor(members.editor);
    const parentGraph = await api.graph.create({ workspaceId, name: "Parent", spec: createSimpleGraphSpec() });
    const childGraph = await api.graph.create({ workspaceId, name: "Child", spec: createSimpleGraphSpec() });
    const input = { question: "q" };
    const first = await api.run.start({ workspaceId, graphId: parentGraph.id, input });
    const second = await api.run.start({ workspaceId, graphId: parentGraph.id, input });

    const child = await createChildRun(db(), { parentRunId: second.id, parentStepSeq: 2, request: { graphId: childGraph.id, version: "draft", input } });
    const again = await createChildRun(db(), { parentRunId: second.id, parentStepSeq: 2, request: { graphId: childGraph.id, version: "draft", input } });

    expect([first.number, second.number]).toEqual([1, 2]);
    expect(again.runId).toBe(child.runId);
    expect(await numbersOf(childGraph.id)).toEqual([1]);
    expect((await api.run.start({ workspaceId, graphId: parentGraph.id, input })).number).toBe(3);
  });

  it("takes the number inside the caller's transaction: a creation rolled back leaves no gap", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const graph = await callerFor(members.editor).graph.create({ workspaceId: workspace.id, name: "Rolled back", spec: createSimpleGraphSpec() });
    const data = { workspaceId: workspace.id, graphId: graph.id, spec: {}, trigger: "manual" };

    const refused = db().$transaction(async (tx) => {
      await insertRun(tx, data, { id: true });
      throw new Error("the caller changed its mind");
    });
    await expect(refused).rejects.toThrow("the caller changed its mind");
    await insertRun(db(), data, { id: true });

    expect(await numbersOf(graph.id)).toEqual([1]);
  });
});
