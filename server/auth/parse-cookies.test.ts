import { describe, expect, it } from "vitest";
import { parseCookies } from "./parse-cookies";

describe("parseCookies", () => {
  it("parses, decodes and keeps the first of duplicate names", () => {
    expect(parseCookies('a=1; b="x%20y"; a=2; broken; =nameless')).toEqual({ a: "1", b: "x y" });
  });

  it("survives malformed encodings and a missing header", () => {
    expect(parseCookies("a=%E0%A4%A")).toEqual({ a: "%E0%A4%A" });
    expect(parseCookies(undefined)).toEqual({});
  });
});
