import { createRouter } from "../../trpc";
import { createWorkspaceProcedure } from "./create";
import { deleteWorkspaceProcedure } from "./delete";
import { listWorkspacesProcedure } from "./list";
import { renameWorkspaceProcedure } from "./rename";
import { runRetentionProcedure } from "./run-retention";
import { setRunRetentionProcedure } from "./set-run-retention";

export const workspaceRouter = createRouter({
  list: listWorkspacesProcedure,
  create: createWorkspaceProcedure,
  rename: renameWorkspaceProcedure,
  delete: deleteWorkspaceProcedure,
  runRetention: runRetentionProcedure,
  setRunRetention: setRunRetentionProcedure,
});
