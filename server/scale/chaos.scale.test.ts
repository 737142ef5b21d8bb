// The short chaos run of queue mode (issue #16): 200 runs, a random worker SIGKILLed every 3 s and Postgres killed once
// mid-batch; `npm run chaos` is the full one (server/scale/chaos/run-chaos.ts) with the same scenario.
import { expect, it } from "vitest";
import { runChaos } from "./chaos/chaos-scenario";

it("two workers, killed over and over, and a Postgres restart: no run lost or stuck, no step or effect twice, the fault-free outputs", async () => {
  const result = await runChaos({ runs: 200, killEveryMs: 3_000, leaseMs: 2_000, restartPostgresAt: 0.4, deadlineMs: 120_000 });
  expect(result).toMatchObject({ lostRuns: 0, stuckRuns: 0, duplicateSteps: 0, duplicateEffects: 0, missingEffects: 0, wrongOutputs: 0, postgresRestarts: 1 });
  expect(result.workerKills).toBeGreaterThanOrEqual(3);
}, 170_000);
