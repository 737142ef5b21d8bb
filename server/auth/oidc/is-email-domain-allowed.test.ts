import { describe, expect, it } from "vitest";
import { isEmailDomainAllowed } from "./is-email-domain-allowed";

describe("isEmailDomainAllowed", () => {
  it("allows any domain without a list", () => {
    expect(isEmailDomainAllowed("a@anything.test", undefined)).toBe(true);
  });

  it("allows listed domains only, exactly", () => {
    const allowed = ["example.com"];
    expect(isEmailDomainAllowed("ann@example.com", allowed)).toBe(true);
    expect(isEmailDomainAllowed("ann@EXAMPLE.com", allowed)).toBe(true);
    expect(isEmailDomainAllowed("ann@sub.example.com", allowed)).toBe(false);
    expect(isEmailDomainAllowed("ann@example.com.evil.test", allowed)).toBe(false);
    expect(isEmailDomainAllowed("example.com@evil.test", allowed)).toBe(false);
    expect(isEmailDomainAllowed("@example.com", allowed)).toBe(false);
  });
});
