import { exportOpenClawConfigGraph } from "../../../services/openclaw/export-openclaw-config-graph";
import { workspaceProcedure } from "../../trpc";
import { ZExportConfigInput } from "./types";

/** A graph's draft as openclaw.json and workspace files: the same right as graph.get. */
export const exportConfigProcedure = workspaceProcedure("graph:read")
  .input(ZExportConfigInput)
  .query(({ ctx, input }) => exportOpenClawConfigGraph(ctx.db, { workspaceId: input.workspaceId, graphId: input.graphId }));
