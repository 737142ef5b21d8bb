// The process-wide MCP session pool: runs of every workspace driven by this process share it (keyed per workspace).
// Started on first use; closed by the runtime's stop (start-runtime.ts), so a stopping studio leaves no MCP server behind.
import { env } from "../../env";
import { studioEvents } from "../../events/studio-events";
import { reportMcpSessionsFrom } from "../../telemetry/metrics";
import { createMcpSessionPool, type TMcpSessionPool } from "./mcp-session-pool";

let pool: TMcpSessionPool | undefined;

export function getMcpSessionPool(): TMcpSessionPool {
  if (!pool) {
    const config = env();
    pool = createMcpSessionPool({ idleMs: config.STUDIO_MCP_IDLE_MS, maxSessions: config.STUDIO_MCP_MAX_SESSIONS });
  }
  return pool;
}

// /api/metrics reads the pool without starting it.
reportMcpSessionsFrom(() => {
  const sessions = pool?.sessions() ?? [];
  const busy = sessions.filter((session) => session.isBusy).length;
  return { busy, idle: sessions.length - busy };
});

/**
 * While subscribed, a removed command's servers stop at once, in the middle of a call too, not when they fall idle.
 * The event crosses processes in queue mode, so every worker closes its own sessions. Answers the unsubscribe.
 */
export function closeSessionsOfRemovedCommands(): () => void {
  return studioEvents.on("mcp.commandRemoved", ({ workspaceId, commandId }) => {
    void pool?.closeWhere(
      (session) => session.workspaceId === workspaceId && session.target.transport === "stdio" && session.target.command.id === commandId,
      "its command was removed from the workspace's approved list",
    );
  });
}

export async function closeMcpSessions(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.close();
}
