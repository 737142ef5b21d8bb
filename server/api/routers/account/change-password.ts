import { auditedChange } from "../../../audit/audit-note";
import { changePassword } from "../../../services/account/change-password";
import { authedProcedure } from "../../trpc";
import { sessionCount } from "./account-audit-state";
import { ZChangePasswordInput } from "./types";

/** Needs the current password; every other session of the user ends, this one stays. Audited as sessions before/after. */
export const changePasswordProcedure = authedProcedure.input(ZChangePasswordInput).mutation(({ ctx, input }) =>
  auditedChange(ctx.auditNote, {
    before: () => sessionCount(ctx.db, ctx.user.id),
    run: () =>
      changePassword(ctx.db, {
        userId: ctx.user.id,
        currentSessionToken: ctx.user.sessionToken,
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
      }),
    after: async () => ({ ...(await sessionCount(ctx.db, ctx.user.id)), changed: "password" }),
  }),
);
