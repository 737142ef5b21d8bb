import { createRouter } from "../../trpc";
import { changePasswordProcedure } from "./change-password";
import { getAccountProcedure } from "./get";
import { listActivityProcedure } from "./list-activity";
import { listSessionsProcedure } from "./list-sessions";
import { renameAccountProcedure } from "./rename";
import { revokeSessionProcedure } from "./revoke-session";
import { signOutEverywhereProcedure } from "./sign-out-everywhere";
import { signUpProcedure } from "./sign-up";
import { signUpPolicyProcedure } from "./sign-up-policy";

/** The signed-in user's own account (not workspace-scoped; API keys are refused), plus public sign-up. */
export const accountRouter = createRouter({
  get: getAccountProcedure,
  rename: renameAccountProcedure,
  changePassword: changePasswordProcedure,
  listSessions: listSessionsProcedure,
  listActivity: listActivityProcedure,
  revokeSession: revokeSessionProcedure,
  signOutEverywhere: signOutEverywhereProcedure,
  signUpPolicy: signUpPolicyProcedure,
  signUp: signUpProcedure,
});
