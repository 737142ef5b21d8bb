// What a workspace can run: the core node types plus its enabled plugins. Validation and the palette read manifests
// from the database; the runtime additionally checks every plugin file on disk against the hashes recorded at install.
import { readFileSync } from "node:fs";
import path from "node:path";
import { canOnPlugin, defineAbilityFor } from "@/lib/auth/abilities";
import { createNodeTypeRegistry, type TNodeTypeDefinition, type TNodeTypeRegistry } from "@/lib/graph";
import type { TPluginManifest } from "@/lib/plugins/manifest";
import { notFound } from "../app-error";
import type { TDbOrTx } from "../db/client";
import { createNodeImplementations, type TNodeImplementation, type TNodeImplementations } from "../runtime/node-implementation";
import { createAgentNodes, type TAgentServices } from "../agents";
import { getMcpSessionPool } from "../agents/mcp/mcp-sessions";
import { createAgentMemoryStore } from "../db/agent-memory-store";
import { egressFetch, egressStream } from "../egress";
import { NonRetriableError } from "../runtime/errors";
import { CORE_NODES } from "../runtime/nodes/core";
import { createCodeNode } from "../runtime/nodes/core/code";
import { getWorkspaceAllowlist } from "../services/egress/get-workspace-allowlist";
import { findMcpCommand } from "../services/mcp/find-mcp-command";
import { ALL_CORE_NODE_DEFINITIONS } from "./builtin/core-node-definitions";
import { createHostCapabilities } from "./host-capabilities";
import { runInSandbox } from "./sandbox-host";
import { getManifestNodeTypes } from "./manifest-node-types";
import { createPluginNode } from "./plugin-node";
import { describeUnavailablePlugin } from "./check-plugin-use";
import { PluginError } from "./plugin-error";
import { describeFileDifference, hashPluginFiles } from "./signing/plugin-files";

export type TLoadedPlugin = { pluginKey: string; version: string; isSigned: boolean; manifest: TPluginManifest; grants: { egress: string[]; secrets: string[] } };

/** What the policy reads of an installed plugin (lib/auth/abilities.ts, action "use"). */
export type TInstalledPluginFacts = { pluginKey: string; isSigned: boolean; publisher: string; isEnabled: boolean };

export type TWorkspaceNodeTypes = {
  registry: TNodeTypeRegistry;
  /** The plugins that may run here now, with what the runtime needs of them. */
  plugins: TLoadedPlugin[];
  /** Every installed plugin, runnable or not, for the reason a run is refused. */
  installed: TInstalledPluginFacts[];
  allowUnsignedPlugins: boolean;
};

/**
 * Which plugin versions to read: those a published graph version pinned (by the version, or by the run of one), else
 * the installed ones (a draft, the palette).
 */
export type TPinSource = { graphVersionId: string } | { runId: string } | null;

/**
 * The workspace's installed plugins, split by whether they may run now: enabled, and signed unless the workspace allows
 * unsigned plugins. Turning "allow unsigned" off disables them too (set-allow-unsigned-plugins.ts); this check keeps
 * one installed in a race with that switch from running. A plugin `pins` names is read in its pinned version, with the
 * install's switch and the grants that version declares.
 */
async function findWorkspacePlugins(db: TDbOrTx, workspaceId: string, pins: TPinSource = null) {
  const { allowUnsignedPlugins, installs } = await readWorkspacePlugins(db, workspaceId, pins);
  const ability = defineAbilityFor({ userId: null, role: "viewer", apiKey: null, allowUnsignedPlugins });
  const installed = installs.map(({ pluginKey, isEnabled, plugin }) => ({ pluginKey, isEnabled, isSigned: plugin.signedBy !== null, publisher: plugin.publisher }));
  const isRunnable = installs.map((_install, index) => canOnPlugin(ability, "use", installed[index]!));
  const unavailable = installs
    .filter((_install, index) => !isRunnable[index])
    .map(({ pluginKey, plugin }) => ({ pluginKey, isSigned: plugin.signedBy !== null, manifest: plugin.manifest as TPluginManifest }));
  const runnable = installs
    .filter((_install, index) => isRunnable[index])
    .map(({ plugin, ...install }) => ({
      pluginKey: install.pluginKey,
      version: plugin.version,
      isSigned: plugin.signedBy !== null,
      manifest: plugin.manifest as TPluginManifest,
      grants: grantsDeclaredBy(install.grants as TLoadedPlugin["grants"], plugin.manifest as TPluginManifest),
      fileHashes: plugin.fileHashes as Record<string, string>,
      storagePath: plugin.storagePath,
    }));
  return { runnable, unavailable, installed, allowUnsignedPlugins };
}

