import { auditedChange } from "../../../audit/audit-note";
import { renameAccount } from "../../../services/account/rename-account";
import { authedProcedure } from "../../trpc";
import { ZRenameAccountInput } from "./types";

export const renameAccountProcedure = authedProcedure.input(ZRenameAccountInput).mutation(({ ctx, input }) =>
  auditedChange(ctx.auditNote, {
    before: () => ctx.db.user.findUnique({ where: { id: ctx.user.id }, select: { name: true } }),
    run: () => renameAccount(ctx.db, { userId: ctx.user.id, name: input.name }),
    after: (renamed) => renamed,
  }),
);
