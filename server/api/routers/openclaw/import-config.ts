import { AppError } from "../../../app-error";
import { auditedCreation } from "../../../audit/audit-note";
import { importOpenClawConfigGraph } from "../../../services/openclaw/import-openclaw-config-graph";
import { workspaceProcedure } from "../../trpc";
import { ZImportConfigInput } from "./types";

/** An openclaw.json (with its includes and workspace files) becomes a new graph: the same right as graph.create. */
export const importConfigProcedure = workspaceProcedure("graph:create")
  .input(ZImportConfigInput)
  .mutation(({ ctx, input }) => {
    const { workspaceId, name, entry, files } = input;
    if (ctx.workspace.graphIds.length > 0) throw new AppError("FORBIDDEN", "This API key is limited to a list of graphs: it cannot create graphs");
    const byPath = Object.fromEntries(files.map((file) => [file.path, file.content]));
    return auditedCreation(
      ctx.auditNote,
      () => importOpenClawConfigGraph(ctx.db, { workspaceId, actorId: ctx.user.id, name, files: { entry, files: byPath } }),
      (graph) => ({ id: graph.graphId, name: graph.name, agents: graph.agents, bindings: graph.bindings }),
    );
  });
