import { previewInvitation } from "../../../services/invitation/preview-invitation";
import { publicProcedure } from "../../trpc";
import { ZInvitationTokenInput } from "./types";

/** Public: the accept page opens before anyone signs in. Says who is signed in, so the page can spot a foreign email. */
export const previewInvitationProcedure = publicProcedure
  .input(ZInvitationTokenInput)
  .query(async ({ ctx, input }) => ({
    invitation: await previewInvitation(ctx.db, { token: input.token }),
    signedInAs: ctx.user?.email ?? null,
  }));
