// Memory nodes' conversation buffers in Postgres. Append is one statement that adds and trims to the window, so two
// agents writing the same session at once cannot lose each other's messages.
import { randomUUID } from "node:crypto";
import type { TMemoryStore } from "../agents";
import type { TChatMessage } from "../runtime/attached-contract";
import { pgPool } from "./client";

export function createAgentMemoryStore(scope: { workspaceId: string; graphId: string }): TMemoryStore {
  return {
    async load({ nodeId, sessionKey }) {
      const result = await pgPool().query<{ messages: TChatMessage[] }>(
        `SELECT messages FROM "AgentMemory" WHERE "workspaceId" = $1 AND "graphId" = $2 AND "nodeId" = $3 AND "sessionKey" = $4`,
        [scope.workspaceId, scope.graphId, nodeId, sessionKey],
      );
      return result.rows[0]?.messages ?? [];
    },
    async append({ nodeId, sessionKey }, messages, window) {
      await pgPool().query(
        `INSERT INTO "AgentMemory" (id, "workspaceId", "graphId", "nodeId", "sessionKey", messages, "updatedAt")
         VALUES ($1, $2, $3, $4, $5, (SELECT COALESCE(jsonb_agg(m ORDER BY i), '[]'::jsonb) FROM (
             SELECT m, i FROM jsonb_array_elements($6::jsonb) WITH ORDINALITY AS t(m, i) ORDER BY i DESC LIMIT $7) newest),
           now() AT TIME ZONE 'UTC')
         ON CONFLICT ("workspaceId", "graphId", "nodeId", "sessionKey") DO UPDATE SET
           messages = (SELECT COALESCE(jsonb_agg(m ORDER BY i), '[]'::jsonb) FROM (
             SELECT m, i FROM jsonb_array_elements("AgentMemory".messages || $6::jsonb) WITH ORDINALITY AS t(m, i) ORDER BY i DESC LIMIT $7) newest),
           "updatedAt" = now() AT TIME ZONE 'UTC'`,
        [randomUUID(), scope.workspaceId, scope.graphId, nodeId, sessionKey, JSON.stringify(messages), window],
      );
    },
  };
}
