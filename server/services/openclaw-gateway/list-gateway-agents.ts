import { z } from "zod";
import { gatewayGraphTargets } from "@/lib/openclaw-config";
import type { TGraphSpec } from "@/lib/graph";
import { AppError } from "../../app-error";
import type { TDb } from "../../db/client";
import { findGraphOrThrow } from "../graph/find-graph";
import { requireLiveGateway } from "./require-live-gateway";
import { toGatewayAppError } from "./to-gateway-app-error";

const ZAgentsList = z.object({
  defaultId: z.string(),
  mainKey: z.string(),
  agents: z.array(z.object({ id: z.string(), name: z.string().optional(), identity: z.object({ name: z.string().optional(), emoji: z.string().optional() }).loose().optional() }).loose()),
}).loose();

/** The gateway's agents (`agents.list`), each marked with whether the connected graph draws it. */
export async function listGatewayAgents(db: TDb, options: { workspaceId: string }) {
  const gateway = requireLiveGateway(options.workspaceId);
  const parsed = ZAgentsList.safeParse(await gateway.connection.request("agents.list", {}).catch(toGatewayAppError));
  if (!parsed.success) throw new AppError("INTERNAL", "The gateway answered agents.list in an unexpected shape");
  gateway.mainKey = parsed.data.mainKey;
  const graph = await findGraphOrThrow(db, { workspaceId: options.workspaceId, graphId: gateway.graphId }, { draft: true });
  const targets = gatewayGraphTargets(graph.draft as TGraphSpec);
  return {
    defaultId: parsed.data.defaultId,
    mainKey: parsed.data.mainKey,
    agents: parsed.data.agents.map((agent) => ({ id: agent.id, name: agent.identity?.name ?? agent.name ?? agent.id, isDefault: agent.id === parsed.data.defaultId, isInGraph: targets.hasAgent(agent.id) })),
  };
}
