// An Agent uses a real MCP server from npm through the MCP Tools node, in runs on the real runtime with the Prisma
// store and the services a workspace's runs get (workspace-plugins.ts): approved commands and pins come from Postgres.
import { startWorkspaceRuntime } from "../../testing/start-workspace-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TGraphSpec } from "@/lib/graph";
import { db } from "../../db/client";
import { buildSpec } from "../../runtime/testing/build-spec";
import { createGraph } from "../../services/graph/create-graph";
import { startRun } from "../../services/run/start-run";
import { createWorkspaceWithMembers } from "../../testing/factories";
import { callerFor } from "../../testing/trpc-callers";
import { everythingCommand, runningEverythingChildren } from "./testing/everything-server";
import { waitForRunEnd } from "../../testing/wait-for-run-end";

let studio: ReturnType<typeof startWorkspaceRuntime>;

beforeAll(() => {
  studio = startWorkspaceRuntime();
});

afterAll(async () => {
  await studio.stop();
  expect(runningEverythingChildren()).toEqual([]);
});

function agentWithMcp(mcpConfig: Record<string, unknown>): TGraphSpec {
  const turns = [{ toolCalls: [{ name: "get-sum", arguments: { a: 40, b: 2 } }] }, { content: "Answer: {{toolResults.0}}" }];
  return buildSpec(
    [
      { id: "in", type: "core/input" },
      { id: "agent", type: "core/agent" },
      { id: "model", type: "core/scripted-model", config: { turns } },
      { id: "mcp", type: "core/mcp-tools", config: mcpConfig },
      { id: "out", type: "core/output" },
    ],
    ["in.out->agent.in", "model.model->agent.model", "mcp.tools->agent.tools", "agent.out->out.in"],
  );
}

async function runToEnd(workspaceId: string, actorId: string, spec: TGraphSpec) {
  const graph = await createGraph(db(), { workspaceId, actorId, name: "MCP graph", spec });
  const run = await startRun(db(), { workspaceId, graphId: graph.id, actorId, source: { kind: "draft" }, input: "what is 40 + 2?" });
  return waitForRunEnd(run.id);
}

async function waitUntil(check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 25) {
    if (waited > 5_000) throw new Error("condition not met within 5 s");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("MCP Tools in a run", () => {
  it("an Agent uses an approved tool on one warm server; a changed definition disables it; an unapproved or removed command never runs", { timeout: 60_000 }, async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["admin", "editor"]);
    const workspaceId = workspace.id;
    const actorId = members.editor.id;
    const { command, args } = everythingCommand();
    const approved = await callerFor(members.admin).mcp.addCommand({ workspaceId, name: "everything", command, args });
    const { tools } = await callerFor(members.editor).mcp.inspectServer({ workspaceId, transport: "stdio", commandId: approved.id });
    const sumHash = tools.find((tool) => tool.name === "get-sum")!.hash;

    const used = await runToEnd(workspaceId, actorId, agentWithMcp({ transport: "stdio", commandId: approved.id, pinnedTools: { "get-sum": sumHash } }));
    expect(used).toMatchObject({ status: "succeeded", output: { out: { text: "Answer: The sum of 40 and 2 is 42.", toolCalls: [{ tool: "get-sum", ok: true }] } } });
    const toolCall = used.events.find((event) => event.type === "node.call_finished" && event.nodeId === "mcp");
    expect(toolCall?.payload).toMatchObject({ callerNodeId: "agent", kind: "tool", operation: "get-sum", ok: true });

    // What a server that rewrote get-sum's definition looks like to the node: the pin no longer matches.
    const changed = await runToEnd(workspaceId, actorId, agentWithMcp({ transport: "stdio", commandId: approved.id, pinnedTools: { "get-sum": "f".repeat(64) } }));
    expect(changed).toMatchObject({ status: "succeeded", output: { out: { text: 'Answer: Error: there is no tool named "get-sum". Available tools: none.', toolCalls: [{ tool: "get-sum", ok: false }] } } });
    const warning = changed.events.find((event) => event.type === "node.log" && event.nodeId === "mcp");
    expect(warning?.payload).toMatchObject({ level: "warn", message: 'MCP tool "get-sum" changed since it was approved and is disabled: re-approve it in the inspector' });
    // Both runs' lists and calls went to one server process, still running for the next run (the inspection's is gone).
    expect(runningEverythingChildren()).toHaveLength(1);

    const other = await createWorkspaceWithMembers(["admin"]);
    const foreign = await callerFor(other.members.admin).mcp.addCommand({ workspaceId: other.workspace.id, name: "theirs", command, args });
    const refused = await runToEnd(workspaceId, actorId, agentWithMcp({ transport: "stdio", commandId: foreign.id, pinnedTools: { "get-sum": sumHash } }));
    expect(refused.status).toBe("failed");
    expect((refused.error as { message: string }).message).toContain(`MCP Tools node "mcp" names a command that is not on this workspace's approved list`);

    await callerFor(members.admin).mcp.removeCommand({ workspaceId, commandId: approved.id });
    await waitUntil(() => runningEverythingChildren().length === 0);
    const removed = await runToEnd(workspaceId, actorId, agentWithMcp({ transport: "stdio", commandId: approved.id, pinnedTools: { "get-sum": sumHash } }));
    expect((removed.error as { message: string }).message).toContain("not on this workspace's approved list");
  });
});
