// A process that runs only what every web process runs for schedules (triggers/scheduler.ts) on DATABASE_URL, with
// the pass interval of SCHEDULER_TICK_MS: two of these race for the same ticks as two web processes do.
import { connectDb, disconnectDb } from "../../db/client";
import { createScheduler } from "../../triggers/scheduler";

const db = connectDb(process.env.DATABASE_URL!);
const scheduler = createScheduler({ db, tickMs: Number(process.env.SCHEDULER_TICK_MS ?? 50) });
scheduler.start();
// The scheduler's timer does not hold a process open (a web process has its server for that): this one does.
const keepAlive = setInterval(() => undefined, 60_000);
process.stdout.write("scheduler running\n");

process.on("SIGTERM", () => {
  clearInterval(keepAlive);
  void scheduler
    .stop()
    .then(disconnectDb)
    .then(() => process.exit(0));
});
