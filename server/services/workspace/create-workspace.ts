import { Prisma } from "../../db/generated/client";
import { AppError } from "../../app-error";
import { ACCESS_RIGHTS } from "@/lib/auth/access-rights";
import type { TDb } from "../../db/client";

/** A new workspace with the caller as its only member, an owner. Name and slug arrive validated (lib/workspaces). */
export async function createWorkspace(db: TDb, options: { userId: string; name: string; slug: string }) {
  const { userId, name, slug } = options;
  try {
    const workspace = await db.workspace.create({
      data: { name, slug, memberships: { create: { userId, role: "owner" } } },
      select: { id: true, slug: true, name: true, allowUnsignedPlugins: true },
    });
    return { ...workspace, role: "owner" as const, scopes: [...ACCESS_RIGHTS.owner] };
  } catch (error) {
    // The unique index decides, so two people racing for one slug cannot both get it.
    if (isSlugTaken(error)) throw slugTaken(slug);
    throw error;
  }
}

export function isSlugTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export function slugTaken(slug: string): AppError {
  return new AppError("CONFLICT", `The slug “${slug}” is already taken by another workspace; choose another`);
}
