// next-auth configuration: email + password credentials and the configured OIDC providers; a JWT cookie that points at
// a server-side Session row, whichever way the user signed in.
import { randomBytes } from "node:crypto";
import type { AuthOptions } from "next-auth";
import CredentialsProviderModule from "next-auth/providers/credentials";
import { z } from "zod";
import type { TDb } from "../db/client";
import { studioEvents } from "../events/studio-events";
import { logger } from "../telemetry/logger";
import { recordAccountEvent } from "../audit/record-account-event";
import { CLIENT_ADDRESS_HEADER } from "../http/client-address";
import { recordLoginFailure, recordLoginSuccess } from "../rate-limits/login-limits";
import type { TOidcProvider } from "./oidc/oidc-config";
import { createOidcProviders } from "./oidc/oidc-providers";
import { signInOidcUser } from "./oidc/sign-in-oidc-user";
import { getDecoyHash, verifyPassword } from "./password";

const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

const ZCredentials = z.object({ email: z.string().trim().toLowerCase().max(320), password: z.string().max(1024) });

// next-auth ships CommonJS with an `exports.default`; under ESM the function sits one level down.
const CredentialsProvider = ((CredentialsProviderModule as unknown as { default?: unknown }).default ??
  CredentialsProviderModule) as typeof CredentialsProviderModule;

export function createAuthOptions(options: { db: TDb; secret: string; oidcProviders?: readonly TOidcProvider[] }): AuthOptions {
  const { db } = options;
  const oidcProviders = new Map((options.oidcProviders ?? []).map((provider) => [provider.id, provider]));
  return {
    secret: options.secret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/signin", error: "/signin" },
    logger: {
      error: (code, metadata) => logger.error({ code, metadata }, "next-auth error"),
      warn: (code) => logger.warn({ code }, "next-auth warning"),
      debug: () => {},
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, req) {
          const parsed = ZCredentials.safeParse(raw);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          // The HTTP layer already refused a paused (email, address) pair or a noisy address with 429 (login-limits.ts).
          const attempt = { email, address: String(req.headers?.[CLIENT_ADDRESS_HEADER] ?? "unknown") };
          const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
          // Same work and same answer for an unknown email and a wrong password.
          const isValid = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), password);
          const seen = { method: "password", address: attempt.address, userAgent: readUserAgent(req.headers) };
          if (!user || !user.passwordHash || !isValid) {
            await recordLoginFailure(attempt);
            await recordAccountEvent(db, { ...seen, action: "account.signInFailed", user: null, email });
            return null;
          }
          await recordLoginSuccess(attempt);
          await recordAccountEvent(db, { ...seen, action: "account.signIn", user });
          return { id: user.id, email: user.email, name: user.name, userAgent: readUserAgent(req.headers) };
        },
      }),
      ...createOidcProviders([...oidcProviders.values()]),
    ],
    callbacks: {
      // Credentials reach here only with a verified password; an OIDC sign-in with a verified ID token.
      async signIn({ account, profile }) {
        const provider = account && oidcProviders.get(account.provider);
        if (!provider) return true;
        try {
          const result = await signInOidcUser(db, { provider, providerAccountId: account.providerAccountId, claims: { ...profile } });
          const email = typeof profile?.email === "string" ? profile.email : undefined;
          if ("refused" in result) await recordAccountEvent(db, { action: "account.signInFailed", user: null, email, method: provider.id });
          else await recordAccountEvent(db, { action: "account.signIn", user: { id: result.userId, email: email ?? "" }, method: provider.id });
          // A relative URL: next-auth redirects the browser to it as is.
          return "refused" in result ? `/signin?error=${result.refused}` : true;
        } catch (error) {
          logger.error({ err: error, provider: provider.id }, "OIDC sign-in failed");
          return "/signin?error=OidcFailed";
        }
      },
      async jwt({ token, user, account }) {
        if (user) {
          // For OIDC, next-auth's `user` is the provider's profile (its id is `sub`); signIn linked it to a studio user.
          const userId = account && oidcProviders.has(account.provider) ? await findLinkedUserId(db, account) : user.id;
          const sessionToken = randomBytes(32).toString("base64url");
          // Shown in the account's sessions list, so a person can tell their browsers apart.
          const userAgent = "userAgent" in user && typeof user.userAgent === "string" ? user.userAgent : null;
          await db.session.create({
            data: { sessionToken, userId, expires: new Date(Date.now() + SESSION_MAX_AGE_S * 1000), userAgent },
          });
          token.sub = userId;
          token.sid = sessionToken;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub } };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid !== "string") return;
        await db.session.deleteMany({ where: { sessionToken: token.sid } });
        // The tab that signed out may have left others open on the same session: their sockets close too.
        if (typeof token.sub === "string") {
          studioEvents.emit("session.ended", { userId: token.sub, sessionTokens: [token.sid] });
          await recordAccountEvent(db, { action: "account.signOut", user: { id: token.sub, email: typeof token.email === "string" ? token.email : "" }, method: "session" });
        }
      },
    },
  };
}

const MAX_USER_AGENT_LENGTH = 300;

function readUserAgent(headers: Record<string, unknown> | undefined): string | null {
  const value = headers?.["user-agent"];
  return typeof value === "string" && value ? value.slice(0, MAX_USER_AGENT_LENGTH) : null;
}

async function findLinkedUserId(db: TDb, account: { provider: string; providerAccountId: string }): Promise<string> {
  const link = await db.account.findUniqueOrThrow({
    where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
    select: { userId: true },
  });
  return link.userId;
}
