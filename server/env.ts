// The only reader of process.env. Every variable is listed in README.md's configuration table and `.env.example`.
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ZOidcProvidersJson } from "./auth/oidc/oidc-config";

const ZOptionalUrl = z.url().optional();

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  PUBLIC_URL: ZOptionalUrl,
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  STUDIO_DATA_DIR: z.string().min(1).default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  STUDIO_ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  STUDIO_ALLOWED_ORIGINS: z.string().optional(),
  STUDIO_RUNTIME_MAX_ACTIVATIONS: z.coerce.number().int().min(1).max(10_000).default(32),
  STUDIO_RUNTIME_MAX_RUNS: z.coerce.number().int().min(1).max(10_000).default(50),
  STUDIO_RUN_PRUNE_INTERVAL_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(600_000),
  STUDIO_RUNTIME_MAX_RUNS_PER_WORKSPACE: z.coerce.number().int().min(1).max(10_000).optional(),
  STUDIO_RUNTIME_MAX_RUNS_PER_GRAPH: z.coerce.number().int().min(1).max(10_000).optional(),
  /** How long a run's lease lasts without a heartbeat: how soon another process takes over the runs of a dead one. */
  STUDIO_RUNTIME_LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  /** An MCP server session unused this long is closed (its stdio server stops); the next call starts a new one. */
  STUDIO_MCP_IDLE_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(300_000),
  /** Live MCP sessions this process keeps; past it the least recently used idle one closes. */
  STUDIO_MCP_MAX_SESSIONS: z.coerce.number().int().min(1).max(10_000).default(32),
  /** A stable name for this studio process (server/runtime-owner.ts); `#` is kept out: it ends the name in lease owners. */
  STUDIO_RUNTIME_INSTANCE: z.string().max(200).regex(/^[\w.:@-]+$/, "may hold letters, digits and . _ : @ - only").optional(),
  /** 32 bytes, base64: encrypts workspace secrets. Unset in embedded mode: generated into the data folder. */
  STUDIO_MASTER_KEY: z
    .string()
    .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)")
    .optional(),
  /** Requests per minute one webhook URL accepts (counted in Postgres, shared by every process); more answer 429. */
  STUDIO_WEBHOOK_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(60),
  /**
   * Addresses of reverse proxies in front of the studio (comma-separated): from these peers the client address is the
   * last X-Forwarded-For entry, so sign-in limits count people, not the proxy.
   */
  STUDIO_TRUSTED_PROXIES: z.string().optional(),
  /** `invite`: accounts are made by accepting an invitation; `open`: anyone may sign up, then create a workspace. */
  STUDIO_SIGNUP: z.enum(["invite", "open"]).default("invite"),
  /** `smtp://user:pass@host:port` or `smtps://...`: invitation links are mailed too. Unset: the UI shows the link to copy. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** Sender of studio mail; defaults to `OpenClaw Studio <studio@<PUBLIC_URL's host>>`. */
  SMTP_FROM: z.string().min(3).max(320).optional(),
  /** OpenID Connect providers, a JSON array (server/auth/oidc/oidc-config.ts); each gets a button on the sign-in page. */
  STUDIO_OIDC_PROVIDERS: ZOidcProvidersJson.default([]),
  /** `redis://` or `rediss://`: queue mode. Runs are dispatched through BullMQ, events and presence cross processes. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** What this process does: `web` (pages, API, sockets), `worker` (drives runs; `npm run worker`) or `all`. */
  /** Prefix of every Redis key and channel the studio uses: two studios can share one Redis with different prefixes. */
  STUDIO_REDIS_PREFIX: z.string().min(1).max(64).regex(/^[\w.-]+$/, "may hold letters, digits and . _ - only").default("studio"),
  /** A worker's port for /api/health, /api/ready and /api/metrics; unset, a worker serves no HTTP. */
  STUDIO_WORKER_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  STUDIO_PROCESS: z.enum(["web", "worker", "all"]).default("all"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Bearer token of /api/metrics (Prometheus); unset, the endpoint does not exist (404). */
  STUDIO_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** OTLP/HTTP base URL of a trace collector (`http://collector:4318`); unset, no span is recorded or exported. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** `service.name` of the exported spans. */
  OTEL_SERVICE_NAME: z.string().min(1).max(200).optional(),
  /** The studio `npm run openclaw` talks to (its base URL); the studio itself never reads it. */
  STUDIO_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** A workspace API key (`ocs_...`, editor role or above) that `npm run openclaw` sends as its Bearer token. */
  STUDIO_API_KEY: z.string().regex(/^ocs_/, "must be a workspace API key (ocs_...)").optional(),
});

/** Every variable the studio reads (deploy files are checked against it: server/scale/deploy-files.test.ts). */
export const ENV_VARIABLES: readonly string[] = Object.keys(ZEnv.shape);

export type TEnv = z.infer<typeof ZEnv> & { redis: { url: string; prefix: string } | undefined; dataDir: string; publicUrl: string; allowedOrigins: string[]; trustedProxies: string[]; mailFrom: string };

/** Parses the environment once; a bad variable stops the process with a message naming it. */
export function readEnv(source: Record<string, string | undefined> = process.env): TEnv {
  // An empty variable means "not set", as in most tools (e.g. `DATABASE_URL= npm start` uses embedded Postgres).
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = ZEnv.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${formatPath(issue.path)}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}\nSee README.md, section Configuration.`);
  }
  const env = parsed.data;
  if (env.STUDIO_PROCESS !== "all" && (!env.REDIS_URL || !env.DATABASE_URL)) {
    throw new Error(`Invalid environment:\n  STUDIO_PROCESS: "${env.STUDIO_PROCESS}" needs REDIS_URL and DATABASE_URL (web and worker processes meet in Redis and Postgres)\nSee README.md, section Configuration.`);
  }
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  const extraOrigins = (env.STUDIO_ALLOWED_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean);
  return {
    ...env,
    redis: env.REDIS_URL ? { url: env.REDIS_URL, prefix: env.STUDIO_REDIS_PREFIX } : undefined,
    dataDir: path.resolve(env.STUDIO_DATA_DIR),
    publicUrl,
    allowedOrigins: [new URL(publicUrl).origin, ...extraOrigins.map((o) => new URL(o).origin)],
    trustedProxies: (env.STUDIO_TRUSTED_PROXIES ?? "").split(",").map((address) => address.trim()).filter(Boolean),
    mailFrom: env.SMTP_FROM ?? `OpenClaw Studio <studio@${new URL(publicUrl).hostname}>`,
  };
}

/** `STUDIO_OIDC_PROVIDERS[0].issuer`: the variable, then the field inside its JSON. */
function formatPath(path: PropertyKey[]): string {
  return path.map((key, index) => (typeof key === "number" ? `[${key}]` : `${index ? "." : ""}${String(key)}`)).join("");
}

let cached: TEnv | undefined;

export function env(): TEnv {
  if (!cached) {
    if (existsSync(".env")) process.loadEnvFile(".env");
    cached = readEnv();
  }
  return cached;
}
