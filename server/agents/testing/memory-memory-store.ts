import type { TMemoryStore } from "../agent-services";
import type { TChatMessage } from "../../runtime/attached-contract";

/** Conversation buffers in a Map, for engine-level tests of Agent and Memory nodes (Postgres: db/agent-memory-store.ts). */
export function createInMemoryMemoryStore(): TMemoryStore & { sessions: Map<string, TChatMessage[]> } {
  const sessions = new Map<string, TChatMessage[]>();
  return {
    sessions,
    async load({ nodeId, sessionKey }) {
      return structuredClone(sessions.get(`${nodeId}/${sessionKey}`) ?? []);
    },
    async append({ nodeId, sessionKey }, messages, window) {
      const key = `${nodeId}/${sessionKey}`;
      sessions.set(key, [...(sessions.get(key) ?? []), ...structuredClone(messages)].slice(-window));
    },
  };
}
