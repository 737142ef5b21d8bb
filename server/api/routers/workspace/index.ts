import { createRouter } from "../../trpc";
import { createWorkspaceProcedure } from "./create";
import { deleteWorkspaceProcedure } from "./delete";
import { listWorkspacesProcedure } from "./list";
import { renameWorkspaceProcedure } from "./rename";

export const workspaceRouter = createRouter({
  list: listWorkspacesProcedure,
  create: createWorkspaceProcedure,
  rename: renameWorkspaceProcedure,
  delete: deleteWorkspaceProcedure,
});
