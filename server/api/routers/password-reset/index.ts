import { createRouter } from "../../trpc";
import { completePasswordResetProcedure } from "./complete";
import { issuePasswordResetProcedure } from "./issue";
import { previewPasswordResetProcedure } from "./preview";

/** One-time password reset links: issued by an admin for a member, used once by whoever holds the link. */
export const passwordResetRouter = createRouter({
  issue: issuePasswordResetProcedure,
  preview: previewPasswordResetProcedure,
  complete: completePasswordResetProcedure,
});
