// The Docker files are checked statically (no Docker daemon here): every variable compose sets is one the studio
// reads, each service's environment passes the studio's own validation, and the commands are real scripts.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ENV_VARIABLES, readEnv } from "../env";

const ROOT = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;

type TService = { image?: string; command?: string[]; environment?: Record<string, string> };
const compose = parse(read("compose.yaml"), { merge: true }) as { services: Record<string, TService> };
const studioServices = Object.entries(compose.services).filter(([, service]) => service.image === "openclaw-studio");

/** `${NAME:?message}` and `${NAME:-default}` as a user would fill them. */
function substitute(value: string): string {
  return String(value).replace(/\$\{(\w+):([?-])([^}]*)\}/g, (_match, name: string, kind: string, rest: string) => {
    if (kind === "-") return rest;
    return name === "STUDIO_MASTER_KEY" ? Buffer.alloc(32, 7).toString("base64") : "x".repeat(40);
  });
}

/** The script a command runs: `npm start`, `npm run worker`. */
function scriptOf(command: string[]): string {
  expect(command[0]).toBe("npm");
  return command[1] === "run" ? command[2]! : command[1]!;
}

describe("deploy files", () => {
  it("compose runs one web process and two workers of the studio image, beside postgres and redis", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["postgres", "redis", "web", "worker-1", "worker-2"]);
    expect(studioServices.map(([name, service]) => [name, service.environment?.STUDIO_PROCESS])).toEqual([
      ["web", "web"],
      ["worker-1", "worker"],
      ["worker-2", "worker"],
    ]);
  });

  it("sets only variables the studio reads, with values its validation accepts", () => {
    for (const [, service] of studioServices) {
      const environment = Object.fromEntries(Object.entries(service.environment ?? {}).map(([name, value]) => [name, substitute(value)]));
      expect(Object.keys(environment).filter((name) => !ENV_VARIABLES.includes(name))).toEqual([]);
      expect(() => readEnv(environment)).not.toThrow();
    }
    const dockerfileEnv = [...read("Dockerfile").matchAll(/^ENV (.+)$/gm)].flatMap((match) => match[1]!.split(/\s+/).map((pair) => pair.split("=")[0]!));
    expect(dockerfileEnv.filter((name) => !ENV_VARIABLES.includes(name) && !["NODE_ENV", "NEXT_TELEMETRY_DISABLED"].includes(name))).toEqual([]);
  });

  it("starts real scripts, as a non-root user, with a health check on a route the studio serves", () => {
    const dockerfile = read("Dockerfile");
    const command = JSON.parse(/^CMD (.+)$/m.exec(dockerfile)![1]!) as string[];
    const commands = [command, ...studioServices.flatMap(([, service]) => (service.command ? [service.command] : []))];
    for (const script of commands.map(scriptOf)) {
      expect(scripts[script]).toBeDefined();
      const file = /tsx (\S+\.ts)/.exec(scripts[script]!)?.[1];
      expect(file && existsSync(path.join(ROOT, file))).toBe(true);
    }
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(/^FROM /gm[Symbol.match](dockerfile)!.length).toBeGreaterThanOrEqual(2);
    const healthPath = /fetch\('http:\/\/127\.0\.0\.1:'\+\(process\.env\.PORT\|\|3000\)\+'(\/api\/\w+)'\)/.exec(dockerfile)?.[1];
    expect(healthPath).toBe("/api/health");
    expect(read("server/http/route-request.ts")).toContain('"/api/health"');
  });
});
