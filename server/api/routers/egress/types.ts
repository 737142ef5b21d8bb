import { z } from "zod";
import { ZWorkspaceId } from "../../trpc";

// The host is validated by the service (egress/allowlist-entry.ts) so an admin gets the specific reason, not a generic
// parse error; the schema only bounds its size.
export const ZListEgressRulesInput = z.object({ workspaceId: ZWorkspaceId }).strict();
export const ZAddEgressRuleInput = z.object({ workspaceId: ZWorkspaceId, host: z.string().max(300) }).strict();
export const ZRemoveEgressRuleInput = z.object({ workspaceId: ZWorkspaceId, ruleId: z.string().min(1).max(64) }).strict();
