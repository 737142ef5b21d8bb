import { describe, expect, it } from "vitest";
import { verifyPassword } from "../auth/password";
import { db } from "../db/client";
import { seedDatabaseIfEmpty, SEED_ADMIN_EMAIL } from "./seed-database";

describe("seedDatabaseIfEmpty", () => {
  it("does nothing when users exist", async () => {
    await db().user.create({ data: { email: "already-here@example.test" } });
    expect(await seedDatabaseIfEmpty(db(), {})).toEqual({ seeded: false });
  });

  it("seeds an admin with a hashed random password, a Demo workspace and a valid demo graph, once", async () => {
    await db().$transaction([db().membership.deleteMany(), db().graph.deleteMany(), db().workspace.deleteMany(), db().session.deleteMany(), db().user.deleteMany()]);

    const result = await seedDatabaseIfEmpty(db(), {});
    if (!result.seeded) throw new Error("expected a seed");
    expect(result.email).toBe(SEED_ADMIN_EMAIL);
    expect(result.generatedPassword).toMatch(/^[\w-]{16}$/);

    const admin = await db().user.findUniqueOrThrow({ where: { email: SEED_ADMIN_EMAIL }, include: { memberships: { include: { workspace: { include: { graphs: true } } } } } });
    expect(admin.passwordHash).not.toContain(result.generatedPassword!);
    expect(await verifyPassword(admin.passwordHash!, result.generatedPassword!)).toBe(true);
    expect(admin.memberships).toMatchObject([{ role: "owner", workspace: { name: "Demo" } }]);
    expect(admin.memberships[0]!.workspace.graphs).toHaveLength(1);

    expect(await seedDatabaseIfEmpty(db(), {})).toEqual({ seeded: false });
    expect(await db().user.count()).toBe(1);
  });
});
