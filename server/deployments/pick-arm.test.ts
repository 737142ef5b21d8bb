import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pickArm } from "./pick-arm";

describe("pickArm", () => {
  it("sends a delivery id to the same side every time, and never to the candidate without a share", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 1, max: 50 }), (deploymentId, deliveryId, candidateShare) => {
        const first = pickArm({ deploymentId, deliveryId, candidateShare });
        expect(pickArm({ deploymentId, deliveryId, candidateShare })).toBe(first);
        expect(pickArm({ deploymentId, deliveryId, candidateShare: null })).toBe("stable");
      }),
    );
  });

  it("keeps a delivery on the candidate when the share grows, so raising a share never moves a candidate run back", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), fc.integer({ min: 1, max: 49 }), fc.integer({ min: 1, max: 49 }), (deploymentId, deliveryId, share, more) => {
        const larger = Math.min(50, share + more);
        if (pickArm({ deploymentId, deliveryId, candidateShare: share }) === "candidate") {
          expect(pickArm({ deploymentId, deliveryId, candidateShare: larger })).toBe("candidate");
        }
      }),
    );
  });

  it("sends the share of 10,000 delivery ids to the candidate, within 2 points", { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.uuid(), fc.string({ maxLength: 12 }), fc.integer({ min: 1, max: 50 }), (deploymentId, prefix, candidateShare) => {
        const deliveryIds = Array.from({ length: 10_000 }, (_, index) => `${prefix}${index}`);
        const toCandidate = deliveryIds.filter((deliveryId) => pickArm({ deploymentId, deliveryId, candidateShare }) === "candidate").length;
        expect(Math.abs((toCandidate / deliveryIds.length) * 100 - candidateShare)).toBeLessThan(2);
      }),
      { numRuns: 20 },
    );
  });
});
