import { describe, expect, it } from "vitest";
import { formatRunNumber, formatRunRef } from "./run-number";

describe("run names", () => {
  it("names a run of the graph in view by its number and another graph's run with that graph's name", () => {
    const ref = { runId: "cm0abc", seen: { number: 12, graphId: "g-summarize", graphName: "Summarize" } };
    expect(formatRunNumber(3)).toBe("#3");
    expect(formatRunRef(ref, "g-summarize")).toBe("#12");
    expect(formatRunRef(ref, "g-triage")).toBe("Summarize #12");
    expect(formatRunRef({ runId: "cm0abc", seen: null }, "g-triage")).toBe("a run you cannot see");
  });
});
