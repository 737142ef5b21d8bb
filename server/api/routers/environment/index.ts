import { createRouter } from "../../trpc";
import { createEnvironmentProcedure, deleteEnvironmentProcedure, updateEnvironmentProcedure } from "./change";

/** Editing a workspace's environments; reading them is `deployment.listEnvironments`. */
export const environmentRouter = createRouter({
  create: createEnvironmentProcedure,
  update: updateEnvironmentProcedure,
  delete: deleteEnvironmentProcedure,
});
