import { createRouter } from "../../trpc";
import { createSecretProcedure } from "./create";
import { deleteSecretProcedure } from "./delete";
import { listSecretsProcedure } from "./list";

/** Names and masks only: no procedure returns a value. The runtime reads values through resolve-secret.ts. */
export const secretRouter = createRouter({
  list: listSecretsProcedure,
  create: createSecretProcedure,
  delete: deleteSecretProcedure,
});
