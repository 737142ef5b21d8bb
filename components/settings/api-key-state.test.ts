import { describe, expect, it } from "vitest";
import { describeApiKeyState, expiryFromDays } from "./api-key-state";

const now = new Date("2026-11-27T12:00:00.000Z");

describe("describeApiKeyState", () => {
  it("calls a key active until it is revoked or its expiry passes", () => {
    expect(describeApiKeyState({ revokedAt: null, expiresAt: null }, now)).toEqual({ label: "active", isUsable: true });
    expect(describeApiKeyState({ revokedAt: null, expiresAt: "2026-11-28T00:00:00.000Z" }, now).label).toBe("active");
    expect(describeApiKeyState({ revokedAt: null, expiresAt: "2026-11-27T12:00:00.000Z" }, now)).toEqual({ label: "expired", isUsable: false });
  });

  it("shows a revoked key as revoked even after its expiry", () => {
    expect(describeApiKeyState({ revokedAt: "2026-11-01T00:00:00.000Z", expiresAt: "2026-11-02T00:00:00.000Z" }, now).label).toBe("revoked");
  });
});

describe("expiryFromDays", () => {
  it("counts days from now, and sends nothing for a key that never expires", () => {
    expect(expiryFromDays(30, now)).toBe("2026-12-27T12:00:00.000Z");
    expect(expiryFromDays(null, now)).toBeUndefined();
  });
});
