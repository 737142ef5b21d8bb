// tRPC over HTTP on the custom server at /api/trpc/*.
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { TDb } from "../db/client";
import { getSessionUser } from "../auth/session-user";
import { appRouter } from "./root";
import { createInnerContext } from "./trpc";

/** Largest request body: a graph at its size limit (lib/graph/limits.ts) plus room for the envelope. */
export const MAX_TRPC_BODY_BYTES = 5 * 1024 * 1024;

export function createTrpcHttpHandler(options: { db: TDb; secret: string }) {
  return createHTTPHandler({
    router: appRouter,
    basePath: "/api/trpc/",
    maxBodySize: MAX_TRPC_BODY_BYTES,
    async createContext({ req }) {
      const user = await getSessionUser({ db: options.db, secret: options.secret, cookieHeader: req.headers.cookie });
      return createInnerContext({ user });
    },
  });
}
