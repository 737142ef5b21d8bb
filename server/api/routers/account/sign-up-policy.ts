import { env } from "../../../env";
import { publicProcedure } from "../../trpc";

/** Public: the sign-in page offers "Create an account" only when STUDIO_SIGNUP=open. */
export const signUpPolicyProcedure = publicProcedure.query(() => ({ signUp: env().STUDIO_SIGNUP }));
