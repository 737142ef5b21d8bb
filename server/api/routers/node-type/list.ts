import { z } from "zod";
import { listNodeTypes } from "../../../services/plugin/list-node-types";
import { workspaceProcedure, ZWorkspaceId } from "../../trpc";

export const listNodeTypesProcedure = workspaceProcedure("graph:read")
  .input(z.object({ workspaceId: ZWorkspaceId }).strict())
  .query(({ ctx, input }) => listNodeTypes(ctx.db, { workspaceId: input.workspaceId }));
