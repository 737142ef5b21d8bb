import { auditedCreation } from "../../../audit/audit-note";
import { acceptInvitationAsNewUser } from "../../../services/invitation/accept-invitation-as-new-user";
import { publicProcedure } from "../../trpc";
import { ZAcceptAsNewUserInput } from "./types";

/** Public: the token is the credential. Creates the invited account and joins; the browser signs in next. */
export const acceptInvitationAsNewUserProcedure = publicProcedure.input(ZAcceptAsNewUserInput).mutation(({ ctx, input }) =>
  auditedCreation(
    ctx.auditNote,
    () => acceptInvitationAsNewUser(ctx.db, { token: input.token, name: input.name, password: input.password }),
    (joined) => ({ email: joined.email, workspaceSlug: joined.workspaceSlug }),
  ),
);
