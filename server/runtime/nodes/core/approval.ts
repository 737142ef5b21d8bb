import { ApprovalRejectedError } from "../../errors";
import type { TNodeImplementation } from "../../node-implementation";

/**
 * Human in the loop: the run parks until an operator approves or rejects, with a comment. A rejection goes down the
 * `rejected` path when the graph has one; without one the run fails, so a rejected run never looks like a success.
 */
export const approvalNode: TNodeImplementation = {
  definition: {
    type: "core/approval",
    version: 1,
    title: "Approval",
    category: "human",
    icon: "user-check",
    description: "Pauses until someone approves or rejects.",
    inputs: [{ id: "in", kind: "data" }],
    outputs: [
      { id: "approved", kind: "data" },
      { id: "rejected", kind: "data" },
    ],
    configSchema: {
      type: "object",
      properties: {
        prompt: {
          type: "string",
          title: "Question for the approver",
          maxLength: 2_000,
          default: "Approve this step?",
          description: "Shown with the incoming message to whoever approves or rejects",
          examples: ["Send this refund to the customer?"],
        },
      },
    },
    sideEffects: "pure",
  },
  async execute(context) {
    return { kind: "wait", wait: { kind: "approval", prompt: String(context.config.prompt ?? "Approve this step?") } };
  },
  resume(context, resolution) {
    if (resolution.kind !== "approved" && resolution.kind !== "rejected") throw new Error(`An approval cannot be resolved by ${resolution.kind}`);
    const decision = { input: context.inputs.in, comment: resolution.comment ?? "", by: resolution.by };
    if (resolution.kind === "rejected" && !context.wiredOutputs.includes("rejected")) {
      throw new ApprovalRejectedError(`Rejected by ${resolution.by}${decision.comment ? `: ${decision.comment}` : ""}`);
    }
    return { kind: "outputs", outputs: { [resolution.kind]: decision } };
  },
};
