import { describe, expect, it } from "vitest";
import { previousStableVersion } from "./previous-stable-version";

const deployed = (stableVersion: number) => ({ kind: "deployed", stableVersion, candidateVersion: null });
const promoted = (stableVersion: number, candidateVersion: number) => ({ kind: "promoted", stableVersion, candidateVersion });
const rolledBackTo = (stableVersion: number) => ({ kind: "rolled_back", stableVersion, candidateVersion: null });
const canaryRolledBack = (stableVersion: number, candidateVersion: number) => ({ kind: "rolled_back", stableVersion, candidateVersion });
const switched = (stableVersion: number, standby: number) => ({ kind: "switched", stableVersion, candidateVersion: standby });
const switchedBack = (stableVersion: number, idle: number) => ({ kind: "switched_back", stableVersion, candidateVersion: idle });
const idleDeployed = (stableVersion: number, idle: number) => ({ kind: "idle_deployed", stableVersion, candidateVersion: idle });

describe("previousStableVersion", () => {
  it("goes back one version per rollback, through promotions, and never forward again", () => {
    expect(previousStableVersion([deployed(1)])).toBeNull();
    expect(previousStableVersion([deployed(1), deployed(1)])).toBeNull();
    expect(previousStableVersion([deployed(1), deployed(2)])).toBe(1);
    expect(previousStableVersion([deployed(1), promoted(2, 2), deployed(3)])).toBe(2);
    expect(previousStableVersion([deployed(1), promoted(2, 2), deployed(3), rolledBackTo(2)])).toBe(1);
    expect(previousStableVersion([deployed(1), deployed(2), rolledBackTo(1)])).toBeNull();
  });

  it("ignores canaries rolled back: they never changed the stable version", () => {
    expect(previousStableVersion([deployed(1), canaryRolledBack(1, 2), deployed(3)])).toBe(1);
  });

  it("counts a blue/green switch as a new stable version and a switch back as a rollback; an idle deploy changes nothing", () => {
    expect(previousStableVersion([deployed(1), idleDeployed(1, 2)])).toBeNull();
    expect(previousStableVersion([deployed(1), idleDeployed(1, 2), switched(2, 1)])).toBe(1);
    expect(previousStableVersion([deployed(1), idleDeployed(1, 2), switched(2, 1), switchedBack(1, 2)])).toBeNull();
    expect(previousStableVersion([deployed(1), deployed(2), idleDeployed(2, 3), switched(3, 2), switchedBack(2, 3)])).toBe(1);
  });
});
