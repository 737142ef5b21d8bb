import { listAccountActivity } from "../../../services/account/list-account-activity";
import { authedProcedure } from "../../trpc";

export const listActivityProcedure = authedProcedure.query(({ ctx }) => listAccountActivity(ctx.db, { userId: ctx.user.id, email: ctx.user.email }));
