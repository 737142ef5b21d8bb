import { getRunRetention } from "../../../services/workspace/get-run-retention";
import { memberProcedure } from "../../trpc";
import { ZRunRetentionInput } from "./types";

export const runRetentionProcedure = memberProcedure("retention:manage")
  .input(ZRunRetentionInput)
  .query(({ ctx, input }) => getRunRetention(ctx.db, { workspaceId: input.workspaceId }));
