import { createRouter } from "../../trpc";
import { createSecretProcedure } from "./create";
import { deleteSecretProcedure } from "./delete";
import { listSecretsProcedure } from "./list";
import { clearEnvironmentValueProcedure, setEnvironmentValueProcedure } from "./environment-value";
import { listSecretNamesProcedure } from "./list-names";

/**
 * Names and masks only (listNames: names alone, for editors): no procedure returns a value. The runtime reads values
 * through resolve-secret.ts.
 */
export const secretRouter = createRouter({
  list: listSecretsProcedure,
  listNames: listSecretNamesProcedure,
  create: createSecretProcedure,
  delete: deleteSecretProcedure,
  setEnvironmentValue: setEnvironmentValueProcedure,
  clearEnvironmentValue: clearEnvironmentValueProcedure,
});
