// Serves next-auth's /api/auth/* endpoints from the custom server, so the auth handlers run in the same process and
// module graph as tRPC, sockets and the runtime (see server/README.md). next-auth's pages-API handler expects Next's
// req.query / req.body / req.cookies and res.status / res.send / res.json; this file provides exactly those.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AuthOptions } from "next-auth";
import NextAuthModule from "next-auth/next";
import { readBody } from "../http/read-body";
import { checkLoginAttempt, type TLoginRefusal } from "../rate-limits/login-limits";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "../http/client-address";
import { parseCookies } from "./parse-cookies";

type TNextAuthApiHandler = (req: unknown, res: unknown, options: AuthOptions) => Promise<void>;

// next-auth ships CommonJS with an `exports.default`; under ESM the function sits one level down.
const NextAuth = ((NextAuthModule as unknown as { default?: unknown }).default ?? NextAuthModule) as TNextAuthApiHandler;

const MAX_AUTH_BODY_BYTES = 16 * 1024;

export async function handleAuthRequest(req: IncomingMessage, res: ServerResponse, options: AuthOptions): Promise<void> {
  const url = new URL(req.url ?? "/", "http://studio.local");
  const nextauth = url.pathname.replace(/^\/api\/auth\/?/, "").split("/").filter(Boolean);
  const body = req.method === "POST" ? await readAuthBody(req) : undefined;
  // The address the limits count, from the connection (never from what the client sends); authorize() reads it here.
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req);
  if (body && nextauth.join("/") === "callback/credentials") {
    const refusal = await checkLoginAttempt({ email: body.email ?? "", address: clientAddressOf(req) });
    if (refusal) return refuseSignIn(res, refusal);
  }

  const apiReq = Object.assign(req, {
    query: { ...Object.fromEntries(url.searchParams), nextauth },
    body,
    cookies: parseCookies(req.headers.cookie),
  });
  const apiRes = Object.assign(res, {
    status(code: number) {
      res.statusCode = code;
      return apiRes;
    },
    json(value: unknown) {
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify(value));
    },
    send(value: unknown) {
      if (value === undefined || value === null) return void res.end();
      if (typeof value === "string") return void res.end(value);
      if (!res.hasHeader("Content-Type")) res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify(value));
    },
  });
  await NextAuth(apiReq, apiRes, options);
}

/** 429 with Retry-After, in the shape next-auth's client reads (`url` carrying `?error=`), so the form can say why. */
function refuseSignIn(res: ServerResponse, refusal: TLoginRefusal): void {
  res.statusCode = 429;
  res.setHeader("Retry-After", String(refusal.retryAfterSeconds));
  res.setHeader("Content-Type", "application/json");
  res.end(JSON.stringify({ url: `/signin?error=TooManyAttempts`, error: refusal.reason, retryAfterSeconds: refusal.retryAfterSeconds }));
}

async function readAuthBody(req: IncomingMessage): Promise<Record<string, string>> {
  const raw = await readBody(req, MAX_AUTH_BODY_BYTES);
  if ((req.headers["content-type"] ?? "").includes("application/json")) {
    const parsed: unknown = JSON.parse(raw || "{}");
    return parsed && typeof parsed === "object" ? Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)])) : {};
  }
  return Object.fromEntries(new URLSearchParams(raw));
}
