import { previewPasswordReset } from "../../../services/password-reset/preview-password-reset";
import { publicProcedure } from "../../trpc";
import { ZPasswordResetTokenInput } from "./types";

export const previewPasswordResetProcedure = publicProcedure
  .input(ZPasswordResetTokenInput)
  .query(({ ctx, input }) => previewPasswordReset(ctx.db, { token: input.token }));
