// The `?error=` codes the sign-in page can receive, and the words it shows for each. The server redirects with the
// studio's own codes (OIDC refusals); next-auth adds its own for failures inside its flow (state, PKCE, the token call).
export const OIDC_REFUSALS = ["OidcEmailMissing", "OidcEmailUnverified", "OidcEmailDomain", "OidcWorkspaceMissing", "OidcFailed"] as const;
export type TOidcRefusal = (typeof OIDC_REFUSALS)[number];

const MESSAGES: Record<TOidcRefusal, string> = {
  OidcEmailMissing: "Your identity provider did not share an email address, so the studio cannot sign you in.",
  // One message whether or not a studio account has that address: the page must not tell who has an account.
  OidcEmailUnverified:
    "Your email address is not verified by your identity provider. The studio signs in and links accounts by verified addresses only: verify it there, or sign in with your password.",
  OidcEmailDomain: "Your email domain is not allowed to sign in with this identity provider.",
  OidcWorkspaceMissing: "This sign-in method is not set up correctly (its workspace does not exist). Ask an admin.",
  OidcFailed: "Signing in with your identity provider failed. Try again.",
};

const NEXT_AUTH_MESSAGES: Record<string, string> = {
  OAuthSignin: "The identity provider could not be reached. Try again, or ask an admin to check its configuration.",
  OAuthCallback: "The identity provider's answer could not be verified. Try again.",
  OAuthAccountNotLinked: MESSAGES.OidcEmailUnverified,
  AccessDenied: "Access denied.",
  Callback: MESSAGES.OidcFailed,
  TooManyAttempts: "Too many failed sign-ins. Wait a little before the next try: each failure doubles the wait.",
};

/** The words for a sign-in page `?error=` value; undefined when there is none. An unknown code still gets words. */
export function describeSignInError(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (Object.hasOwn(MESSAGES, code)) return MESSAGES[code as TOidcRefusal];
  if (Object.hasOwn(NEXT_AUTH_MESSAGES, code)) return NEXT_AUTH_MESSAGES[code];
  return "Sign-in failed. Try again.";
}
