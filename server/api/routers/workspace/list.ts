import { listWorkspaces } from "../../../services/workspace/list-workspaces";
import { authedProcedure } from "../../trpc";

export const listWorkspacesProcedure = authedProcedure.query(({ ctx }) => listWorkspaces(ctx.db, { userId: ctx.user.id }));
