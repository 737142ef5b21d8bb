import { describe, expect, it } from "vitest";
import { readGraphTag } from "./graph-tags";

describe("graph tags", () => {
  it("takes one word, trimmed and lowercased, in any script", () => {
    expect(readGraphTag("  Support ")).toEqual({ tag: "support" });
    expect(readGraphTag("billing-v2")).toEqual({ tag: "billing-v2" });
    expect(readGraphTag("Überweisung_2")).toEqual({ tag: "überweisung_2" });
  });

  it("refuses spaces, punctuation, a leading dash, nothing and long words, saying why", () => {
    expect(readGraphTag("two words")).toEqual({ error: "A tag is one word: letters, digits, - and _, starting with a letter or digit" });
    expect(readGraphTag("prod!")).toMatchObject({ error: expect.stringContaining("one word") });
    expect(readGraphTag("-draft")).toMatchObject({ error: expect.stringContaining("starting with a letter or digit") });
    expect(readGraphTag("   ")).toEqual({ error: "A tag needs at least one letter or digit" });
    expect(readGraphTag("x".repeat(25))).toEqual({ error: "A tag has at most 24 characters" });
  });
});
