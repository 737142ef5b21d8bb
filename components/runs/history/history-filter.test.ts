import { describe, expect, it } from "vitest";
import { parseHistoryFilter, runHistoryHref, toHistorySearch, toRunFilterInput } from "./history-filter";

describe("history filter in the URL", () => {
  it("round-trips every part through the query string", () => {
    const search = "?status=failed,cancelled&trigger=webhook&graph=g1&version=draft&from=2026-01-02T03:04:05.000Z&to=2026-01-03T00:00:00.000Z&error=time+out";
    const filter = parseHistoryFilter(new URLSearchParams(search));
    expect(filter).toEqual({ statuses: ["failed", "cancelled"], triggers: ["webhook"], graphId: "g1", version: "draft", range: undefined, from: "2026-01-02T03:04:05.000Z", to: "2026-01-03T00:00:00.000Z", errorText: "time out" });
    expect(parseHistoryFilter(new URLSearchParams(toHistorySearch(filter)))).toEqual(filter);
    expect(toHistorySearch({ ...filter, errorText: " ", statuses: [], triggers: [], graphId: undefined, version: undefined, from: undefined, to: undefined })).toBe("");
  });

  it("drops values it does not know instead of failing the page", () => {
    const filter = parseHistoryFilter(new URLSearchParams("status=failed,exploded&trigger=carrier-pigeon&version=0&range=1y&from=yesterday"));
    expect(filter).toMatchObject({ statuses: ["failed"], triggers: [], version: undefined, range: undefined, from: undefined });
  });

  it("links a graph's runs", () => {
    expect(runHistoryHref("demo", { graphId: "g 1" })).toBe("/w/demo/runs?graph=g+1");
    expect(runHistoryHref("demo")).toBe("/w/demo/runs");
  });
});

describe("history filter to the API", () => {
  it("turns a preset window into a start relative to now and leaves empty parts out", () => {
    const now = Date.parse("2026-05-01T12:00:00.000Z");
    const filter = parseHistoryFilter(new URLSearchParams("range=24h&version=3&error=%20%20"));
    expect(toRunFilterInput(filter, now)).toEqual({ createdAfter: "2026-04-30T12:00:00.000Z" });
  });

  it("sends the version only with its graph", () => {
    const filter = parseHistoryFilter(new URLSearchParams("graph=g1&version=3"));
    expect(toRunFilterInput(filter, 0)).toMatchObject({ graphId: "g1", versionNumber: 3 });
  });
});
