// Runs `prisma migrate deploy` (the committed migrations in prisma/migrations) against a database.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

export async function migrateDatabase(databaseUrl: string): Promise<void> {
  const prismaCli = require.resolve("prisma/build/index.js");
  const preload = path.resolve("prisma/cli/unref-long-timers.cjs");
  const child = spawn(process.execPath, ["--require", preload, prismaCli, "migrate", "deploy"], {
    env: { NODE_ENV: "production", DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`prisma migrate deploy failed (exit ${code}):\n${output.trim()}`);
}
