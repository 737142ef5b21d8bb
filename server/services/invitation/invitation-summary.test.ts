import { describe, expect, it } from "vitest";
import { invitationState, normalizeEmail } from "./invitation-summary";

const now = new Date("2026-12-04T12:00:00Z");
const later = new Date("2026-12-11T12:00:00Z");
const earlier = new Date("2026-12-01T12:00:00Z");

describe("invitation state", () => {
  it("is pending until it expires, and accepted or revoked say what happened even after expiry", () => {
    expect(invitationState({ acceptedAt: null, revokedAt: null, expiresAt: later }, now)).toBe("pending");
    expect(invitationState({ acceptedAt: null, revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(invitationState({ acceptedAt: earlier, revokedAt: null, expiresAt: earlier }, now)).toBe("accepted");
    expect(invitationState({ acceptedAt: null, revokedAt: earlier, expiresAt: earlier }, now)).toBe("revoked");
  });

  it("compares emails trimmed and lower-cased", () => {
    expect(normalizeEmail("  Ada.Lovelace@Example.COM ")).toBe("ada.lovelace@example.com");
  });
});
