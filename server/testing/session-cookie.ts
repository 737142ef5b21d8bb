import { encode } from "next-auth/jwt";
import type { TSessionUser } from "../auth/session-user";

export const TEST_SECRET = "integration-test-secret-0123456789abcdef";

/** The Cookie header a browser signed in as `user` would send. */
export async function sessionCookieFor(user: TSessionUser): Promise<string> {
  const token = await encode({ token: { sub: user.id, email: user.email, sid: user.sessionToken }, secret: TEST_SECRET });
  return `next-auth.session-token=${token}`;
}
