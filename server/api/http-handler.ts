// tRPC over HTTP on the custom server at /api/trpc/*.
import { TRPCError } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { TDb } from "../db/client";
import { readBearerToken } from "../auth/bearer-token";
import { getSessionUser } from "../auth/session-user";
import type { TMailer } from "../mail/mailer";
import { authenticateApiKey } from "../services/api-key/authenticate-api-key";
import { appRouter } from "./root";
import { createInnerContext } from "./trpc";

/** Largest request body: a graph at its size limit (lib/graph/limits.ts) plus room for the envelope. */
export const MAX_TRPC_BODY_BYTES = 5 * 1024 * 1024;

export function createTrpcHttpHandler(options: { db: TDb; secret: string; mailer: TMailer | null }) {
  return createHTTPHandler({
    router: appRouter,
    basePath: "/api/trpc/",
    maxBodySize: MAX_TRPC_BODY_BYTES,
    async createContext({ req }) {
      // A request that names a key is that key's, even with a session cookie beside it; a key that does not
      // authenticate refuses the whole request rather than falling back to the cookie.
      const bearer = readBearerToken(req.headers.authorization);
      if (bearer !== undefined) {
        const apiKey = await authenticateApiKey(options.db, { key: bearer });
        if (!apiKey) throw new TRPCError({ code: "UNAUTHORIZED", message: "Unknown, expired or revoked API key" });
        return createInnerContext({ user: null, apiKey, mailer: options.mailer });
      }
      const user = await getSessionUser({ db: options.db, secret: options.secret, cookieHeader: req.headers.cookie });
      return createInnerContext({ user, mailer: options.mailer });
    },
  });
}
