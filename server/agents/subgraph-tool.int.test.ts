import { startWorkspaceRuntime } from "../testing/start-workspace-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { buildSpec } from "../runtime/testing/build-spec";
import { createGraph } from "../services/graph/create-graph";
import { startRun } from "../services/run/start-run";
import { createWorkspaceWithMembers } from "../testing/factories";

let studio: ReturnType<typeof startWorkspaceRuntime>;

beforeAll(() => {
  studio = startWorkspaceRuntime();
});

afterAll(async () => {
  await studio.stop();
});

describe("a Sub-graph as an agent's tool", () => {
  it("runs the other graph as a child run per call and gives the agent its output", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
    const scope = { workspaceId: workspace.id, actorId: members.editor.id };
    const greeter = await createGraph(db(), {
      ...scope,
      name: "Greeter",
      spec: buildSpec([{ id: "in", type: "core/input" }, { id: "greet", type: "core/template", config: { template: "Hello {{input.name}}" } }, { id: "out", type: "core/output", config: { name: "greeting" } }], ["in.out->greet.in", "greet.out->out.in"]),
    });
    const turns = [{ toolCalls: [{ name: "greet", arguments: { name: "Ada" } }, { name: "greet", arguments: { name: "Grace" } }] }, { content: "{{toolResults.0.greeting}} and {{toolResults.1.greeting}}" }];
    const agentGraph = await createGraph(db(), {
      ...scope,
      name: "Agent",
      spec: buildSpec(
        [
          { id: "in", type: "core/input" },
          { id: "agent", type: "core/agent" },
          { id: "model", type: "core/scripted-model", config: { turns } },
          { id: "tool", type: "core/subgraph", config: { graphId: greeter.id, version: "draft", toolName: "greet", toolInputSchema: { type: "object", properties: { name: { type: "string" } } } } },
          { id: "out", type: "core/output", config: { name: "answer" } },
        ],
        ["in.out->agent.in", "model.model->agent.model", "tool.asTool->agent.tools", "agent.out->out.in"],
      ),
    });
    const run = await startRun(db(), { ...scope, graphId: agentGraph.id, source: { kind: "draft" }, input: "greet two people" });
    await expect.poll(async () => (await db().run.findUniqueOrThrow({ where: { id: run.id } })).status, { timeout: 20_000 }).toMatch(/succeeded|failed/);
    const finished = await db().run.findUniqueOrThrow({ where: { id: run.id } });
    expect(finished.error).toBeNull();
    expect(finished.output).toMatchObject({ answer: { text: "Hello Ada and Hello Grace" } });
    const children = await db().run.findMany({ where: { parentRunId: run.id }, select: { trigger: true, status: true, input: true, graphId: true } });
    expect(children).toHaveLength(2);
    expect(children.every((child) => child.trigger === "tool" && child.status === "succeeded" && child.graphId === greeter.id)).toBe(true);
  });
});
