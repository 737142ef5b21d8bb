import { listOpenClawExtensions } from "../../../services/openclaw/list-openclaw-extensions";
import { workspaceProcedure } from "../../trpc";
import { ZListOpenClawInput } from "./types";

/** The imported OpenClaw plugins and skills: whoever sees the palette may read them. */
export const listOpenClawProcedure = workspaceProcedure("graph:read")
  .input(ZListOpenClawInput)
  .query(({ ctx, input }) => listOpenClawExtensions(ctx.db, { workspaceId: input.workspaceId }));
