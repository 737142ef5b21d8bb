import { describe, expect, it } from "vitest";
import { describeWorkspaceFieldProblem, suggestWorkspaceSlug, ZWorkspaceName, ZWorkspaceSlug } from "./workspace-name";

describe("workspace slugs", () => {
  it("accepts lowercase words joined by single hyphens", () => {
    for (const slug of ["team-a", "abc", "eu-2", "a1b2c3"]) expect(ZWorkspaceSlug.safeParse(slug).success).toBe(true);
  });

  it("refuses what cannot sit in a URL, too short or long, and reserved names, saying why", () => {
    expect(describeWorkspaceFieldProblem(ZWorkspaceSlug, "ab")).toContain("at least 3");
    expect(describeWorkspaceFieldProblem(ZWorkspaceSlug, "a".repeat(41))).toContain("at most 40");
    for (const slug of ["Team", "team_a", "-team", "team-", "te--am", "tëam", "team/a"]) {
      expect(describeWorkspaceFieldProblem(ZWorkspaceSlug, slug)).toContain("lowercase letters");
    }
    expect(describeWorkspaceFieldProblem(ZWorkspaceSlug, "settings")).toContain("reserved");
    expect(describeWorkspaceFieldProblem(ZWorkspaceSlug, "api")).toContain("reserved");
  });

  it("is suggested from a name", () => {
    expect(suggestWorkspaceSlug("Team A (EU)")).toBe("team-a-eu");
    expect(suggestWorkspaceSlug("  Café Ops  ")).toBe("cafe-ops");
    expect(suggestWorkspaceSlug("日本")).toBe("");
    expect(suggestWorkspaceSlug(`${"x".repeat(39)} y`)).toBe("x".repeat(39));
  });
});

describe("workspace names", () => {
  it("accepts names in any script and trims them", () => {
    expect(ZWorkspaceName.parse("  Ops & Support (EU)  ")).toBe("Ops & Support (EU)");
    expect(ZWorkspaceName.safeParse("Équipe 日本").success).toBe(true);
  });

  it("refuses empty, long and control or markup characters", () => {
    expect(describeWorkspaceFieldProblem(ZWorkspaceName, "   ")).toContain("needs a name");
    expect(describeWorkspaceFieldProblem(ZWorkspaceName, "x".repeat(65))).toContain("at most 64");
    for (const name of ["a\u0000b", "tab\there", "<script>", "a\u202eb"]) expect(ZWorkspaceName.safeParse(name).success).toBe(false);
  });
});
