import { describe, expect, it } from "vitest";
import { decideOidcSignIn } from "./decide-oidc-sign-in";
import { readOidcIdentity } from "./read-oidc-identity";

const base = { email: "ann@example.com", isEmailVerified: true, isDomainAllowed: true, linkedUserId: undefined, userIdWithEmail: undefined };

describe("decideOidcSignIn", () => {
  it("creates a user for a new verified address, links an existing one, and reuses a link", () => {
    expect(decideOidcSignIn(base)).toEqual({ kind: "create" });
    expect(decideOidcSignIn({ ...base, userIdWithEmail: "u1" })).toEqual({ kind: "link", userId: "u1" });
    expect(decideOidcSignIn({ ...base, linkedUserId: "u2", userIdWithEmail: "u1" })).toEqual({ kind: "linked", userId: "u2" });
  });

  it("never links or creates by an unverified address", () => {
    const unverified = { ...base, isEmailVerified: false };
    expect(decideOidcSignIn({ ...unverified, userIdWithEmail: "admin" })).toEqual({ kind: "refuse", reason: "OidcEmailUnverified" });
    expect(decideOidcSignIn(unverified)).toEqual({ kind: "refuse", reason: "OidcEmailUnverified" });
    expect(decideOidcSignIn({ ...unverified, linkedUserId: "u2" })).toEqual({ kind: "refuse", reason: "OidcEmailUnverified" });
  });

  it("refuses a missing address and a domain off the list, even for a linked account", () => {
    expect(decideOidcSignIn({ ...base, email: undefined })).toEqual({ kind: "refuse", reason: "OidcEmailMissing" });
    expect(decideOidcSignIn({ ...base, isDomainAllowed: false, linkedUserId: "u2" })).toEqual({ kind: "refuse", reason: "OidcEmailDomain" });
  });
});

describe("readOidcIdentity", () => {
  it("lowercases the address and reads email_verified strictly", () => {
    expect(readOidcIdentity({ email: " Ann@Example.COM ", email_verified: true, name: "Ann" })).toEqual({
      email: "ann@example.com",
      isEmailVerified: true,
      name: "Ann",
    });
    expect(readOidcIdentity({ email: "a@b.test", email_verified: "true" }).isEmailVerified).toBe(true);
    expect(readOidcIdentity({ email: "a@b.test", email_verified: "false" }).isEmailVerified).toBe(false);
    expect(readOidcIdentity({ email: "a@b.test", email_verified: 1 }).isEmailVerified).toBe(false);
    expect(readOidcIdentity({ email: "a@b.test" }).isEmailVerified).toBe(false);
  });

  it("has no address without an @, and takes preferred_username when there is no name", () => {
    expect(readOidcIdentity({ email: "ann", preferred_username: "ann" })).toEqual({ email: undefined, isEmailVerified: false, name: "ann" });
  });
});
