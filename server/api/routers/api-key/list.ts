import { z } from "zod";
import { listApiKeys } from "../../../services/api-key/list-api-keys";
import { memberProcedure } from "../../trpc";
import { ZApiKeySummary, ZListApiKeysInput } from "./types";

export const listApiKeysProcedure = memberProcedure("api-keys:manage")
  .input(ZListApiKeysInput)
  .output(z.array(ZApiKeySummary))
  .query(({ ctx, input }) => listApiKeys(ctx.db, { workspaceId: input.workspaceId, viewer: ctx.workspace.ability }));