type TPluginRow = {
  allowUnsignedPlugins: boolean;
  pluginKey: string | null;
  isEnabled: boolean;
  grants: unknown;
  version: string;
  signedBy: string | null;
  publisher: string;
  manifest: unknown;
  fileHashes: unknown;
  storagePath: string;
};

/** A grant the pinned (older) version does not declare is not given to it; the install's grants follow the newest. */
function grantsDeclaredBy(grants: TLoadedPlugin["grants"], manifest: TPluginManifest): TLoadedPlugin["grants"] {
  return {
    egress: grants.egress.filter((host) => manifest.permissions.egress.includes(host)),
    secrets: grants.secrets.filter((name) => manifest.permissions.secrets.includes(name)),
  };
}

/**
 * The workspace's switch and its installs with their plugins, in one query: every run start reads this twice (the
 * validation before it is queued, the runtime when it loads the node types), so it is one round trip, not three.
 * A pin of the graph version (given, or the run's) replaces the installed version of its plugin.
 */
async function readWorkspacePlugins(db: TDbOrTx, workspaceId: string, pins: TPinSource) {
  const graphVersionId = pins && "graphVersionId" in pins ? pins.graphVersionId : null;
  const runId = pins && "runId" in pins ? pins.runId : null;
  const rows = await db.$queryRaw<TPluginRow[]>`
    SELECT w."allowUnsignedPlugins", i."pluginKey", i."isEnabled", i.grants, p.version, p."signedBy", p.publisher, p.manifest, p."fileHashes", p."storagePath"
    FROM "Workspace" w
    LEFT JOIN "PluginInstall" i ON i."workspaceId" = w.id
    LEFT JOIN "GraphVersionPluginPin" pin ON pin."pluginKey" = i."pluginKey"
      AND pin."graphVersionId" = COALESCE(${graphVersionId}::text, (SELECT r."graphVersionId" FROM "Run" r WHERE r.id = ${runId}::text))
    LEFT JOIN "Plugin" p ON p.id = COALESCE(pin."pluginId", i."pluginId")
    WHERE w.id = ${workspaceId}
    ORDER BY i."pluginKey"`;
  if (rows.length === 0) throw notFound("Workspace");
  const installs = rows
    .filter((row): row is TPluginRow & { pluginKey: string } => row.pluginKey !== null)
    .map(({ pluginKey, isEnabled, grants, ...plugin }) => ({ pluginKey, isEnabled, grants, plugin }));
  return { allowUnsignedPlugins: rows[0]!.allowUnsignedPlugins, installs };
}

/**
 * Node types a graph of this workspace may use (for validation and the palette), with the plugin each comes from; for a
 * published version (`pins`), in the plugin versions it pinned.
 */
export async function getWorkspaceNodeTypes(db: TDbOrTx, workspaceId: string, pins: TPinSource = null): Promise<TWorkspaceNodeTypes> {
  const { runnable, installed, allowUnsignedPlugins } = await findWorkspacePlugins(db, workspaceId, pins);
  const definitions: TNodeTypeDefinition[] = [...ALL_CORE_NODE_DEFINITIONS, ...runnable.flatMap((plugin) => getManifestNodeTypes(plugin.manifest))];
  return { registry: createNodeTypeRegistry(definitions), plugins: runnable, installed, allowUnsignedPlugins };
}

/**
 * Executable node types of the workspace for a run: a run of a published version gets the plugin versions it pinned,
 * whatever is installed now. A plugin whose files changed on disk since install is not loaded: the run fails with a
 * message naming the plugin and the file, instead of running code nobody verified.
 */
