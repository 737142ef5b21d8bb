import { resetPassword } from "../../../services/password-reset/reset-password";
import { publicProcedure } from "../../trpc";
import { ZCompletePasswordResetInput } from "./types";

/** Public: the token is the credential. Works once; every session of the user ends. */
export const completePasswordResetProcedure = publicProcedure
  .input(ZCompletePasswordResetInput)
  .mutation(({ ctx, input }) => resetPassword(ctx.db, { token: input.token, password: input.password }));
