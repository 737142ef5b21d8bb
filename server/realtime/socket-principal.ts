// Who opened a socket: an API key (`auth: { token }` in the socket.io handshake, or an `Authorization: Bearer` header)
// or the session cookie's user. A socket that names a key is that key's: a key that does not authenticate is refused,
// never replaced by the cookie beside it.
import type { Socket } from "socket.io";
import { readBearerToken } from "../auth/bearer-token";
import type { TPrincipal } from "../auth/principal";
import { getSessionUser } from "../auth/session-user";
import type { TDb } from "../db/client";
import { authenticateApiKey } from "../services/api-key/authenticate-api-key";

export async function resolveSocketPrincipal(socket: Socket, options: { db: TDb; secret: string }): Promise<TPrincipal | null> {
  const token = handshakeToken(socket);
  if (token !== undefined) {
    const apiKey = await authenticateApiKey(options.db, { key: token });
    return apiKey && { kind: "apiKey", apiKey };
  }
  const user = await getSessionUser({ db: options.db, secret: options.secret, cookieHeader: socket.request.headers.cookie });
  return user && { kind: "user", user };
}

function handshakeToken(socket: Socket): string | undefined {
  const auth: unknown = socket.handshake.auth;
  if (auth && typeof auth === "object" && "token" in auth) return typeof auth.token === "string" ? auth.token : "";
  return readBearerToken(socket.request.headers.authorization);
}

/**
 * Browsers always send Origin on a WebSocket and cannot set Authorization, so a request without Origin that carries
 * a bearer token is a script with a key, not a page another site opened: the Origin allowlist has nothing to protect.
 */
export function isKeyClientWithoutOrigin(headers: { origin?: string; authorization?: string }): boolean {
  return !headers.origin && readBearerToken(headers.authorization) !== undefined;
}
