import { z } from "zod";
import { listTriggers } from "../../../services/trigger/list-triggers";
import { workspaceProcedure } from "../../trpc";
import { ZListTriggersInput, ZTriggerSummary } from "./types";

export const listTriggersProcedure = workspaceProcedure("graph:read")
  .input(ZListTriggersInput)
  .output(z.array(ZTriggerSummary))
  .query(({ ctx, input }) => listTriggers(ctx.db, { workspaceId: input.workspaceId, graphId: input.graphId }));
