import { describe, expect, it } from "vitest";
import { CliUsageError, parseCliArgs } from "./parse-cli-args";

describe("parseCliArgs", () => {
  it("reads import with its options in either spelling, and export", () => {
    expect(parseCliArgs(["import", "cfg/openclaw.json", "--workspace", "team", "--name=Support"])).toEqual({ kind: "import", file: "cfg/openclaw.json", workspaceSlug: "team", name: "Support" });
    expect(parseCliArgs(["import", "openclaw.json"])).toEqual({ kind: "import", file: "openclaw.json", workspaceSlug: undefined, name: undefined });
    expect(parseCliArgs(["export", "graph-id"])).toEqual({ kind: "export", graphId: "graph-id" });
  });

  it("refuses what it does not know, with the usage", () => {
    for (const args of [[], ["import"], ["export"], ["export", "a", "b"], ["import", "f", "--force"], ["export", "g", "--name", "x"], ["import", "f", "--name"], ["delete", "g"]]) {
      expect(() => parseCliArgs(args), args.join(" ")).toThrow(CliUsageError);
    }
    expect(() => parseCliArgs(["import", "f", "--force"])).toThrow(/^unknown option --force\nusage: npm run openclaw/);
  });
});
