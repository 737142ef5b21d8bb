import { auditedCreation } from "../../../audit/audit-note";
import { createWorkspace } from "../../../services/workspace/create-workspace";
import { authedProcedure } from "../../trpc";
import { ZCreateWorkspaceInput } from "./types";

/** Any signed-in user (never an API key: a key lives inside its own workspace) creates a workspace and owns it. */
export const createWorkspaceProcedure = authedProcedure
  .input(ZCreateWorkspaceInput)
  .mutation(({ ctx, input }) =>
    auditedCreation(
      ctx.auditNote,
      () => createWorkspace(ctx.db, { userId: ctx.user.id, name: input.name, slug: input.slug }),
      (workspace) => ({ id: workspace.id, name: workspace.name, slug: workspace.slug }),
    ),
  );
