// tRPC over HTTP on the custom server at /api/trpc/*.
import type { IncomingMessage } from "node:http";
import { TRPCError } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { TDb } from "../db/client";
import { readBearerToken } from "../auth/bearer-token";
import { clientAddressOf } from "../http/client-address";
import { getSessionUser } from "../auth/session-user";
import type { TMailer } from "../mail/mailer";
import { authenticateApiKey } from "../services/api-key/authenticate-api-key";
import { MAX_TRPC_BATCH_SIZE } from "@/lib/api-limits";
import { appRouter } from "./root";
import { createInnerContext } from "./trpc";

/** Largest request body: a graph at its size limit (lib/graph/limits.ts) plus room for the envelope. */
export const MAX_TRPC_BODY_BYTES = 5 * 1024 * 1024;

function clientOf(req: IncomingMessage) {
  return { address: clientAddressOf(req), userAgent: req.headers["user-agent"]?.slice(0, 500) ?? null };
}

export function createTrpcHttpHandler(options: { db: TDb; secret: string; mailer: TMailer | null }) {
  return createHTTPHandler({
    router: appRouter,
    basePath: "/api/trpc/",
    maxBodySize: MAX_TRPC_BODY_BYTES,
    // More calls in one request answer 400 (the browser's batch link splits at the same size).
    maxBatchSize: MAX_TRPC_BATCH_SIZE,
    async createContext({ req }) {
      // A request that names a key is that key's, even with a session cookie beside it; a key that does not
      // authenticate refuses the whole request rather than falling back to the cookie.
      const bearer = readBearerToken(req.headers.authorization);
      if (bearer !== undefined) {
        const apiKey = await authenticateApiKey(options.db, { key: bearer });
        if (!apiKey) throw new TRPCError({ code: "UNAUTHORIZED", message: "Unknown, expired or revoked API key" });
        return createInnerContext({ user: null, apiKey, mailer: options.mailer, client: clientOf(req) });
      }
      const user = await getSessionUser({ db: options.db, secret: options.secret, cookieHeader: req.headers.cookie });
      return createInnerContext({ user, mailer: options.mailer, client: clientOf(req) });
    },
  });
}
