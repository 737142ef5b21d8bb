import { describe, expect, it } from "vitest";
import { readTagFilter, tagFilterHref } from "./graph-tag-filter";

describe("graph list tag filter", () => {
  it("reads valid tags from the URL, lowercased and once each, and writes them back", () => {
    expect(readTagFilter(new URLSearchParams("tag=Support&tag=support&tag=two%20words&tag=billing-v2"))).toEqual(["support", "billing-v2"]);
    expect(tagFilterHref("demo", ["support", "billing-v2"])).toBe("/w/demo?tag=support&tag=billing-v2");
    expect(tagFilterHref("demo", [])).toBe("/w/demo");
  });
});
