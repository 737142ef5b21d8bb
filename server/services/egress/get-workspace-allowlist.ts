import type { TDbOrTx } from "../../db/client";

/** The hosts the runtime hands to egressFetch as `policy.allowedHosts`; an empty list allows nothing. */
export async function getWorkspaceAllowlist(db: TDbOrTx, options: { workspaceId: string }): Promise<string[]> {
  const rules = await db.egressRule.findMany({ where: { workspaceId: options.workspaceId }, select: { host: true } });
  return rules.map((rule) => rule.host);
}
