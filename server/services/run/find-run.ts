import type { Prisma } from "../../db/generated/client";
import type { TDbOrTx } from "../../db/client";
import { notFound } from "../../app-error";

/** Scoped lookup: a run of another workspace answers exactly like a missing one. */
export async function findRunOrThrow<S extends Prisma.RunSelect>(db: TDbOrTx, where: { workspaceId: string; runId: string }, select: S): Promise<Prisma.RunGetPayload<{ select: S }>> {
  const run = await db.run.findFirst({ where: { id: where.runId, workspaceId: where.workspaceId }, select });
  if (!run) throw notFound("Run");
  return run;
}
