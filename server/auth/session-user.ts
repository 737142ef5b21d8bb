// Resolves the signed-in user of a request (HTTP or socket handshake) from the next-auth session cookie.
// The cookie is a JWT naming a Session row; the row is the truth, so deleting it signs that browser out everywhere.
import { decode } from "next-auth/jwt";
import type { TDb } from "../db/client";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie";
import { parseCookies } from "./parse-cookies";

/** `expiresAt`: when the session row ends (sockets opened with it close then); known when read from a request. */
export type TSessionUser = { id: string; email: string; name: string | null; sessionToken: string; expiresAt?: Date };


export async function getSessionUser(options: {
  db: TDb;
  secret: string;
  cookieHeader: string | undefined;
}): Promise<TSessionUser | null> {
  const cookies = parseCookies(options.cookieHeader);
  const token = SESSION_COOKIE_NAMES.map((name) => cookies[name]).find(Boolean);
  if (!token) return null;

  const payload = await decode({ token, secret: options.secret }).catch(() => null);
  const sessionToken = typeof payload?.sid === "string" ? payload.sid : undefined;
  if (!sessionToken) return null;

  const session = await options.db.session.findUnique({
    where: { sessionToken },
    select: { expires: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!session || session.expires.getTime() <= Date.now()) return null;
  return { ...session.user, sessionToken, expiresAt: session.expires };
}
