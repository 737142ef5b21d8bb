import { auditedDeletion } from "../../../audit/audit-note";
import { revokeSession } from "../../../services/account/revoke-session";
import { authedProcedure } from "../../trpc";
import { ZRevokeSessionInput } from "./types";

/** Audited as the browser that was signed out (its user agent and sign-in time), never its session token. */
export const revokeSessionProcedure = authedProcedure.input(ZRevokeSessionInput).mutation(({ ctx, input }) =>
  auditedDeletion(
    ctx.auditNote,
    () => ctx.db.session.findFirst({ where: { id: input.sessionId, userId: ctx.user.id }, select: { id: true, userAgent: true, createdAt: true } }),
    () => revokeSession(ctx.db, { userId: ctx.user.id, sessionId: input.sessionId }),
  ),
);
