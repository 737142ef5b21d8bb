// Blue/green end to end on a real Postgres and runtime: a switch moves new deliveries only (a run parked at an
// Approval on blue finishes on blue), the rollback switches back at once, and a replay through the idle version
// serves unchanged steps from the records: its model and HTTP calls are counted where they land (a local
// OpenAI-compatible server and a ledger server) and stay at zero unless live calls are allowed.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TGraphSpec } from "@/lib/graph";
import { startOpenAiTestServer } from "../agents/testing/openai-test-server";
import type { TRecordedRequest, TTestServer } from "../agents/testing/scripted-model-server";
import { db } from "../db/client";
import { buildSpec } from "../runtime/testing/build-spec";
import { getMasterKey, setMasterKey } from "../secrets/master-key";
import { addEgressRule } from "../services/egress/add-egress-rule";
import { createSecret } from "../services/secret/create-secret";
import { startWebhookRun } from "../services/trigger/start-webhook-run";
import { createWorkspaceWithMembers } from "../testing/factories";
import { startHttpLedgerServer } from "../testing/http-ledger-server";
import { startWorkspaceRuntime } from "../testing/start-workspace-runtime";
import { callerFor, rejectionOf } from "../testing/trpc-callers";
import { waitForRunEnd } from "../testing/wait-for-run-end";
import { createPublishedGraph, publishSpec } from "../triggers/testing/trigger-graphs";

let runtime: ReturnType<typeof startWorkspaceRuntime>;
let model: TTestServer;
let ledger: Awaited<ReturnType<typeof startHttpLedgerServer>>;

/** The agent asks for the stock once, then answers with what the tool said. */
function answer(request: TRecordedRequest) {
  const messages = request.body.messages as { role: string; content: string }[];
  const tool = messages.findLast((message) => message.role === "tool");
  return tool ? { content: `In stock: ${tool.content}` } : { content: "", toolCalls: [{ name: "check_stock", arguments: { item: "lamp" } }] };
}

beforeAll(async () => {
  setMasterKey(randomBytes(32));
  model = await startOpenAiTestServer(answer);
  ledger = await startHttpLedgerServer();
  runtime = startWorkspaceRuntime();
});

afterAll(async () => {
  await runtime.stop();
  await model.close();
  await ledger.close();
});

async function setUp(spec: TGraphSpec) {
  const { workspace, members } = await createWorkspaceWithMembers(["admin", "editor"]);
  const workspaceId = workspace.id;
  const admin = callerFor(members.admin);
  const { graphId } = await createPublishedGraph(admin, workspaceId, spec);
  const trigger = await db().trigger.findFirstOrThrow({ where: { graphId, kind: "webhook" }, select: { id: true, workspaceId: true, graphId: true, nodeId: true, environmentId: true } });
  let delivery = 0;
  const deliver = async (body: unknown = {}) => (await startWebhookRun(db(), { trigger, input: { body }, idempotencyKey: `${graphId}-${delivery++}`, now: new Date() })).runId;
  const target = { workspaceId, graphId, environment: "production" };
  return { workspaceId, graphId, admin, editor: callerFor(members.editor), members, deliver, target };
}

const versionOf = async (runId: string) => (await db().run.findUniqueOrThrow({ where: { id: runId }, select: { graphVersion: { select: { number: true } } } })).graphVersion?.number;

