// The migrations this code was built with: the folders of prisma/migrations, which `prisma migrate deploy` applies at
// start (migrate.ts) and records in the database's _prisma_migrations table.
import { readdirSync } from "node:fs";
import path from "node:path";

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

let committed: string[] | undefined;

/** Folder names in apply order; read once per process (the folder does not change under a running studio). */
export function listCommittedMigrations(): string[] {
  committed ??= readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return committed;
}

/** "ok", or how many committed migrations the database lacks and the first of them. */
export function describeMissingMigrations(applied: Iterable<string>): string {
  const done = new Set(applied);
  const missing = listCommittedMigrations().filter((name) => !done.has(name));
  return missing.length === 0 ? "ok" : `missing ${missing.length} (first: ${missing[0]})`;
}
