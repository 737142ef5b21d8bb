import { describe, expect, it } from "vitest";
import { filterGraphs } from "./filter-graphs";

const graphs = [
  { name: "Support triage", updatedAt: "2026-12-01T10:00:00Z", publishedAt: null },
  { name: "Invoice agent 10", updatedAt: "2026-12-03T10:00:00Z", publishedAt: "2026-12-02T00:00:00Z" },
  { name: "invoice agent 9", updatedAt: "2026-11-01T10:00:00Z", publishedAt: "2026-12-03T00:00:00Z" },
];

describe("filterGraphs", () => {
  it("keeps graphs whose name holds every word, in any case and order", () => {
    expect(filterGraphs(graphs, "AGENT invoice", "name").map((graph) => graph.name)).toEqual(["invoice agent 9", "Invoice agent 10"]);
    expect(filterGraphs(graphs, "  ", "name")).toHaveLength(3);
    expect(filterGraphs(graphs, "billing", "name")).toEqual([]);
  });

  it("orders by last change, by name (numbers as numbers) or by last publish, never published last", () => {
    expect(filterGraphs(graphs, "", "updated").map((graph) => graph.name)).toEqual(["Invoice agent 10", "Support triage", "invoice agent 9"]);
    expect(filterGraphs(graphs, "", "published").map((graph) => graph.name)).toEqual(["invoice agent 9", "Invoice agent 10", "Support triage"]);
  });
});
