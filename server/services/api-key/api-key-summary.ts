import { canSeeGraph, type TWorkspaceAbility } from "@/lib/auth/abilities";
import type { TRole } from "@/lib/auth/access-rights";
import { GRAPH_FACTS_SELECT } from "../../auth/graph-access";
import type { TDbOrTx } from "../../db/client";
import type { Prisma } from "../../db/generated/client";

/** What lists show of a key: never its hash, and the key itself only once, in create's answer. */
export const API_KEY_SUMMARY_SELECT = {
  id: true,
  name: true,
  role: true,
  scopes: true,
  graphIds: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  createdBy: { select: { name: true, email: true } },
  environment: { select: { name: true } },
} satisfies Prisma.ApiKeySelect;

type TApiKeyRow = Prisma.ApiKeyGetPayload<{ select: typeof API_KEY_SUMMARY_SELECT }>;

export type TApiKeySummary = {
  id: string;
  name: string;
  role: TRole;
  scopes: string[];
  prefix: string;
  /** The key's graph list; a graph the viewer does not see is listed without its name. */
  graphs: { id: string; name: string | null }[];
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** Where the key's runs of published graphs go (null: its environment was deleted, they run the latest version). */
  environment: string | null;
};

/** Rows to summaries, with the names of their graphs (one query for all rows). */
export async function toApiKeySummaries(db: TDbOrTx, rows: TApiKeyRow[], viewer: TWorkspaceAbility): Promise<TApiKeySummary[]> {
  const ids = [...new Set(rows.flatMap((row) => row.graphIds))];
  const graphs = ids.length > 0 ? await db.graph.findMany({ where: { id: { in: ids } }, select: { ...GRAPH_FACTS_SELECT, name: true } }) : [];
  const nameOf = new Map(graphs.map((graph) => [graph.id, canSeeGraph(viewer, graph) ? graph.name : null]));
  return rows.map(({ createdBy, graphIds, environment, ...key }) => ({
    ...key,
    environment: environment?.name ?? null,
    graphs: graphIds.map((id) => ({ id, name: nameOf.get(id) ?? null })),
    createdBy: createdBy.name ?? createdBy.email,
  }));
}
