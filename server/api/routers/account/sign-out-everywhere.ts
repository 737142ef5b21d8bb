import { auditedChange } from "../../../audit/audit-note";
import { revokeAllSessions } from "../../../services/account/revoke-all-sessions";
import { authedProcedure } from "../../trpc";
import { sessionCount } from "./account-audit-state";

export const signOutEverywhereProcedure = authedProcedure.mutation(({ ctx }) =>
  auditedChange(ctx.auditNote, {
    before: () => sessionCount(ctx.db, ctx.user.id),
    run: () => revokeAllSessions(ctx.db, { userId: ctx.user.id }),
    after: () => sessionCount(ctx.db, ctx.user.id),
  }),
);
