// Builds the Next web app and stamps the build with a hash of its inputs, so `npm start` rebuilds only when needed.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const BUILD_INPUTS = ["app", "components", "lib", "public", "next.config.ts", "tsconfig.json", "package-lock.json"];
const STAMP_FILE = path.join(".next", "studio-build-stamp");

function hashBuildInputs(): string {
  const hash = createHash("sha256");
  const visit = (entry: string) => {
    if (!existsSync(entry)) return;
    if (statSync(entry).isDirectory()) {
      for (const child of readdirSync(entry).sort()) visit(path.join(entry, child));
      return;
    }
    hash.update(entry).update("\0").update(readFileSync(entry)).update("\0");
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}

export function isBuildFresh(): boolean {
  return (
    existsSync(path.join(".next", "BUILD_ID")) &&
    existsSync(STAMP_FILE) &&
    readFileSync(STAMP_FILE, "utf8") === hashBuildInputs()
  );
}

/** Runs `next build`; exits the process when the build fails. */
export function buildWebApp(): void {
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) {
    process.stderr.write(`next build failed (exit ${build.status ?? build.signal})\n`);
    process.exit(1);
  }
  // Hashed after the build: `next build` may itself touch an input (it rewrites tsconfig.json when it wants to).
  writeFileSync(STAMP_FILE, hashBuildInputs());
}
