import { auditedCreation } from "../../../audit/audit-note";
import { env } from "../../../env";
import { signUp } from "../../../services/account/sign-up";
import { publicProcedure } from "../../trpc";
import { ZSignUpInput } from "./types";

export const signUpProcedure = publicProcedure.input(ZSignUpInput).mutation(({ ctx, input }) =>
  auditedCreation(
    ctx.auditNote,
    () => signUp(ctx.db, { policy: env().STUDIO_SIGNUP, email: input.email, name: input.name, password: input.password }),
    (account) => ({ email: account.email }),
  ),
);
