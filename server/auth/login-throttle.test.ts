import { describe, expect, it } from "vitest";
import { clearLoginFailures, isLoginThrottled, recordLoginFailure } from "./login-throttle";

describe("login throttle", () => {
  it("blocks an email after ten failures and releases it after the window", () => {
    const email = "throttle@example.test";
    const start = 1_000_000;
    for (let i = 0; i < 10; i++) recordLoginFailure(email, start + i);
    expect(isLoginThrottled(email, start + 10)).toBe(true);
    expect(isLoginThrottled("other@example.test", start + 10)).toBe(false);
    expect(isLoginThrottled(email, start + 11 * 60 * 1000)).toBe(false);
    clearLoginFailures(email);
  });
});
