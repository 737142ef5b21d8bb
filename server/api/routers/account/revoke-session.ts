import { revokeSession } from "../../../services/account/revoke-session";
import { authedProcedure } from "../../trpc";
import { ZRevokeSessionInput } from "./types";

export const revokeSessionProcedure = authedProcedure
  .input(ZRevokeSessionInput)
  .mutation(({ ctx, input }) => revokeSession(ctx.db, { userId: ctx.user.id, sessionId: input.sessionId }));
