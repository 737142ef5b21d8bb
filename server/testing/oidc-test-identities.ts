// Who the test OpenID Connect provider (oidc-issuer.ts) knows, kept apart so playwright.config.ts can read the client
// without loading oidc-provider.

/** Claims by login. `ada` is in studio-admins; `mallory` claims the seeded admin's address without having verified it. */
export const OIDC_TEST_USERS: Record<string, Record<string, unknown>> = {
  ada: { sub: "ada", email: "ada@oidc.test", email_verified: true, name: "Ada Lovelace", groups: ["studio-admins"] },
  mallory: { sub: "mallory", email: "admin@localhost", email_verified: false, name: "Mallory", groups: ["studio-admins"] },
};

export const OIDC_TEST_CLIENT = { clientId: "studio-e2e", clientSecret: "studio-e2e-client-secret-0123456789" };
