// Everything a webhook delivery needs to know before it reads the body, in one statement: the trigger, whether its
// graph is live, the versions it may run, the workspace's plugin set and an earlier run of the same Idempotency-Key.
import { pgPool } from "../db/client";
import { pluginSetSql } from "../db/plugin-set-sql";

export type TWebhookDelivery = {
  trigger: { id: string; workspaceId: string; graphId: string; nodeId: string; environmentId: string | null; kind: string; isEnabled: boolean };
  /** The graph exists, is not deleted and has a published version. */
  isGraphLive: boolean;
  currentVersionId: string | null;
  deployment: { id: string; candidateShare: number | null; stableVersionId: string; candidateVersionId: string | null } | null;
  /** The workspace's plugin set (plugin-set-sql.ts): a prepared version is valid while it stays the same. */
  pluginSet: string;
  /** The run an earlier delivery with the same Idempotency-Key made. */
  earlierRunId: string | null;
};

type TRow = TWebhookDelivery["trigger"] & {
  isGraphLive: boolean;
  currentVersionId: string | null;
  deploymentId: string | null;
  candidateShare: number | null;
  stableVersionId: string | null;
  candidateVersionId: string | null;
  pluginSet: string;
  earlierRunId: string | null;
};

const SELECT_DELIVERY = `
  SELECT t.id, t."workspaceId", t."graphId", t."nodeId", t."environmentId", t.kind, t."isEnabled",
    (g.id IS NOT NULL) AS "isGraphLive", g."currentVersionId",
    d.id AS "deploymentId", d."candidateShare", d."stableVersionId", d."candidateVersionId",
    ${pluginSetSql(`t."workspaceId"`)} AS "pluginSet",
    (SELECT r.id FROM "Run" r WHERE r."idempotencyKey" = 'webhook:' || t.id || ':' || $2::text AND r."workspaceId" = t."workspaceId") AS "earlierRunId"
  FROM "Trigger" t
  LEFT JOIN "Graph" g ON g.id = t."graphId" AND g."workspaceId" = t."workspaceId" AND g."deletedAt" IS NULL AND g."currentVersionId" IS NOT NULL
  LEFT JOIN "Deployment" d ON d."graphId" = t."graphId" AND d."environmentId" = t."environmentId"`;

/** By the sha256 of the URL's token (the request path), or by the trigger's id (a caller that already holds it). */
export async function findWebhookDelivery(by: { tokenHash: string } | { triggerId: string }, idempotencyKey: string | undefined): Promise<TWebhookDelivery | null> {
  const where = "tokenHash" in by ? `t."tokenHash" = $1` : `t.id = $1`;
  const { rows } = await pgPool().query<TRow>(`${SELECT_DELIVERY} WHERE ${where}`, ["tokenHash" in by ? by.tokenHash : by.triggerId, idempotencyKey ?? null]);
  const row = rows[0];
  if (!row) return null;
  return {
    trigger: { id: row.id, workspaceId: row.workspaceId, graphId: row.graphId, nodeId: row.nodeId, environmentId: row.environmentId, kind: row.kind, isEnabled: row.isEnabled },
    isGraphLive: row.isGraphLive,
    currentVersionId: row.currentVersionId,
    deployment: row.deploymentId
      ? { id: row.deploymentId, candidateShare: row.candidateShare, stableVersionId: row.stableVersionId!, candidateVersionId: row.candidateVersionId }
      : null,
    pluginSet: row.pluginSet,
    earlierRunId: row.earlierRunId,
  };
}
