// The Memory node: a conversation buffer an Agent loads before answering and appends to after, per session key.
import type { TNodeTypeDefinition } from "@/lib/graph";
import type { TChatMessage } from "../../runtime/attached-contract";
import type { TNodeImplementation } from "../../runtime/node-implementation";
import { NonRetriableError } from "../../runtime/errors";
import type { TMemoryStore } from "../agent-services";

export const DEFAULT_MEMORY_WINDOW = 20;

export const MEMORY_NODE_DEFINITION: TNodeTypeDefinition = {
  type: "core/memory",
  version: 1,
  title: "Memory",
  category: "ai",
  icon: "memory",
  description: "Keeps an Agent's conversation per session in the database, the newest messages only.",
  inputs: [],
  outputs: [{ id: "memory", kind: "memory" }],
  configSchema: {
    type: "object",
    properties: {
      window: { type: "integer", title: "Messages kept", minimum: 2, maximum: 1_000, default: DEFAULT_MEMORY_WINDOW, description: "How many messages of each conversation the agent remembers" },
    },
  },
  sideEffects: "effectful",
};

export function createMemoryNode(store: TMemoryStore): TNodeImplementation {
  const windowOf = (config: Record<string, unknown>) => (typeof config.window === "number" ? config.window : DEFAULT_MEMORY_WINDOW);
  return {
    definition: MEMORY_NODE_DEFINITION,
    execute() {
      return Promise.reject(new NonRetriableError("A Memory node runs only when wired to an Agent's memory port"));
    },
    attachment: {
      memory: {
        load: async (context, sessionKey) => startAtUserTurn((await store.load({ nodeId: context.nodeId, sessionKey })).slice(-windowOf(context.config))),
        append: (context, sessionKey, messages) => store.append({ nodeId: context.nodeId, sessionKey }, messages, windowOf(context.config)),
      },
    },
  };
}

/** A window can cut a conversation after a user message; providers (Anthropic) refuse a history opening with the assistant. */
function startAtUserTurn(messages: TChatMessage[]): TChatMessage[] {
  const first = messages.findIndex((message) => message.role === "user");
  return first < 0 ? [] : messages.slice(first);
}
