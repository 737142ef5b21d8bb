import { z } from "zod";
import type { TWorkspaceAbility } from "@/lib/auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import { auditedChange } from "../../../audit/audit-note";
import { decideDeploymentRequest } from "../../../deployments/decide-deployment-request";
import { listDeploymentRequests } from "../../../deployments/list-deployment-requests";
import { workspaceProcedure, ZWorkspaceId, type TContext } from "../../trpc";
import { ZListLanesInput } from "./types";

// Four eyes (server/deployments/README.md): pending deploys and promotions, decided by a second member.
const ZDecideInput = z.object({ workspaceId: ZWorkspaceId, requestId: z.string().min(1).max(64) }).strict();

export const listRequestsProcedure = workspaceProcedure("graph:read")
  .input(ZListLanesInput)
  .query(({ ctx, input }) => listDeploymentRequests(ctx.db, { ...input, actorId: ctx.user.id, ability: ctx.workspace.ability }));

/** Audited as the request's status before and after; an approval's deploy appears in the deployment history too. */
type TDecideContext = Pick<TContext, "db" | "auditNote"> & { user: { id: string }; workspace: { role: TRole; ability: TWorkspaceAbility } };

function decide(ctx: TDecideContext, input: z.infer<typeof ZDecideInput>, decision: "approve" | "reject") {
  const state = () => ctx.db.deploymentRequest.findFirst({ where: { id: input.requestId, workspaceId: input.workspaceId }, select: { id: true, action: true, version: true, status: true, decidedById: true } });
  const actor = { id: ctx.user.id, role: ctx.workspace.role, ability: ctx.workspace.ability };
  return auditedChange(ctx.auditNote, { before: state, run: () => decideDeploymentRequest(ctx.db, { ...input, decision, actor }), after: state });
}

export const approveRequestProcedure = workspaceProcedure("graph:publish")
  .input(ZDecideInput)
  .mutation(({ ctx, input }) => decide(ctx, input, "approve"));

export const rejectRequestProcedure = workspaceProcedure("graph:publish")
  .input(ZDecideInput)
  .mutation(({ ctx, input }) => decide(ctx, input, "reject"));
