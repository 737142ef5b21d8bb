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

/** The API key the handshake presents (`auth: { token }` or `Authorization: Bearer`), if any. */
export function handshakeToken(socket: Socket): string | undefined {
  const auth: unknown = socket.handshake.auth;
  if (auth && typeof auth === "object" && "token" in auth) return typeof auth.token === "string" ? auth.token : "";
  return readBearerToken(socket.request.headers.authorization);
}
