import { describe, expect, it } from "vitest";
import { readBearerToken } from "./bearer-token";

describe("readBearerToken", () => {
  it("reads the token of a Bearer header, whatever the scheme's case", () => {
    expect(readBearerToken("Bearer ocs_abc")).toBe("ocs_abc");
    expect(readBearerToken("bearer  ocs_abc ")).toBe("ocs_abc");
  });

  it("finds none without a header, with another scheme, or with an empty or split token", () => {
    expect(readBearerToken(undefined)).toBeUndefined();
    expect(readBearerToken("Basic dXNlcjpwYXNz")).toBeUndefined();
    expect(readBearerToken("Bearer ")).toBeUndefined();
    expect(readBearerToken("Bearer a b")).toBeUndefined();
  });
});
