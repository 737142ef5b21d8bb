// Prisma CLI configuration: the JS schema engine over @prisma/adapter-pg, because the native engines cannot be
// downloaded on our machines (see prisma/README.md). The CLI disables `.env` loading when this file exists.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

createRequire(import.meta.url)("./prisma/cli/pg-catalog-types-as-text.cjs");

if (existsSync(".env")) process.loadEnvFile(".env");

// `prisma generate` never connects, but without a DATABASE_URL for the schema's `env()` it tries to download a
// query engine.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";
const databaseUrl = process.env.DATABASE_URL;

// adapter-pg's shadow database ignores the database name inside a connection string: pass the fields separately.
function toPoolConfig(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
    allowExitOnIdle: true,
  };
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => new PrismaPg(toPoolConfig(databaseUrl)),
});
