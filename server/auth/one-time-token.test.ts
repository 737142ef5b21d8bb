import { describe, expect, it } from "vitest";
import { generateOneTimeToken, hashOneTimeToken, isOneTimeTokenShaped } from "./one-time-token";

describe("one-time link tokens", () => {
  it("are 32 random bytes in base64url with only their sha256 kept, different every time", () => {
    const { token, hash } = generateOneTimeToken();
    expect(isOneTimeTokenShaped(token)).toBe(true);
    expect(hash).toBe(hashOneTimeToken(token));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(Array.from({ length: 50 }, () => generateOneTimeToken().token)).size).toBe(50);
  });

  it("tell a token from a truncated or padded copy", () => {
    const { token } = generateOneTimeToken();
    expect(isOneTimeTokenShaped(token.slice(1))).toBe(false);
    expect(isOneTimeTokenShaped(`${token}=`)).toBe(false);
    expect(isOneTimeTokenShaped("not-a-real-token")).toBe(false);
  });
});
