// The process-wide pool as the studio wires it: the gauge /api/metrics serves, removal of a command through the studio
// event, and closing on stop.
import { afterEach, describe, expect, it } from "vitest";
import { studioEvents } from "../../events/studio-events";
import { metricsRegistry } from "../../telemetry/metrics";
import { closeMcpSessions, closeSessionsOfRemovedCommands, getMcpSessionPool } from "./mcp-sessions";
import { everythingCommand, runningEverythingChildren } from "./testing/everything-server";

const noHttp = () => Promise.reject(new Error("no HTTP"));

async function gauge(): Promise<string> {
  return metricsRegistry.getSingleMetricAsString("studio_mcp_sessions");
}

function listOn(workspaceId: string, commandId: string) {
  const request = { workspaceId, target: { transport: "stdio" as const, command: everythingCommand(commandId) }, fetchStream: noHttp, signal: AbortSignal.timeout(20_000) };
  return getMcpSessionPool().use(request, (client) => client.listTools());
}

afterEach(async () => {
  await closeMcpSessions();
  expect(runningEverythingChildren()).toEqual([]);
});

describe("process-wide MCP sessions", () => {
  it("shows its sessions in the studio_mcp_sessions gauge and stops them on close", { timeout: 30_000 }, async () => {
    await Promise.all([listOn("ws-a", "cmd-1"), listOn("ws-b", "cmd-1")]);
    expect(await gauge()).toMatch(/^studio_mcp_sessions\{state="idle"\} 2$/m);
    expect(await gauge()).toMatch(/^studio_mcp_sessions\{state="busy"\} 0$/m);
    await closeMcpSessions();
    expect(runningEverythingChildren()).toEqual([]);
    expect(await gauge()).toMatch(/^studio_mcp_sessions\{state="idle"\} 0$/m);
  });

  it("closes the sessions of a command removed in that workspace only", { timeout: 30_000 }, async () => {
    const stopWatching = closeSessionsOfRemovedCommands();
    try {
      await Promise.all([listOn("ws-a", "cmd-1"), listOn("ws-a", "cmd-2"), listOn("ws-b", "cmd-1")]);
      expect(runningEverythingChildren()).toHaveLength(3);
      studioEvents.emit("mcp.commandRemoved", { workspaceId: "ws-a", commandId: "cmd-1" });
      for (let waited = 0; runningEverythingChildren().length > 2 && waited < 5_000; waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
      const left = getMcpSessionPool().sessions().map((session) => [session.workspaceId, session.target.transport === "stdio" && session.target.command.id]);
      expect(left.sort()).toEqual([["ws-a", "cmd-2"], ["ws-b", "cmd-1"]]);
      expect(runningEverythingChildren()).toHaveLength(2);
    } finally {
      stopWatching();
    }
  });
});
