import { auditedChange } from "../../../audit/audit-note";
import type { TAuditNote } from "../../../audit/record-mutation";
import type { TDb } from "../../../db/client";
import { decideApproval } from "../../../services/run/decide-approval";
import { runAuditState } from "./run-audit-state";

/** Approve and reject: the run's status before, and the node's decision with the status it left. */
export function decideApprovalAudited(db: TDb, note: TAuditNote, options: Parameters<typeof decideApproval>[1]) {
  const { workspaceId, runId, nodeId } = options;
  return auditedChange(note, {
    before: () => runAuditState(db, { workspaceId, runId }),
    run: () => decideApproval(db, options),
    after: async (decided) => ({ ...(await runAuditState(db, { workspaceId, runId })), nodeId, decision: decided.decision }),
  });
}
