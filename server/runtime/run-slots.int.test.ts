// Parents waiting on their children never hold the run slots the children need: every slot is taken by a parent,
// yet every child runs and every parent finishes (Sub-graph as a node, which parks, and as a tool, which waits in process).
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createPrismaRunStore } from "../db/prisma-run-store";
import { loadWorkspaceImplementations } from "../plugins/workspace-plugins";
import { createGraph } from "../services/graph/create-graph";
import { startRun } from "../services/run/start-run";
import { createWorkspaceWithMembers } from "../testing/factories";
import { createRuntime, type TRuntime } from "./runtime";
import { buildSpec } from "./testing/build-spec";

const PARENTS = 4;
let runtime: TRuntime | undefined;

afterEach(async () => {
  await runtime?.stop();
});

async function runParents(parentSpec: (childGraphId: string) => ReturnType<typeof buildSpec>) {
  const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
  const scope = { workspaceId: workspace.id, actorId: members.editor.id };
  const child = await createGraph(db(), {
    ...scope,
    name: "Child",
    spec: buildSpec([{ id: "in", type: "core/input" }, { id: "greet", type: "core/template", config: { template: "Hello {{input.name}}" } }, { id: "out", type: "core/output", config: { name: "greeting" } }], ["in.out->greet.in", "greet.out->out.in"]),
  });
  const parent = await createGraph(db(), { ...scope, name: "Parent", spec: parentSpec(child.id) });
  const runs: { id: string }[] = [];
  for (let i = 0; i < PARENTS; i++) runs.push(await startRun(db(), { ...scope, graphId: parent.id, source: { kind: "draft" }, input: { name: `p${i}` } }));
  runtime = createRuntime({ store: createPrismaRunStore(db()), implementations: (run) => loadWorkspaceImplementations(db(), run), maxRuns: 2, maxRunsPerWorkspace: 2, pollMs: 30 });
  runtime.start();
  const statuses = async () => (await db().run.findMany({ where: { id: { in: runs.map((run) => run.id) } }, select: { status: true } })).map((run) => run.status);
  await expect.poll(statuses, { timeout: 15_000, interval: 50 }).toEqual(Array(PARENTS).fill("succeeded"));
  return db().run.findMany({ where: { graphId: child.id }, select: { status: true } });
}

describe("run slots", () => {
  it("runs the children of parents waiting in process on a Sub-graph tool, with every slot taken by such parents", async () => {
    const turns = [{ toolCalls: [{ name: "greet", arguments: { name: "{{input}}" } }] }, { content: "{{toolResults.0.greeting}}" }];
    const children = await runParents((childGraphId) =>
      buildSpec(
        [
          { id: "in", type: "core/input" },
          { id: "agent", type: "core/agent" },
          { id: "model", type: "core/scripted-model", config: { turns } },
          { id: "tool", type: "core/subgraph", config: { graphId: childGraphId, version: "draft", toolName: "greet" } },
          { id: "out", type: "core/output", config: { name: "answer" } },
        ],
        ["in.out->agent.in", "model.model->agent.model", "tool.asTool->agent.tools", "agent.out->out.in"],
      ),
    );
    expect(children.map((child) => child.status)).toEqual(Array(PARENTS).fill("succeeded"));
  });

  it("runs the children of parents parked on a Sub-graph node", async () => {
    const children = await runParents((childGraphId) =>
      buildSpec(
        [{ id: "in", type: "core/input" }, { id: "call", type: "core/subgraph", config: { graphId: childGraphId, version: "draft" } }, { id: "out", type: "core/output" }],
        ["in.out->call.in", "call.out->out.in"],
      ),
    );
    expect(children.map((child) => child.status)).toEqual(Array(PARENTS).fill("succeeded"));
  });
});
