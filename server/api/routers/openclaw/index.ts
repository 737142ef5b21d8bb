import { createRouter } from "../../trpc";
import { exportConfigProcedure } from "./export-config";
import { importOpenClawProcedure } from "./import";
import { importConfigProcedure } from "./import-config";
import { removeOpenClawProcedure } from "./remove";

export const openClawRouter = createRouter({
  import: importOpenClawProcedure,
  remove: removeOpenClawProcedure,
  importConfig: importConfigProcedure,
  exportConfig: exportConfigProcedure,
});
