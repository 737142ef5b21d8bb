import type { TWorkspaceAbility } from "@/lib/auth/abilities";
import { ACCESS_RIGHTS, isRoleAtMost, type TRole, type TScope } from "@/lib/auth/access-rights";
import { AppError, notFound } from "../../app-error";
import { findGraphFacts } from "../../auth/graph-access";
import type { TDbOrTx } from "../../db/client";
import { canSeeGraph } from "@/lib/auth/abilities";
import { findEnvironmentOrThrow } from "../../deployments/find-environment";
import { generateApiKey } from "./api-key-token";
import { API_KEY_SUMMARY_SELECT, toApiKeySummaries, type TApiKeySummary } from "./api-key-summary";

type TCreateApiKeyOptions = {
  workspaceId: string;
  actorId: string;
  actorRole: TRole;
  /** The creator's ability: a key reaches no graph its creator does not see. */
  actorAbility: TWorkspaceAbility;
  name: string;
  role: TRole;
  /** Within the role's scopes; omitted: all of them. */
  scopes?: TScope[];
  graphIds?: string[];
  /** The environment its runs belong to (by name); omitted: production, as the database decides. */
  environment?: string;
  expiresAt?: Date;
  now?: Date;
};

/**
 * Issues a key of the workspace, at most as powerful as its creator (`actorRole`), with scopes within its role and
 * optionally limited to graphs of this workspace that the creator sees. The answer holds the key itself: the only
 * time it leaves the server.
 */
export async function createApiKey(db: TDbOrTx, options: TCreateApiKeyOptions): Promise<{ apiKey: TApiKeySummary; key: string }> {
  const { workspaceId, role } = options;
  const name = options.name.trim();
  if (!name) throw new AppError("BAD_REQUEST", "Give the key a name");
  if (!isRoleAtMost(role, options.actorRole)) {
    throw new AppError("FORBIDDEN", `A key's role cannot be above your own (${options.actorRole})`);
  }
  if (options.expiresAt && options.expiresAt.getTime() <= (options.now ?? new Date()).getTime()) {
    throw new AppError("BAD_REQUEST", "The expiry date must be in the future");
  }
  const roleScopes: readonly TScope[] = ACCESS_RIGHTS[role];
  const outside = (options.scopes ?? []).filter((scope) => !roleScopes.includes(scope));
  if (outside.length > 0) throw new AppError("BAD_REQUEST", `The role ${role} does not include ${outside.join(", ")}`);
  const graphIds = [...new Set(options.graphIds ?? [])];
  for (const graphId of graphIds) {
    const graph = await findGraphFacts(db, workspaceId, graphId);
    if (!graph || !canSeeGraph(options.actorAbility, graph)) throw notFound("Graph");
  }

  const environment = options.environment ? await findEnvironmentOrThrow(db, { workspaceId, environment: options.environment }) : null;

  const { key, prefix, hash } = generateApiKey();
  const row = await db.apiKey.create({
    data: {
      workspaceId,
      name,
      role,
      scopes: [...new Set(options.scopes ?? roleScopes)],
      graphIds,
      prefix,
      hash,
      createdById: options.actorId,
      expiresAt: options.expiresAt ?? null,
      ...(environment ? { environmentId: environment.id } : {}),
    },
    select: API_KEY_SUMMARY_SELECT,
  });
  const [apiKey] = await toApiKeySummaries(db, [row], options.actorAbility);
  return { apiKey: apiKey!, key };
}
