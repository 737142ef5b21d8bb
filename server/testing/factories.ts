// Test data through the real database: every test creates the users and workspaces it needs.
import { randomBytes } from "node:crypto";
import { defineAbilityFor, type TWorkspaceAbility } from "@/lib/auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import { hashPassword } from "../auth/password";
import type { TSessionUser } from "../auth/session-user";
import { db } from "../db/client";

export function uniqueSuffix(): string {
  return randomBytes(5).toString("hex");
}

export async function createTestUser(options: { password?: string } = {}) {
  const email = `user-${uniqueSuffix()}@example.test`;
  const passwordHash = options.password ? await hashPassword(options.password) : null;
  return db().user.create({ data: { email, name: email.split("@")[0], passwordHash }, select: { id: true, email: true, name: true } });
}

export async function createTestWorkspace() {
  const suffix = uniqueSuffix();
  return db().workspace.create({ data: { slug: `ws-${suffix}`, name: `Workspace ${suffix}` }, select: { id: true, slug: true } });
}

export async function addMember(workspaceId: string, userId: string, role: TRole) {
  await db().membership.create({ data: { workspaceId, userId, role } });
}

/** A signed-in user as the tRPC context sees it, backed by a real Session row. */
export async function signInAs(user: { id: string; email: string; name: string | null }): Promise<TSessionUser> {
  const sessionToken = randomBytes(24).toString("base64url");
  await db().session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 3_600_000) } });
  return { id: user.id, email: user.email, name: user.name, sessionToken };
}

/** A workspace with one member of each given role, each signed in. */
export async function createWorkspaceWithMembers<R extends TRole>(roles: readonly R[]) {
  const workspace = await createTestWorkspace();
  const members = {} as Record<R, TSessionUser>;
  for (const role of roles) {
    const user = await createTestUser();
    await addMember(workspace.id, user.id, role);
    members[role] = await signInAs(user);
  }
  return { workspace, members };
}

/** A signed-in member's ability (lib/auth/abilities.ts), for services that take the caller's. */
export function abilityOf(userId: string, role: TRole): TWorkspaceAbility {
  return defineAbilityFor({ userId, role, apiKey: null, allowUnsignedPlugins: false });
}
