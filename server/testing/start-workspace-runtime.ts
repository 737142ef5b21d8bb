// The runtime as the studio runs it, for integration tests: the Postgres store, each run's workspace node types
// (core, AI nodes with egress and memory, plugins, the sandbox) and its secrets, canaries judged after each run as
// start-runtime.ts does; polls fast.
import { closeMcpSessions, closeSessionsOfRemovedCommands } from "../agents/mcp/mcp-sessions";
import { db } from "../db/client";
import { createPrismaRunStore } from "../db/prisma-run-store";
import { closeSandboxPool } from "../plugins/sandbox-host";
import { loadWorkspaceImplementations } from "../plugins/workspace-plugins";
import { watchCanaryRuns } from "../deployments/watch-canary-runs";
import { createRuntime } from "../runtime/runtime";
import { logger } from "../telemetry/logger";
import { getMasterKey } from "../secrets/master-key";
import { resolveSecretValue } from "../services/secret/resolve-secret";

export function startWorkspaceRuntime() {
  const runtime = createRuntime({
    store: createPrismaRunStore(db()),
    implementations: (run) => loadWorkspaceImplementations(db(), run),
    resolveSecret: (workspaceId, name, environmentId) => resolveSecretValue(db(), { workspaceId, name, environmentId, masterKey: getMasterKey() }),
    pollMs: 30,
    onEvent: watchCanaryRuns(db(), (error, runId) => logger.error({ err: error, runId }, "canary evaluation failed")),
  });
  const stopClosingRemovedCommands = closeSessionsOfRemovedCommands();
  runtime.start();
  return {
    runtime,
    async stop(): Promise<void> {
      stopClosingRemovedCommands();
      await runtime.stop();
      await closeSandboxPool();
      await closeMcpSessions();
    },
  };
}
