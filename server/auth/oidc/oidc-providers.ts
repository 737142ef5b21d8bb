// next-auth providers for the configured OpenID Connect issuers (next-auth 4: an "oauth" provider with `wellKnown`).
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TOidcProvider } from "./oidc-config";

type TIdTokenClaims = { sub: string; email?: string; name?: string } & Record<string, unknown>;

/**
 * Authorization code flow. next-auth keeps the PKCE verifier, state and nonce in signed cookies and checks all three
 * on the callback (core/lib/oauth/checks.js); with `idToken: true` openid-client verifies the ID token's signature,
 * issuer, audience and nonce, and the profile is its claims (no userinfo call). So email, email_verified and any claim
 * a role rule reads must be in the ID token.
 */
export function createOidcProviders(providers: readonly TOidcProvider[]): OAuthConfig<TIdTokenClaims>[] {
  return providers.map((provider) => ({
    id: provider.id,
    name: provider.name,
    type: "oauth",
    wellKnown: `${provider.issuer}/.well-known/openid-configuration`,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    authorization: { params: { scope: provider.scopes } },
    checks: ["pkce", "state", "nonce"],
    idToken: true,
    // Who it is stays `sub` (Account.providerAccountId); the studio user is found or made in the signIn callback.
    profile: (claims) => ({ id: claims.sub, email: claims.email ?? null, name: claims.name ?? null }),
  }));
}
