import { createRouter } from "../../trpc";
import { importOpenClawProcedure } from "./import";
import { removeOpenClawProcedure } from "./remove";

export const openClawRouter = createRouter({ import: importOpenClawProcedure, remove: removeOpenClawProcedure });
