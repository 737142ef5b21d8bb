import { createRouter } from "../../trpc";
import { createGraphProcedure } from "./create";
import { deleteGraphProcedure } from "./delete";
import { getGraphProcedure } from "./get";
import { getVersionProcedure } from "./get-version";
import { listGraphsProcedure } from "./list";
import { listVersionsProcedure } from "./list-versions";
import { publishVersionProcedure } from "./publish-version";
import { renameGraphProcedure } from "./rename";
import { saveDraftProcedure } from "./save-draft";

export const graphRouter = createRouter({
  list: listGraphsProcedure,
  get: getGraphProcedure,
  create: createGraphProcedure,
  rename: renameGraphProcedure,
  delete: deleteGraphProcedure,
  saveDraft: saveDraftProcedure,
  publishVersion: publishVersionProcedure,
  listVersions: listVersionsProcedure,
  getVersion: getVersionProcedure,
});
