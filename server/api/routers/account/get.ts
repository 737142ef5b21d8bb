import { getAccount } from "../../../services/account/get-account";
import { authedProcedure } from "../../trpc";

export const getAccountProcedure = authedProcedure.query(({ ctx }) => getAccount(ctx.db, { userId: ctx.user.id }));
