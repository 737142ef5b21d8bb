// A real OpenID Connect provider for tests (oidc-provider), on 127.0.0.1 only: one confidential client that must use
// PKCE (S256), two people, and oidc-provider's development login and consent pages (any password is accepted).
import { generateKeyPairSync, randomBytes } from "node:crypto";
import type { Server } from "node:http";
import Provider from "oidc-provider";
import { OIDC_TEST_CLIENT, OIDC_TEST_USERS } from "./oidc-test-identities";

export type TOidcIssuer = { issuer: string; close: () => Promise<void> };

export async function startOidcIssuer(options: { port: number; redirectUris: string[] }): Promise<TOidcIssuer> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_TEST_CLIENT.clientId,
        client_secret: OIDC_TEST_CLIENT.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: "test-signing-key", use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    pkce: { required: () => true, methods: ["S256"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    // The studio reads the ID token only (next-auth `idToken: true`), so scope claims go into it, not just userinfo.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const claims = Object.hasOwn(OIDC_TEST_USERS, id) ? OIDC_TEST_USERS[id] : undefined;
      return claims && { accountId: id, claims: async () => ({ ...claims, sub: id }) };
    },
  });
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(options.port, "127.0.0.1", () => resolve(listening));
  });
  return {
    issuer,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
