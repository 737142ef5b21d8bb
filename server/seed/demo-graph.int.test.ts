import { startWorkspaceRuntime } from "../testing/start-workspace-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createGraph } from "../services/graph/create-graph";
import { startRun } from "../services/run/start-run";
import { createWorkspaceWithMembers } from "../testing/factories";
import { createDemoGraphSpec } from "./demo-graph";
import { waitForRunEnd } from "../testing/wait-for-run-end";

let studio: ReturnType<typeof startWorkspaceRuntime>;

beforeAll(() => {
  studio = startWorkspaceRuntime();
});

afterAll(async () => {
  await studio.stop();
});

describe("the seeded demo graph", () => {
  it("runs offline end to end: the agent calls both Code tools in the sandbox and answers with their results", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const graph = await createGraph(db(), { workspaceId: workspace.id, actorId: members.editor.id, name: "Demo", spec: createDemoGraphSpec() });
    const run = await startRun(db(), { workspaceId: workspace.id, graphId: graph.id, actorId: members.editor.id, source: { kind: "draft" }, input: { question: "How many words are in this question?" } });
    const finished = await waitForRunEnd(run.id);
    expect(finished.error).toBeNull();
    expect(finished.output).toMatchObject({ answer: { text: "Your question has 7 words, and 6 × 7 = 42.", turns: 2 } });
    const toolEvents = finished.events.filter((event) => event.type === "node.call_finished" && (event.payload as { kind: string }).kind === "tool");
    expect(toolEvents.map((event) => event.nodeId)).toEqual(["countWords", "multiply"]);
    const tokens = finished.events.filter((event) => event.type === "node.output_chunk" && event.nodeId === "assistant");
    expect(tokens.length).toBeGreaterThan(5);
  });
});
