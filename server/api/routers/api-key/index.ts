import { createRouter } from "../../trpc";
import { createApiKeyProcedure } from "./create";
import { listApiKeysProcedure } from "./list";
import { revokeApiKeyProcedure } from "./revoke";
import { whoamiProcedure } from "./whoami";

/** Workspace API keys: listed by prefix, issued once, revoked (never deleted, so the list keeps their history). */
export const apiKeyRouter = createRouter({
  list: listApiKeysProcedure,
  create: createApiKeyProcedure,
  revoke: revokeApiKeyProcedure,
  whoami: whoamiProcedure,
});
