import { listSessions } from "../../../services/account/list-sessions";
import { authedProcedure } from "../../trpc";

export const listSessionsProcedure = authedProcedure.query(({ ctx }) =>
  listSessions(ctx.db, { userId: ctx.user.id, currentSessionToken: ctx.user.sessionToken }),
);
