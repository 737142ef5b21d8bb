import { createRouter } from "../../trpc";
import { acceptInvitationProcedure } from "./accept";
import { acceptInvitationAsNewUserProcedure } from "./accept-as-new-user";
import { createInvitationProcedure } from "./create";
import { listInvitationsProcedure } from "./list";
import { previewInvitationProcedure } from "./preview";
import { revokeInvitationProcedure } from "./revoke";

/** Invitations: issued and revoked by members:manage, opened and accepted by whoever holds the link. */
export const invitationRouter = createRouter({
  list: listInvitationsProcedure,
  create: createInvitationProcedure,
  revoke: revokeInvitationProcedure,
  preview: previewInvitationProcedure,
  accept: acceptInvitationProcedure,
  acceptAsNewUser: acceptInvitationAsNewUserProcedure,
});
