// The studio as users get it: `server/start.ts` (production build, rebuilt first when its sources changed) on a free
// port, with its own embedded Postgres in a fresh data folder (`.data/bench-editor` unless told), the way
// playwright.config.ts starts it for e2e.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { embeddedDatabaseUrl } from "@/server/db/embedded-postgres";
import { SEED_ADMIN_EMAIL } from "@/server/seed/seed-database";
import { findFreePort } from "./free-port";

// The first start may build the web app (minutes on a small machine) before it answers.
const READY_TIMEOUT_MS = 900_000;

export type TStudioServer = { url: string; databaseUrl: string; pid: number; adminEmail: string; adminPassword: string; stop: () => Promise<void> };

/** `nodeArgs` go to node itself (e.g. --cpu-prof), `env` on top of the bench's own. */
export async function startStudioServer(options: { dataDir?: string; nodeArgs?: string[]; env?: Record<string, string> } = {}): Promise<TStudioServer> {
  const dataDir = options.dataDir ?? ".data/bench-editor";
  rmSync(dataDir, { recursive: true, force: true });
  const port = await findFreePort();
  const databasePort = await findFreePort();
  const adminPassword = `bench-${randomBytes(12).toString("hex")}`;
  // Its own process group, so stopping it also ends what it started (Postgres) and nothing else.
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", "server/start.ts"], {
    detached: true,
    // Its output goes to stderr: stdout carries only the JSON lines.
    stdio: ["ignore", 2, 2],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: "",
      STUDIO_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(databasePort),
      STUDIO_ADMIN_PASSWORD: adminPassword,
      LOG_LEVEL: "warn",
      ...options.env,
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 20_000).unref());
    if ((await Promise.race([exited, timeout])) === "timeout") process.kill(-child.pid!, "SIGKILL");
  };
  const url = `http://localhost:${port}`;
  try {
    await waitForHealth(url, exited);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, databaseUrl: embeddedDatabaseUrl(databasePort), pid: child.pid!, adminEmail: SEED_ADMIN_EMAIL, adminPassword, stop };
}

async function waitForHealth(url: string, exited: Promise<void>): Promise<void> {
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error("the studio exited before it was ready (see its output above)");
    const response = await fetch(`${url}/api/health`).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the studio did not answer ${url}/api/health within ${READY_TIMEOUT_MS / 1000} s`);
}
