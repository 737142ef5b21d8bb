// `npm run chaos`: the full chaos run of queue mode (issue #16), 1,000 runs (CHAOS_RUNS to change), a random worker
// SIGKILLed every 3 s and Postgres killed once; prints one JSON line {"name","value"} per figure, progress on stderr.
// Needs Redis (STUDIO_TEST_REDIS_URL, else 127.0.0.1:6379); Postgres is an embedded one of its own.
import { disconnectDb } from "../../db/client";
import { runChaos } from "./chaos-scenario";

const runs = Number(process.env.CHAOS_RUNS ?? 1_000);
const result = await runChaos({ runs, killEveryMs: 3_000, leaseMs: 2_000, restartPostgresAt: 0.4, deadlineMs: 15 * 60_000, onProgress: (line) => console.error(line) });
await disconnectDb();
const figures: [string, number][] = [
  ["runs", runs],
  ["lost_runs", result.lostRuns],
  ["stuck_runs", result.stuckRuns],
  ["duplicate_steps", result.duplicateSteps],
  ["duplicate_effects", result.duplicateEffects],
  ["repeated_effects_same_key", result.repeatedEffects],
  ["missing_effects", result.missingEffects],
  ["wrong_outputs", result.wrongOutputs],
  ["worker_kills", result.workerKills],
  ["postgres_restarts", result.postgresRestarts],
  ["wall_s", Math.round(result.wallSeconds * 10) / 10],
];
for (const [name, value] of figures) console.log(JSON.stringify({ name, value }));
const clean = result.lostRuns + result.stuckRuns + result.duplicateSteps + result.duplicateEffects + result.missingEffects + result.wrongOutputs === 0;
process.exit(clean ? 0 : 1);
