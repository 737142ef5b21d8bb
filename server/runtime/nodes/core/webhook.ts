import { WEBHOOK_NODE_TYPE } from "@/lib/triggers/trigger-config";
import type { TNodeImplementation } from "../../node-implementation";

/**
 * Starts a run from `POST /api/hooks/<token>` (server/triggers). The request arrives as the run input, so a run started
 * by hand from the editor with a typed input behaves like a delivery of that input.
 */
export const webhookNode: TNodeImplementation = {
  definition: {
    type: WEBHOOK_NODE_TYPE,
    version: 1,
    title: "Webhook",
    category: "trigger",
    icon: "webhook",
    description: "Starts the published version when its secret URL receives a POST; emits { body, query, headers }.",
    inputs: [],
    outputs: [{ id: "out", kind: "data", label: "request", schema: { type: "object" } }],
    configSchema: { type: "object", properties: {}, additionalProperties: false },
    sideEffects: "pure",
  },
  async execute(context) {
    return { kind: "outputs", outputs: { out: context.runInput } };
  },
};
