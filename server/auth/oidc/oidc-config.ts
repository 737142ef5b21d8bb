// STUDIO_OIDC_PROVIDERS: the OpenID Connect providers users may sign in with, as one JSON array (README.md, Configuration).
import { z } from "zod";
import type { TRole } from "@/lib/auth/access-rights";

/** Roles a provider may hand out. Never owner: ownership is given inside the studio, by an owner. */
const MAPPED_ROLES = ["admin", "editor", "operator", "viewer"] as const satisfies readonly TRole[];
const ZMappedRole = z.enum(MAPPED_ROLES);

const ZRoleRule = z.strictObject({
  /** A claim of the ID token, e.g. `groups`. */
  claim: z.string().min(1).max(100),
  /** Matches a list claim holding this value, or a text claim equal to it. */
  contains: z.string().min(1).max(200),
  role: ZMappedRole,
});

const ZIssuer = z
  .url({ protocol: /^https?$/ })
  .transform((issuer) => issuer.replace(/\/+$/, ""))
  // Tokens and codes cross this connection: plain http only to this machine (a local test provider).
  .refine((issuer) => issuer.startsWith("https:") || isLoopbackUrl(issuer), "must use https (http only for localhost or 127.0.0.1)");

const ZDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, "must be a domain name such as example.com");

export const ZOidcProvider = z.strictObject({
  /** Part of the callback URL: `/api/auth/callback/<id>`, registered at the provider. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "must be 1-40 lowercase letters, digits or dashes")
    .refine((id) => id !== "credentials", "`credentials` is the password sign-in"),
  name: z.string().trim().min(1).max(60),
  issuer: ZIssuer,
  clientId: z.string().min(1).max(500),
  clientSecret: z.string().min(1).max(500),
  scopes: z
    .string()
    .trim()
    .default("openid email profile")
    .refine((scopes) => scopes.split(/\s+/).includes("openid"), "must include openid"),
  /** Absent: any domain. */
  allowedEmailDomains: z.array(ZDomain).min(1).optional(),
  /** The first rule that matches gives the role; none: `defaultRole`. */
  roleMapping: z.array(ZRoleRule).default([]),
  defaultRole: ZMappedRole.default("viewer"),
  /** Slug of the workspace these users join. */
  workspace: z.string().min(1).max(100),
});
export type TOidcProvider = z.infer<typeof ZOidcProvider>;
export type TMappedRole = TOidcProvider["defaultRole"];

export const ZOidcProviders = z.array(ZOidcProvider).superRefine((providers, ctx) => {
  const seen = new Set<string>();
  providers.forEach((provider, index) => {
    if (seen.has(provider.id)) ctx.addIssue({ code: "custom", path: [index, "id"], message: `"${provider.id}" is used twice` });
    seen.add(provider.id);
  });
});

/** The variable's text: JSON, then the schema. Errors carry the path of the bad field. */
export const ZOidcProvidersJson = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `is not valid JSON (${(error as Error).message})` });
      return z.NEVER;
    }
  })
  .pipe(ZOidcProviders);

function isLoopbackUrl(url: string): boolean {
  const { hostname } = new URL(url);
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}
