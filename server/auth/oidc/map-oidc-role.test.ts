import { describe, expect, it } from "vitest";
import { mapOidcRole } from "./map-oidc-role";

const provider = {
  roleMapping: [
    { claim: "groups", contains: "studio-admins", role: "admin" as const },
    { claim: "groups", contains: "studio-editors", role: "editor" as const },
    { claim: "department", contains: "ops", role: "operator" as const },
  ],
  defaultRole: "viewer" as const,
};

describe("mapOidcRole", () => {
  it("takes the first rule whose list claim holds the value", () => {
    expect(mapOidcRole({ groups: ["studio-editors", "studio-admins"] }, provider)).toBe("admin");
    expect(mapOidcRole({ groups: ["studio-editors"] }, provider)).toBe("editor");
  });

  it("matches a text claim only when equal", () => {
    expect(mapOidcRole({ department: "ops" }, provider)).toBe("operator");
    expect(mapOidcRole({ department: "devops" }, provider)).toBe("viewer");
    expect(mapOidcRole({ groups: "studio-admins-old" }, provider)).toBe("viewer");
  });

  it("falls back to the default role without the claim, and never reads inherited properties", () => {
    expect(mapOidcRole({}, provider)).toBe("viewer");
    expect(mapOidcRole({}, { roleMapping: [{ claim: "constructor", contains: "x", role: "admin" }], defaultRole: "editor" })).toBe("editor");
  });
});
