import { setGraphAccess } from "../../../services/graph/set-graph-access";
import { workspaceProcedure } from "../../trpc";
import { ZSetGraphAccessInput } from "./types";

/** Who sees the graph (lib/auth/abilities.ts: "restrict" needs members:manage and sight of the graph). */
export const setGraphAccessProcedure = workspaceProcedure("members:manage")
  .input(ZSetGraphAccessInput)
  .mutation(async ({ ctx, input }) => {
    const { workspaceId, graphId, ...access } = input;
    const { before, after } = await setGraphAccess(ctx.db, { workspaceId, graphId, actorId: ctx.user.id, actorAbility: ctx.workspace.ability, access });
    Object.assign(ctx.auditNote, { before, after });
    return after;
  });