describe("a blue/green switch", () => {
  it("moves new deliveries only: a run parked on blue finishes on blue, and the rollback switches back at once", { timeout: 60_000 }, async () => {
    const blue = buildSpec([{ id: "hook", type: "core/webhook" }, { id: "gate", type: "core/approval" }, { id: "out", type: "core/output", config: { name: "blue" } }], ["hook.out->gate.in", "gate.approved->out.in"]);
    const green = buildSpec([{ id: "hook", type: "core/webhook" }, { id: "out", type: "core/output", config: { name: "green" } }], ["hook.out->out.in"]);
    const { workspaceId, graphId, admin, editor, deliver, target } = await setUp(blue);
    await publishSpec(admin, workspaceId, graphId, green);
    await admin.deployment.deploy({ ...target, version: 1 });

    const parked = await deliver({ order: 1 });
    await expect.poll(async () => (await db().run.findUniqueOrThrow({ where: { id: parked }, select: { status: true } })).status, { timeout: 10_000 }).toBe("waiting");

    const refused = await rejectionOf(editor.deployment.deployIdle({ ...target, version: 2 }));
    expect([refused.code, refused.message]).toEqual(["FORBIDDEN", "Deploying to production needs the admin role or above (yours: editor)"]);
    await expect(admin.deployment.deployIdle({ ...target, version: 2 })).resolves.toEqual({ environment: "production", stableVersion: 1, idleVersion: 2 });
    // Idle: it takes no delivery.
    const whileIdle = await deliver({ order: 2 });
    expect(await versionOf(whileIdle)).toBe(1);

    await expect(admin.deployment.switchIdle(target)).resolves.toEqual({ environment: "production", stableVersion: 2, idleVersion: 1, isSwitchBack: false });
    const afterSwitch = await waitForRunEnd(await deliver({ order: 3 }));
    expect([afterSwitch.status, afterSwitch.output]).toEqual(["succeeded", { green: { body: { order: 3 } } }]);

    await admin.run.approve({ workspaceId, runId: parked, nodeId: "gate" });
    const finished = await waitForRunEnd(parked);
    expect([finished.status, finished.output, await versionOf(parked)]).toEqual(["succeeded", { blue: expect.objectContaining({ input: { body: { order: 1 } } }) }, 1]);

    // One click: the generic rollback is the switch back to the version on standby.
    await expect(admin.deployment.rollback(target)).resolves.toMatchObject({ stableVersion: 1, idleVersion: 2, isSwitchBack: true });
    expect(await versionOf(await deliver({ order: 4 }))).toBe(1);
    expect(await admin.deployment.blueGreen(target)).toMatchObject({ idle: { number: 2, role: "candidate" } });
    const history = await admin.deployment.history({ workspaceId, graphId });
    expect(history.map((entry) => [entry.kind, entry.stableVersion, entry.candidateVersion])).toEqual([
      ["switched_back", 1, 2],
      ["switched", 2, 1],
      ["idle_deployed", 1, 2],
      ["deployed", 1, null],
    ]);
  });
});

