// First start: one admin, one workspace, one demo graph. Runs only when the database has no user at all.
import { randomBytes } from "node:crypto";
import { hashPassword } from "../auth/password";
import { toJsonColumn } from "../db/json";
import type { TDb } from "../db/client";
import { createDemoGraphSpec } from "./demo-graph";

export const SEED_ADMIN_EMAIL = "admin@localhost";

export type TSeedResult =
  | { seeded: false }
  | { seeded: true; email: string; generatedPassword: string | undefined; workspaceSlug: string };

export async function seedDatabaseIfEmpty(db: TDb, options: { adminPassword?: string }): Promise<TSeedResult> {
  if ((await db.user.count()) > 0) return { seeded: false };

  const generatedPassword = options.adminPassword ? undefined : randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(options.adminPassword ?? generatedPassword!);

  const workspaceSlug = await db.$transaction(async (tx) => {
    const admin = await tx.user.create({ data: { email: SEED_ADMIN_EMAIL, name: "Admin", passwordHash } });
    const workspace = await tx.workspace.create({ data: { slug: "demo", name: "Demo" } });
    await tx.membership.create({ data: { workspaceId: workspace.id, userId: admin.id, role: "owner" } });
    await tx.graph.create({
      data: {
        workspaceId: workspace.id,
        name: "Demo: answer a question",
        draft: toJsonColumn(createDemoGraphSpec()),
        createdById: admin.id,
        updatedById: admin.id,
      },
    });
    return workspace.slug;
  });
  return { seeded: true, email: SEED_ADMIN_EMAIL, generatedPassword, workspaceSlug };
}
