import { auditedChange, auditedCreation, auditedDeletion } from "../../../audit/audit-note";
import { createEnvironment } from "../../../deployments/create-environment";
import { deleteEnvironment } from "../../../deployments/delete-environment";
import { ENVIRONMENT_SELECT } from "../../../deployments/find-environment";
import { updateEnvironment } from "../../../deployments/update-environment";
import { memberProcedure, type TContext } from "../../trpc";
import { ZCreateEnvironmentInput, ZDeleteEnvironmentInput, ZUpdateEnvironmentInput } from "./types";

// Admins (environments:manage) shape the lanes every graph deploys through; API keys do not.
function readEnvironment(ctx: Pick<TContext, "db">, workspaceId: string, name: string) {
  return ctx.db.environment.findUnique({ where: { workspaceId_name: { workspaceId, name } }, select: ENVIRONMENT_SELECT });
}

export const createEnvironmentProcedure = memberProcedure("environments:manage")
  .input(ZCreateEnvironmentInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, name, deployRole, requiresApproval } = input;
    return auditedCreation(ctx.auditNote, () => createEnvironment(ctx.db, { workspaceId, name, deployRole, requiresApproval, actorRole: ctx.workspace.role }), (created) => created);
  });

export const updateEnvironmentProcedure = memberProcedure("environments:manage")
  .input(ZUpdateEnvironmentInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, environment, ...changes } = input;
    return auditedChange(ctx.auditNote, {
      before: () => readEnvironment(ctx, workspaceId, environment),
      run: () => updateEnvironment(ctx.db, { workspaceId, environment, changes, actorRole: ctx.workspace.role }),
      after: (updated) => updated,
    });
  });

export const deleteEnvironmentProcedure = memberProcedure("environments:manage")
  .input(ZDeleteEnvironmentInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, environment } = input;
    return auditedDeletion(ctx.auditNote, () => readEnvironment(ctx, workspaceId, environment), () => deleteEnvironment(ctx.db, { workspaceId, environment, actorRole: ctx.workspace.role }));
  });
