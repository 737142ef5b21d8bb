import { auditedChange } from "../../../audit/audit-note";
import { resetPassword } from "../../../services/password-reset/reset-password";
import { publicProcedure } from "../../trpc";
import { ZCompletePasswordResetInput } from "./types";

/** Public: the token is the credential. Works once; every session of the user ends. Audited as the link's state. */
export const completePasswordResetProcedure = publicProcedure.input(ZCompletePasswordResetInput).mutation(({ ctx, input }) =>
  auditedChange(ctx.auditNote, {
    before: async () => ({ resetLink: "unused" }),
    run: () => resetPassword(ctx.db, { token: input.token, password: input.password }),
    after: (reset) => ({ resetLink: "used", email: reset.email, changed: "password" }),
  }),
);
