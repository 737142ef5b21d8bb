// Test data for the e2e studio, written straight into its embedded Postgres (the one playwright.config.ts starts).
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { E2E_PG_PORT } from "../../playwright.config";

const DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${E2E_PG_PORT}/studio`;

async function withClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Adds a user with `role` to the workspace `slug` and returns credentials to sign in with. */
export async function createMember(slug: string, role: "owner" | "admin" | "editor" | "operator" | "viewer") {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
  const password = `pw-${randomUUID()}`;
  const passwordHash = await hash(password);
  await withClient(async (client) => {
    const userId = randomUUID();
    await client.query(`insert into "User" (id, email, name, "passwordHash", "updatedAt") values ($1, $2, $3, $4, now())`, [userId, email, role, passwordHash]);
    await client.query(
      `insert into "Membership" (id, "workspaceId", "userId", role) select $1, id, $2, $3::"Role" from "Workspace" where slug = $4`,
      [randomUUID(), userId, role, slug],
    );
  });
  return { email, password };
}

/** The identity-provider accounts linked to the user with this email (none when there is no such user). */
export async function accountLinksOf(email: string) {
  return withClient(async (client) => {
    const { rows } = await client.query<{ provider: string; providerAccountId: string }>(
      `select a.provider, a."providerAccountId" from "Account" a join "User" u on u.id = a."userId" where u.email = $1 order by a.provider`,
      [email],
    );
    return rows;
  });
}
