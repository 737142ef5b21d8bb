// `npm run test:openclaw-live`: one chat through a real `openclaw gateway` (installed from the npm registry with its
// own Node 24) and the studio's own client, services and database, end to end. Not part of `npm test`: the first run
// installs Node 24 and openclaw (minutes), later runs reuse the folder (OPENCLAW_LIVE_DIR). Skips, saying why, where
// the gateway cannot be installed or started.
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startOpenAiTestServer } from "../agents/testing/openai-test-server";
import type { TTestServer } from "../agents/testing/scripted-model-server";
import { db } from "../db/client";
import { findFreePort } from "../testing/free-port";
import { callerFor } from "../testing/trpc-callers";
import { waitForRunEnd } from "../testing/wait-for-run-end";
import { closeLiveGateway } from "./live-gateways";
import { ensureMasterKey, TEAM_CONFIG } from "./testing/gateway-test-setup";
import { installOpenClaw, startRealGateway, type TRealGateway } from "./testing/real-openclaw";
import { createWorkspaceWithMembers, uniqueSuffix } from "../testing/factories";

const REPLY = "Hello from the studio test model through a real OpenClaw gateway.";
const DIR = process.env.OPENCLAW_LIVE_DIR ?? path.join(tmpdir(), "studio-openclaw-live");
const startedAt = Date.now();
let model: TTestServer | undefined;
let gateway: TRealGateway | undefined;
let skipReason: string | undefined;
let workspaceId: string | undefined;

const log = (line: string) => process.stdout.write(`[openclaw-live ${((Date.now() - startedAt) / 1000).toFixed(1)}s] ${line}\n`);

beforeAll(async () => {
  ensureMasterKey();
  try {
    const install = await installOpenClaw(DIR, log);
    model = await startOpenAiTestServer(() => ({ content: REPLY }));
    gateway = await startRealGateway({ install, dir: DIR, port: await findFreePort(), modelBaseUrl: model.url, token: `live-${uniqueSuffix()}`, agents: { main: { subagents: { allowAgents: ["helper"] } }, helper: {} }, readyTimeoutMs: 180_000 });
    log(`gateway listening at ${gateway.url}`);
  } catch (error) {
    skipReason = `the real OpenClaw gateway could not be installed or started here: ${(error as Error).message.split("\n")[0]}`;
  }
}, 1_200_000);

afterAll(async () => {
  if (workspaceId) closeLiveGateway(workspaceId, "live test over");
  await gateway?.stop();
  await model?.close();
  log(`done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
});

it("drives one chat through a real OpenClaw gateway and records it as a studio run", async (context) => {
  if (skipReason || !gateway || !model) {
    log(`SKIPPED: ${skipReason}`);
    context.skip(skipReason);
    return;
  }
  const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
  workspaceId = workspace.id;
  const owner = callerFor(members.owner);
  const imported = await owner.openClaw.importConfig({ workspaceId, name: "Live gateway", entry: "openclaw.json", files: [{ path: "openclaw.json", content: TEAM_CONFIG }] });
  await owner.secret.create({ workspaceId, name: "OPENCLAW_GATEWAY", value: JSON.stringify({ url: gateway.url, token: gateway.token }) });
  await owner.egress.add({ workspaceId, host: new URL(gateway.url.replace("ws:", "http:")).host });

  // A gateway that has just started finishes its sidecars before it completes handshakes: retry until it does.
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await owner.openClawGateway.connect({ workspaceId, graphId: imported.graphId, secretName: "OPENCLAW_GATEWAY" });
      break;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      log(`connect not yet: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
  }
  log("connected");
  const agents = await owner.openClawGateway.agents({ workspaceId });
  expect(agents.agents.map((agent) => agent.id).sort()).toEqual(["helper", "main"]);

  const sent = await owner.openClawGateway.send({ workspaceId, agent: "main", message: "Say hello to the studio" });
  const run = await waitForRunEnd(sent.runId, 240_000);
  log(`run ${run.status}: ${JSON.stringify(run.output)}`);
  expect(run).toMatchObject({ status: "succeeded", trigger: "openclaw-gateway", output: { text: REPLY } });
  const mainNode = (await db().graph.findUniqueOrThrow({ where: { id: imported.graphId }, select: { draft: true } })).draft as { nodes: { id: string; config: { agentId?: string } }[] };
  const mainNodeId = mainNode.nodes.find((node) => node.config.agentId === "main")!.id;
  expect(run.steps.map((step) => [step.nodeId, step.status])).toEqual([[mainNodeId, "succeeded"]]);
  const streamed = run.events.filter((event) => event.type === "node.output_chunk").map((event) => (event.payload as { chunk: string }).chunk).join("");
  expect(streamed).toBe(REPLY);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(await db().run.count({ where: { workspaceId, trigger: "openclaw-gateway" } })).toBe(1);
  expect(model.requests.length).toBeGreaterThanOrEqual(1);
  expect(JSON.stringify(model.requests[0]!.body.messages)).toContain("Say hello to the studio");
}, 600_000);
