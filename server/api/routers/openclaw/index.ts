import { createRouter } from "../../trpc";
import { exportConfigProcedure } from "./export-config";
import { getOpenClawProcedure } from "./get";
import { importOpenClawProcedure } from "./import";
import { importConfigProcedure } from "./import-config";
import { listOpenClawProcedure } from "./list";
import { removeOpenClawProcedure } from "./remove";

export const openClawRouter = createRouter({
  list: listOpenClawProcedure,
  get: getOpenClawProcedure,
  import: importOpenClawProcedure,
  remove: removeOpenClawProcedure,
  importConfig: importConfigProcedure,
  exportConfig: exportConfigProcedure,
});
