import { cookies } from "next/headers";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie";

/** A cheap pre-check for pages: no cookie means no session. The API checks the session itself on every call. */
export async function hasSessionCookie(): Promise<boolean> {
  const jar = await cookies();
  return SESSION_COOKIE_NAMES.some((name) => jar.has(name));
}
