import { describeApiKey } from "../../../services/api-key/describe-api-key";
import { apiKeyProcedure } from "../../trpc";

/** The calling key's workspace and role: how the command line finds its workspace (`npm run openclaw`). */
export const whoamiProcedure = apiKeyProcedure.query(({ ctx }) => describeApiKey(ctx.db, { apiKey: ctx.apiKey }));
