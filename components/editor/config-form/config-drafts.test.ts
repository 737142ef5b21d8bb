import { describe, expect, it } from "vitest";
import { GRAPH_FORMAT, type TGraphProblem, type TGraphSpec } from "@/lib/graph";
import { withDraftProblems } from "./config-drafts";
import { parseJsonText } from "./parse-json-text";

const spec: TGraphSpec = {
  format: GRAPH_FORMAT,
  nodes: [
    { id: "input", type: "core/input", typeVersion: 1, label: "Question", position: { x: 0, y: 0 }, config: {} },
    { id: "tool", type: "core/code", typeVersion: 1, label: "Count words", position: { x: 0, y: 0 }, config: {} },
  ],
  edges: [],
  settings: {},
};
const missingCode: TGraphProblem = { code: "MISSING_CONFIG", message: '"Count words" is missing the required setting "code"', path: ["nodes", 1, "config", "code"], nodeId: "tool" };
const missingSchema: TGraphProblem = { code: "MISSING_CONFIG", message: "stale", path: ["nodes", 1, "config", "toolInputSchema", "type"], nodeId: "tool" };

describe("withDraftProblems", () => {
  const error = (text: string) => {
    const parsed = parseJsonText(text);
    if (parsed.ok) throw new Error("should not parse");
    return parsed.error;
  };

  it("says what is wrong with unparsed JSON, where, in place of what validation says about the stale value", () => {
    const drafts = [{ nodeId: "tool", path: ["toolInputSchema"], text: '{ "type": }', error: error('{ "type": }') }];
    const problems = withDraftProblems([missingCode, missingSchema], drafts, spec);
    expect(problems.map((problem) => problem.message)).toEqual([
      '"Count words" is missing the required setting "code"',
      `"Count words" has invalid JSON in the setting "toolInputSchema" at line 1, column 11: ${drafts[0]!.error.message.split(": ").slice(1).join(": ")}`,
    ]);
    expect(problems[1]).toMatchObject({ code: "INVALID_JSON", path: ["nodes", 1, "config", "toolInputSchema"], nodeId: "tool" });
  });

  it("forgets drafts of deleted nodes and keeps the list as it was without drafts", () => {
    const list = [missingCode];
    expect(withDraftProblems(list, [], spec)).toBe(list);
    expect(withDraftProblems(list, [{ nodeId: "gone", path: ["x"], text: "{", error: error("{") }], spec)).toEqual(list);
  });
});
