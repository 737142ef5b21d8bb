import { createRouter } from "../../trpc";
import { addGraphTagProcedure } from "./add-tag";
import { createGraphProcedure } from "./create";
import { deleteGraphProcedure } from "./delete";
import { getGraphProcedure } from "./get";
import { getVersionProcedure } from "./get-version";
import { listGraphsProcedure } from "./list";
import { listGraphTagsProcedure } from "./list-tags";
import { listVersionsProcedure } from "./list-versions";
import { publishVersionProcedure } from "./publish-version";
import { removeGraphTagProcedure } from "./remove-tag";
import { renameGraphProcedure } from "./rename";
import { saveDraftProcedure } from "./save-draft";
import { setGraphAccessProcedure } from "./set-access";

export const graphRouter = createRouter({
  list: listGraphsProcedure,
  get: getGraphProcedure,
  create: createGraphProcedure,
  rename: renameGraphProcedure,
  setAccess: setGraphAccessProcedure,
  listTags: listGraphTagsProcedure,
  addTag: addGraphTagProcedure,
  removeTag: removeGraphTagProcedure,
  delete: deleteGraphProcedure,
  saveDraft: saveDraftProcedure,
  publishVersion: publishVersionProcedure,
  listVersions: listVersionsProcedure,
  getVersion: getVersionProcedure,
});
