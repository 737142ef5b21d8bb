import { toolConfigProperties } from "../../runtime/tool-config";
import type { TNodeTypeDefinition } from "@/lib/graph";

export const HTTP_REQUEST_NODE_DEFINITION: TNodeTypeDefinition = {
  type: "core/http-request",
  version: 1,
  title: "HTTP Request",
  category: "tool",
  icon: "globe",
  description: "Calls a URL through the egress guard; as an Agent's tool, the model fills in the {{input.*}} placeholders.",
  inputs: [{ id: "in", kind: "data", isRequired: false }],
  outputs: [
    { id: "out", kind: "data", schema: { type: "object", properties: { status: { type: "integer" }, headers: { type: "object" }, body: {} }, required: ["status"] } },
    { id: "asTool", label: "as tool", kind: "tool" },
  ],
  configSchema: {
    type: "object",
    required: ["url"],
    properties: {
      method: { title: "Method", enum: ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"], default: "GET", description: "The HTTP method" },
      url: {
        type: "string",
        title: "URL",
        maxLength: 4_000,
        description: "May use {{input.path}}, {{run.id}} and {{step.idempotencyKey}} placeholders; the host must be on the egress allowlist",
        examples: ["https://api.example.com/orders/{{input.orderId}}"],
      },
      headers: {
        type: "object",
        title: "Headers",
        examples: [{ authorization: "Bearer {{secret:EXAMPLE_TOKEN}}" }],
        additionalProperties: { type: "string" },
        description: "Values may use {{input.path}}, {{run.id}}, {{step.idempotencyKey}} and {{secret:NAME}} (filled in on the server, never shown)",
      },
      body: { type: "string", title: "Body", maxLength: 1_000_000, description: "Request body template ({{input.path}}, {{run.id}}, {{step.idempotencyKey}}); objects in placeholders render as JSON" },
      idempotencyHeader: {
        type: "string",
        title: "Idempotency header",
        default: "Idempotency-Key",
        maxLength: 100,
        pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]*$",
        description:
          "Header that carries this step's idempotency key: the same when the step is retried or re-executed after a crash, different for every other step or tool call, so the server can ignore repeats. Leave empty to send none; a header of the same name above wins",
      },
      timeoutMs: { type: "integer", title: "Time limit (ms)", minimum: 100, maximum: 300_000, default: 30_000, description: "The request is given up after this long" },
      failOnError: { type: "boolean", title: "Fail on an error status", default: true, description: "A 4xx/5xx answer fails the step (as a tool, the model is told instead)" },
      ...toolConfigProperties({ name: "Name the model calls this tool by", arguments: "JSON Schema of the arguments the model gives (the {{input.*}} values)" }),
    },
  },
  uiHints: { body: { widget: "textarea" } },
  sideEffects: "effectful",
};
