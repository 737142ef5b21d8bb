import { describe, expect, it } from "vitest";
import type { TChatMessage } from "../runtime/attached-contract";
import { createWorkspaceWithMembers } from "../testing/factories";
import { createAgentMemoryStore } from "./agent-memory-store";

const say = (content: string): TChatMessage => ({ role: "user", content });

describe("createAgentMemoryStore", () => {
  it("keeps the newest messages per node and session, within the window, and loses none to concurrent appends", async () => {
    const { workspace } = await createWorkspaceWithMembers(["owner"]);
    const store = createAgentMemoryStore({ workspaceId: workspace.id, graphId: "graph-1" });
    const key = { nodeId: "memory", sessionKey: "ada" };
    expect(await store.load(key)).toEqual([]);
    await store.append(key, [say("1"), say("2")], 3);
    await store.append(key, [say("3"), say("4")], 3);
    expect((await store.load(key)).map((message) => message.content)).toEqual(["2", "3", "4"]);

    const other = { nodeId: "memory", sessionKey: "bob" };
    await Promise.all(Array.from({ length: 10 }, (_, index) => store.append(other, [say(`m${index}`)], 100)));
    expect(await store.load(other)).toHaveLength(10);
    expect(await createAgentMemoryStore({ workspaceId: workspace.id, graphId: "graph-2" }).load(key)).toEqual([]);
  });
});
