import { revokeAllSessions } from "../../../services/account/revoke-all-sessions";
import { authedProcedure } from "../../trpc";

export const signOutEverywhereProcedure = authedProcedure.mutation(({ ctx }) => revokeAllSessions(ctx.db, { userId: ctx.user.id }));