describe("replaying production through the idle version", () => {
  it("serves unchanged steps from the records with zero model and zero HTTP calls, and calls live only when allowed", { timeout: 120_000 }, async () => {
    const agentGraph = (options: { systemPrompt: string; wrap: boolean }) =>
      buildSpec(
        [
          { id: "hook", type: "core/webhook" },
          { id: "agent", type: "core/agent", config: { systemPrompt: options.systemPrompt } },
          { id: "model", type: "core/openai-model", config: { baseUrl: model.url, model: "gpt-4o-mini", apiKeySecret: "MODEL_KEY" } },
          { id: "stock", type: "core/http-request", config: { url: `${ledger.url}/stock?item={{input.item}}`, toolName: "check_stock", toolInputSchema: { type: "object", properties: { item: { type: "string" } } } } },
          ...(options.wrap ? [{ id: "wrap", type: "core/template", config: { template: "Answer: {{input.text}}" } }] : []),
          { id: "out", type: "core/output", config: { name: "answer" } },
        ],
        ["hook.out->agent.in", "model.model->agent.model", "stock.asTool->agent.tools", ...(options.wrap ? ["agent.out->wrap.in", "wrap.out->out.in"] : ["agent.out->out.in"])],
      );
    const { workspaceId, graphId, admin, members, deliver, target } = await setUp(agentGraph({ systemPrompt: "You keep a shop.", wrap: false }));
    const scope = { workspaceId, actorId: members.admin.id };
    await addEgressRule(db(), { ...scope, host: new URL(model.url).host });
    await addEgressRule(db(), { ...scope, host: ledger.host });
    await createSecret(db(), { ...scope, name: "MODEL_KEY", value: "sk-test-blue-green-0123456789", masterKey: getMasterKey() });
    await publishSpec(admin, workspaceId, graphId, agentGraph({ systemPrompt: "You keep a shop.", wrap: true }));
    await publishSpec(admin, workspaceId, graphId, agentGraph({ systemPrompt: "You keep a shop. Be brief.", wrap: false }));
    await admin.deployment.deploy({ ...target, version: 1 });

    const production = [];
    for (const order of [1, 2, 3]) production.push(await waitForRunEnd(await deliver({ order })));
    expect(production.map((run) => run.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    const modelCalls = model.requests.length;
    const ledgerCalls = ledger.to("/stock").length;
    expect(ledgerCalls).toBe(3);

    const replayOf = async (version: number, allowLiveCalls: boolean) => {
      await admin.deployment.deployIdle({ ...target, version });
      const started = await admin.deployment.replayIdle({ ...target, count: 2, allowLiveCalls });
      expect(started).toMatchObject({ sourceVersion: 1, targetVersion: version, replayed: 2 });
      await expect.poll(async () => (await admin.deployment.blueGreen(target)).replays[0]?.finishedAt ?? null, { timeout: 30_000 }).not.toBeNull();
      const [replay] = (await admin.deployment.blueGreen(target)).replays;
      return replay!;
    };

    // v2 wraps the agent's answer: the agent comes from the record, the template runs; every output changed.
    const wrapped = await replayOf(2, false);
    expect(model.requests.length).toBe(modelCalls);
    expect(ledger.to("/stock").length).toBe(ledgerCalls);
    // The last two production runs, newest first.
    expect(wrapped.pairs.map((pair) => [pair.source.id, pair.replay.status, pair.changed])).toEqual([
      [production[2]!.id, "succeeded", true],
      [production[1]!.id, "succeeded", true],
    ]);
    const replayed = await db().run.findUniqueOrThrow({ where: { id: wrapped.pairs[0]!.replay.id }, select: { output: true, replayOfRunId: true, graphVersion: { select: { number: true } } } });
    const original = (production[2]!.output as { answer: { text: string } }).answer.text;
    expect(original).toMatch(/^In stock: .*"body":\{"received":3\}/);
    expect(replayed).toEqual({ output: { answer: `Answer: ${original}` }, replayOfRunId: production[2]!.id, graphVersion: { number: 2 } });
    expect(wrapped.changed).toBe(2);

    // v3 changes the agent's prompt: without live calls its step fails unrun, and still nothing is called.
    const refused = await replayOf(3, false);
    expect(model.requests.length).toBe(modelCalls);
    expect(ledger.to("/stock").length).toBe(ledgerCalls);
    expect(refused.pairs.map((pair) => [pair.replay.status, pair.changed])).toEqual([["failed", true], ["failed", true]]);
    const failed = await db().run.findUniqueOrThrow({ where: { id: refused.pairs[0]!.replay.id }, select: { error: true } });
    expect((failed.error as { message: string }).message).toBe('Node "agent" failed: "agent" changed in this version: replaying it needs a live call, and this replay may not make live calls');

    // With live calls allowed, the changed agent calls the model and its tool again: two turns and one lookup per run.
    const live = await replayOf(3, true);
    expect(live.pairs.map((pair) => pair.replay.status)).toEqual(["succeeded", "succeeded"]);
    expect(model.requests.length).toBe(modelCalls + 4);
    expect(ledger.to("/stock").length).toBe(ledgerCalls + 2);
    expect(JSON.stringify(model.requests.at(-1)!.body)).toContain("Be brief.");

    const history = await admin.deployment.history({ workspaceId, graphId });
    const replays = history.filter((entry) => entry.kind === "replayed").map((entry) => [entry.candidateVersion, entry.numbers]);
    expect(replays).toEqual([
      [3, expect.objectContaining({ replayed: 2, changed: 2, allowLiveCalls: true })],
      [3, expect.objectContaining({ replayed: 2, changed: 2, allowLiveCalls: false })],
      [2, expect.objectContaining({ replayed: 2, changed: 2, allowLiveCalls: false })],
    ]);
    expect(history.find((entry) => entry.kind === "replay_started")?.reason).toBe("the last 2 finished runs of version 1 in production replayed through version 3 (live calls allowed)");
  });
});