export async function loadWorkspaceImplementations(db: TDbOrTx, run: { id: string; workspaceId: string; graphId: string; nodeTypesKey?: string }): Promise<TNodeImplementations> {
  const { workspaceId } = run;
  const { runnable: plugins, unavailable, allowUnsignedPlugins } = await findRunPlugins(db, run);
  const runCode: TAgentServices["runCode"] = (job) => runCodeJob(db, job);
  const implementations: TNodeImplementation[] = [...CORE_NODES, createCodeNode(runCode, workspaceId), ...createAgentNodes(createAgentServices(db, run, runCode))];
  for (const plugin of plugins) {
    const difference = describeFileDifference(plugin.fileHashes, hashPluginFiles(plugin.storagePath));
    if (difference) throw new PluginError("FILES_CHANGED", `Plugin ${plugin.pluginKey} ${plugin.version} is not loaded: ${difference} on disk since it was installed`);
    const source = plugin.manifest.entry ? readFileSync(path.join(plugin.storagePath, plugin.manifest.entry), "utf8") : "";
    for (const definition of getManifestNodeTypes(plugin.manifest)) {
      implementations.push(createPluginNode({ definition, plugin, source }));
    }
  }
  // A run queued before its plugin was disabled fails at that node, saying why, rather than "unknown type".
  for (const plugin of unavailable) {
    const refusal = describeUnavailablePlugin(plugin, allowUnsignedPlugins);
    for (const definition of getManifestNodeTypes(plugin.manifest)) {
      implementations.push({ definition, execute: (context) => Promise.reject(new NonRetriableError(`Node "${context.nodeId}" ${refusal}`)) });
    }
  }
  return createNodeImplementations(implementations);
}

type TRunPlugins = Awaited<ReturnType<typeof findWorkspacePlugins>>;
const runPlugins = new Map<string, TRunPlugins>();
const MAX_RUN_PLUGIN_SETS = 200;

/**
 * The plugins a run loads, shared by the runs whose `nodeTypesKey` (their version's pins and the workspace's plugin
 * set when they were loaded, prisma-run-store.ts) is the same: a run of a workspace without plugin changes reads
 * nothing more. The files on disk are still checked against their hashes for every run.
 */
async function findRunPlugins(db: TDbOrTx, run: { id: string; workspaceId: string; nodeTypesKey?: string }): Promise<TRunPlugins> {
  if (!run.nodeTypesKey) return findWorkspacePlugins(db, run.workspaceId, { runId: run.id });
  const key = `${run.workspaceId}|${run.nodeTypesKey}`;
  const known = runPlugins.get(key);
  if (known) return known;
  const found = await findWorkspacePlugins(db, run.workspaceId, { runId: run.id });
  if (runPlugins.size >= MAX_RUN_PLUGIN_SETS) runPlugins.delete(runPlugins.keys().next().value!);
  runPlugins.set(key, found);
  return found;
}

/** What AI nodes of a run reach: the network through egress with the workspace's allowlist, memory in Postgres, the approved MCP commands. */
function createAgentServices(db: TDbOrTx, run: { workspaceId: string; graphId: string }, runCode: TAgentServices["runCode"]): TAgentServices {
  // Read at the run's first outbound call: most runs make none, and each start would pay a query for it.
  let policy: Promise<{ allowedHosts: string[] }> | undefined;
  const readPolicy = () =>
    (policy ??= getWorkspaceAllowlist(db, { workspaceId: run.workspaceId }).then(
      (allowedHosts) => ({ allowedHosts }),
      (error: unknown) => {
        policy = undefined;
        throw error;
      },
    ));
  return {
    workspaceId: run.workspaceId,
    graphId: run.graphId,
    fetch: async (request) => egressFetch(request, await readPolicy()),
    fetchStream: async (request) => egressStream(request, await readPolicy()),
    memory: createAgentMemoryStore(run),
    runCode,
    findMcpCommand: (commandId) => findMcpCommand(db, { workspaceId: run.workspaceId, commandId }),
    mcpSessions: getMcpSessionPool(),
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
    traceparent: job.traceparent,
  });
  return runInSandbox({ code: job.code, input: job.input, timeoutMs: job.timeoutMs, signal: job.signal, onCapability });
}
