// What a workspace can run: the core node types plus its enabled plugins. Validation and the palette read manifests
// from the database; the runtime additionally checks every plugin file on disk against the hashes recorded at install.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createNodeTypeRegistry, type TNodeTypeDefinition, type TNodeTypeRegistry } from "@/lib/graph";
import type { TPluginManifest } from "@/lib/plugins/manifest";
import type { TDbOrTx } from "../db/client";
import { createNodeImplementations, type TNodeImplementation, type TNodeImplementations } from "../runtime/node-implementation";
import { createAgentNodes, type TAgentServices } from "../agents";
import { createAgentMemoryStore } from "../db/agent-memory-store";
import { egressFetch, egressStream } from "../egress";
import { CORE_NODES } from "../runtime/nodes/core";
import { createCodeNode } from "../runtime/nodes/core/code";
import { getWorkspaceAllowlist } from "../services/egress/get-workspace-allowlist";
import { findMcpCommand } from "../services/mcp/find-mcp-command";
import { ALL_CORE_NODE_DEFINITIONS } from "./builtin/core-node-definitions";
import { createHostCapabilities } from "./host-capabilities";
import { runInSandbox } from "./sandbox-host";
import { getManifestNodeTypes } from "./manifest-node-types";
import { createPluginNode } from "./plugin-node";
import { PluginError } from "./plugin-error";
import { describeFileDifference, hashPluginFiles } from "./signing/plugin-files";

export type TLoadedPlugin = { pluginKey: string; version: string; isSigned: boolean; manifest: TPluginManifest; grants: { egress: string[]; secrets: string[] } };

async function findEnabledPlugins(db: TDbOrTx, workspaceId: string) {
  const installs = await db.pluginInstall.findMany({
    where: { workspaceId, isEnabled: true },
    select: { pluginKey: true, grants: true, plugin: { select: { version: true, signedBy: true, manifest: true, fileHashes: true, storagePath: true } } },
  });
  return installs.map(({ plugin, ...install }) => ({
    pluginKey: install.pluginKey,
    version: plugin.version,
    isSigned: plugin.signedBy !== null,
    manifest: plugin.manifest as TPluginManifest,
    grants: install.grants as TLoadedPlugin["grants"],
    fileHashes: plugin.fileHashes as Record<string, string>,
    storagePath: plugin.storagePath,
  }));
}

/** Node types a graph of this workspace may use (for validation and the palette), with the plugin each comes from. */
export async function getWorkspaceNodeTypes(db: TDbOrTx, workspaceId: string): Promise<{ registry: TNodeTypeRegistry; plugins: TLoadedPlugin[] }> {
  const plugins = await findEnabledPlugins(db, workspaceId);
  const definitions: TNodeTypeDefinition[] = [...ALL_CORE_NODE_DEFINITIONS, ...plugins.flatMap((plugin) => getManifestNodeTypes(plugin.manifest))];
  return { registry: createNodeTypeRegistry(definitions), plugins };
}

/**
 * Executable node types of the workspace. A plugin whose files changed on disk since install is not loaded: the run
 * fails with a message naming the plugin and the file, instead of running code nobody verified.
 */
export async function loadWorkspaceImplementations(db: TDbOrTx, run: { workspaceId: string; graphId: string }): Promise<TNodeImplementations> {
  const { workspaceId } = run;
  const plugins = await findEnabledPlugins(db, workspaceId);
  const runCode: TAgentServices["runCode"] = (job) => runCodeJob(db, job);
  const implementations: TNodeImplementation[] = [...CORE_NODES, createCodeNode(runCode, workspaceId), ...createAgentNodes(await createAgentServices(db, run, runCode))];
  for (const plugin of plugins) {
    const difference = describeFileDifference(plugin.fileHashes, hashPluginFiles(plugin.storagePath));
    if (difference) throw new PluginError("FILES_CHANGED", `Plugin ${plugin.pluginKey} ${plugin.version} is not loaded: ${difference} on disk since it was installed`);
    const source = plugin.manifest.entry ? readFileSync(path.join(plugin.storagePath, plugin.manifest.entry), "utf8") : "";
    for (const definition of getManifestNodeTypes(plugin.manifest)) {
      implementations.push(createPluginNode({ definition, plugin, source }));
    }
  }
  return createNodeImplementations(implementations);
}

/** What AI nodes of a run reach: the network through egress with the workspace's allowlist, memory in Postgres, the approved MCP commands. */
async function createAgentServices(db: TDbOrTx, run: { workspaceId: string; graphId: string }, runCode: TAgentServices["runCode"]): Promise<TAgentServices> {
  const policy = { allowedHosts: await getWorkspaceAllowlist(db, { workspaceId: run.workspaceId }) };
  return {
    workspaceId: run.workspaceId,
    graphId: run.graphId,
    fetch: (request) => egressFetch(request, policy),
    fetchStream: (request) => egressStream(request, policy),
    memory: createAgentMemoryStore(run),
    runCode,
    findMcpCommand: (commandId) => findMcpCommand(db, { workspaceId: run.workspaceId, commandId }),
  };
}

/** A Code node may fetch the hosts on the workspace's egress allowlist, and no secret. */
async function runCodeJob(db: TDbOrTx, job: Parameters<TAgentServices["runCode"]>[0]) {
  const allowedHosts = await getWorkspaceAllowlist(db, { workspaceId: job.workspaceId });
  const onCapability = createHostCapabilities({
    caller: "Code node",
    allowedHosts,
    allowedSecrets: [],
    resolveSecret: () => Promise.reject(new Error("Code nodes cannot read secrets")),
    idempotencyKey: job.idempotencyKey,
  });
  return runInSandbox({ code: job.code, input: job.input, timeoutMs: job.timeoutMs, signal: job.signal, onCapability });
}
