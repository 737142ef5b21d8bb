import { z } from "zod";
import { AppError } from "../../app-error";
import { requireLiveGateway } from "./require-live-gateway";
import { toGatewayAppError } from "./to-gateway-app-error";

const SESSION_LIMIT = 50;

const ZSessionsList = z.object({
  sessions: z.array(z.object({ key: z.string(), agentId: z.string().optional(), title: z.string().nullable().optional(), label: z.string().nullable().optional(), updatedAt: z.number().nullable().optional(), hasActiveRun: z.boolean().optional() }).loose()),
}).loose();

/** The gateway's recent sessions (`sessions.list`, newest activity first). */
export async function listGatewaySessions(options: { workspaceId: string }) {
  const gateway = requireLiveGateway(options.workspaceId);
  const parsed = ZSessionsList.safeParse(await gateway.connection.request("sessions.list", { limit: SESSION_LIMIT, sortBy: "activity" }).catch(toGatewayAppError));
  if (!parsed.success) throw new AppError("INTERNAL", "The gateway answered sessions.list in an unexpected shape");
  return parsed.data.sessions.map((session) => ({
    key: session.key,
    agentId: session.agentId ?? /^agent:([^:]+):/.exec(session.key)?.[1] ?? null,
    title: session.title ?? session.label ?? null,
    updatedAt: typeof session.updatedAt === "number" ? new Date(session.updatedAt).toISOString() : null,
    hasActiveRun: session.hasActiveRun ?? false,
  }));
}
