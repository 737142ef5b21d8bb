import { describe, expect, it } from "vitest";
import { describeSignInError, OIDC_REFUSALS } from "./sign-in-errors";

describe("describeSignInError", () => {
  it("has words for every refusal the server sends, and for next-auth's OAuth failures", () => {
    for (const code of [...OIDC_REFUSALS, "OAuthSignin", "OAuthCallback", "Callback"]) expect(describeSignInError(code)).toMatch(/\w+/);
    expect(describeSignInError("OidcEmailUnverified")).toContain("not verified");
  });

  it("shows nothing without a code, and generic words for an unknown one, prototype names included", () => {
    expect(describeSignInError(undefined)).toBeUndefined();
    expect(describeSignInError("constructor")).toBe("Sign-in failed. Try again.");
    expect(describeSignInError("<script>")).toBe("Sign-in failed. Try again.");
  });
});
