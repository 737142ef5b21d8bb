// Shared setup of the gateway integration tests: a workspace with an imported openclaw.json (main may spawn helper),
// a secret naming the recorded-frames gateway, and an egress entry for its port.
import { readFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { TGraphSpec } from "@/lib/graph";
import { db } from "../../db/client";
import { setMasterKey } from "../../secrets/master-key";
import { createWorkspaceWithMembers, uniqueSuffix } from "../../testing/factories";
import { callerFor } from "../../testing/trpc-callers";
import { startRecordedGateway, type TRecording } from "./recorded-gateway";

export const RECORDING = JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures", "gateway-recording.json"), "utf8")) as TRecording;
export const GATEWAY_TOKEN = "studio-test-token";
export const TEAM_CONFIG = '{ agents: { entries: { main: { subagents: { allowAgents: ["helper"] } }, helper: {} } } }';

/** Which recorded run a message plays: the words name it. */
export function runForMessage(message: string): string {
  if (message.includes("helper")) return "delegation";
  if (message.includes("tool")) return "tool";
  return "chat";
}

export function ensureMasterKey(): void {
  setMasterKey(randomBytes(32));
}

export async function setUpGatewayWorkspace(options: { frameDelayMs?: number; tickIntervalMs?: number; token?: string } = {}) {
  const gateway = await startRecordedGateway({ recording: RECORDING, token: GATEWAY_TOKEN, runFor: runForMessage, frameDelayMs: options.frameDelayMs, tickIntervalMs: options.tickIntervalMs });
  const { workspace, members } = await createWorkspaceWithMembers(["owner", "operator", "viewer"]);
  const workspaceId = workspace.id;
  const owner = callerFor(members.owner);
  const imported = await owner.openClaw.importConfig({ workspaceId, name: `Team ${uniqueSuffix()}`, entry: "openclaw.json", files: [{ path: "openclaw.json", content: TEAM_CONFIG }] });
  const secretName = "OPENCLAW_GATEWAY";
  await owner.secret.create({ workspaceId, name: secretName, value: JSON.stringify({ url: gateway.url, token: options.token ?? GATEWAY_TOKEN }) });
  await owner.egress.add({ workspaceId, host: `127.0.0.1:${gateway.port}` });
  const graph = await db().graph.findUniqueOrThrow({ where: { id: imported.graphId }, select: { draft: true } });
  const spec = graph.draft as TGraphSpec;
  const nodeOf = (agentId: string) => spec.nodes.find((node) => (node.config as { agentId?: string }).agentId === agentId)!.id;
  const delegationEdge = spec.edges.find((edge) => edge.source.node === nodeOf("main") && edge.target.node === nodeOf("helper"))!;
  return { gateway, workspaceId, members, graphId: imported.graphId, secretName, mainNode: nodeOf("main"), helperNode: nodeOf("helper"), delegationEdgeId: delegationEdge.id };
}
