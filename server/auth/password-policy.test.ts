import { describe, expect, it } from "vitest";
import { checkPassword } from "./password-policy";

describe("password policy", () => {
  it("refuses a password shorter than 12 characters, saying how long it is", () => {
    expect(checkPassword("Tr0ub4dor&3")).toEqual({ isAccepted: false, reason: "Use at least 12 characters (this one has 11)." });
  });

  it("refuses a long but guessable password with zxcvbn's reason", () => {
    const verdict = checkPassword("password1234");
    expect(verdict.isAccepted).toBe(false);
    expect(verdict.isAccepted ? "" : verdict.reason).toMatch(/^Too easy to guess\. .*common/i);
  });

  it("counts the person's own email and name against the password", () => {
    expect(checkPassword("margaret.hamilton", { email: "margaret.hamilton@example.com", name: "Margaret Hamilton" }).isAccepted).toBe(false);
  });

  it("accepts a long, uncommon passphrase", () => {
    expect(checkPassword("velvet-otter-crosses-9-fjords")).toEqual({ isAccepted: true });
  });
});
