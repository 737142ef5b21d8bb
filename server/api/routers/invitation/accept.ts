import { acceptInvitation } from "../../../services/invitation/accept-invitation";
import { authedProcedure } from "../../trpc";
import { ZInvitationTokenInput } from "./types";

/** A signed-in user whose email is the invited one joins at once. */
export const acceptInvitationProcedure = authedProcedure
  .input(ZInvitationTokenInput)
  .mutation(({ ctx, input }) => ctx.db.$transaction((tx) => acceptInvitation(tx, { token: input.token, user: ctx.user })));
