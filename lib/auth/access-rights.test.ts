import { describe, expect, it } from "vitest";
import { ACCESS_RIGHTS, hasScope, isRoleAtMost, lowerRole, ROLES } from "./access-rights";

describe("access rights", () => {
  it("lets only editors and above change graphs", () => {
    const canCreate = ROLES.filter((role) => hasScope(role, "graph:create"));
    expect(canCreate).toEqual(["owner", "admin", "editor"]);
  });

  it("lets operators run and approve but not edit", () => {
    expect(hasScope("operator", "run:start")).toBe(true);
    expect(hasScope("operator", "run:approve")).toBe(true);
    expect(hasScope("operator", "graph:update")).toBe(false);
  });

  it("gives viewers read scopes only", () => {
    expect(ACCESS_RIGHTS.viewer.every((scope) => scope.endsWith(":read"))).toBe(true);
  });

  it("orders roles so that each holds every scope of the roles below it", () => {
    for (let i = 0; i < ROLES.length - 1; i++) {
      const lower = ACCESS_RIGHTS[ROLES[i + 1]!];
      expect(lower.every((scope) => hasScope(ROLES[i]!, scope))).toBe(true);
    }
  });

  it("lets only owners and admins manage API keys", () => {
    expect(ROLES.filter((role) => hasScope(role, "api-keys:manage"))).toEqual(["owner", "admin"]);
  });

  it("compares roles by power, so a key's role can be capped at its creator's", () => {
    expect(isRoleAtMost("editor", "admin")).toBe(true);
    expect(isRoleAtMost("admin", "admin")).toBe(true);
    expect(isRoleAtMost("owner", "admin")).toBe(false);
    expect(lowerRole("owner", "viewer")).toBe("viewer");
    expect(lowerRole("operator", "editor")).toBe("operator");
  });
});
