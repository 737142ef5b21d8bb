import { changePassword } from "../../../services/account/change-password";
import { authedProcedure } from "../../trpc";
import { ZChangePasswordInput } from "./types";

/** Needs the current password; every other session of the user ends, this one stays. */
export const changePasswordProcedure = authedProcedure.input(ZChangePasswordInput).mutation(({ ctx, input }) =>
  changePassword(ctx.db, {
    userId: ctx.user.id,
    currentSessionToken: ctx.user.sessionToken,
    currentPassword: input.currentPassword,
    newPassword: input.newPassword,
  }),
);
