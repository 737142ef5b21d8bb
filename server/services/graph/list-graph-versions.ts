import type { TDbOrTx } from "../../db/client";
import { findGraphOrThrow } from "./find-graph";

export async function listGraphVersions(db: TDbOrTx, options: { workspaceId: string; graphId: string }) {
  await findGraphOrThrow(db, options, { id: true });
  return db.graphVersion.findMany({
    where: { graphId: options.graphId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, hash: true, message: true, createdAt: true, authorId: true },
  });
}
