import { readGraphDocument } from "@/lib/graph";
import { notFound } from "../../app-error";
import type { TDbOrTx } from "../../db/client";
import { findGraphOrThrow } from "./find-graph";

export async function getGraphVersion(db: TDbOrTx, options: { workspaceId: string; graphId: string; number: number }) {
  await findGraphOrThrow(db, options, { id: true });
  const version = await db.graphVersion.findUnique({
    where: { graphId_number: { graphId: options.graphId, number: options.number } },
    select: { number: true, message: true, hash: true, createdAt: true, spec: true },
  });
  if (!version) throw notFound(`Version ${options.number}`);
  return { ...version, spec: readGraphDocument(version.spec) };
}
