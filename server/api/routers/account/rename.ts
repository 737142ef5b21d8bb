import { renameAccount } from "../../../services/account/rename-account";
import { authedProcedure } from "../../trpc";
import { ZRenameAccountInput } from "./types";

export const renameAccountProcedure = authedProcedure
  .input(ZRenameAccountInput)
  .mutation(({ ctx, input }) => renameAccount(ctx.db, { userId: ctx.user.id, name: input.name }));
