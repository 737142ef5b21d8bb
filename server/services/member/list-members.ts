import type { TDbOrTx } from "../../db/client";

export async function listMembers(db: TDbOrTx, options: { workspaceId: string }) {
  const memberships = await db.membership.findMany({
    where: { workspaceId: options.workspaceId },
    select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map(({ user, ...membership }) => ({ userId: user.id, email: user.email, name: user.name, ...membership }));
}
