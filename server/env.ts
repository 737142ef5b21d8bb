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
  STUDIO_RUNTIME_MAX_RUNS_PER_WORKSPACE: z.coerce.number().int().min(1).max(10_000).optional(),
  STUDIO_RUNTIME_MAX_RUNS_PER_GRAPH: z.coerce.number().int().min(1).max(10_000).optional(),
  /** A stable name for this studio process (server/runtime-owner.ts); `#` is kept out: it ends the name in lease owners. */
  STUDIO_RUNTIME_INSTANCE: z.string().max(200).regex(/^[\w.:@-]+$/, "may hold letters, digits and . _ : @ - only").optional(),
  /** 32 bytes, base64: encrypts workspace secrets. Unset in embedded mode: generated into the data folder. */
  STUDIO_MASTER_KEY: z
    .string()
    .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)")
    .optional(),
  /** Requests per minute one webhook URL accepts (a token bucket per trigger, per process); more answer 429. */
  STUDIO_WEBHOOK_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(60),
  /** `invite`: accounts are made by accepting an invitation; `open`: anyone may sign up, then create a workspace. */
  STUDIO_SIGNUP: z.enum(["invite", "open"]).default("invite"),
  /** `smtp://user:pass@host:port` or `smtps://...`: invitation links are mailed too. Unset: the UI shows the link to copy. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** Sender of studio mail; defaults to `OpenClaw Studio <studio@<PUBLIC_URL's host>>`. */
  SMTP_FROM: z.string().min(3).max(320).optional(),
  /** OpenID Connect providers, a JSON array (server/auth/oidc/oidc-config.ts); each gets a button on the sign-in page. */
  STUDIO_OIDC_PROVIDERS: ZOidcProvidersJson.default([]),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type TEnv = z.infer<typeof ZEnv> & { dataDir: string; publicUrl: string; allowedOrigins: string[]; mailFrom: string };

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
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  const extraOrigins = (env.STUDIO_ALLOWED_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean);
  return {
    ...env,
    dataDir: path.resolve(env.STUDIO_DATA_DIR),
    publicUrl,
    allowedOrigins: [new URL(publicUrl).origin, ...extraOrigins.map((o) => new URL(o).origin)],
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
