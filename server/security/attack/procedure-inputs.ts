// A minimal valid input for every procedure that needs a caller, built in an attack workspace: what a member allowed
// to call it would send, creating first whatever the call consumes (a graph to delete, a member to remove), so that
// an allowed call reaches its service and succeeds. The suite fails when a procedure of the router has no entry here.
import { canDeployTo, canOnGraph, type TWorkspaceAbility } from "@/lib/auth/abilities";
import { generatePluginKeyPair } from "../../plugins/signing/plugin-keys";
import { addMember, createTestUser, signInAs, uniqueSuffix } from "../../testing/factories";
import { createSimpleGraphSpec } from "../../testing/simple-graph-spec";
import { callerFor } from "../../testing/trpc-callers";
import { createPublishedGraph, createTriggerGraphSpec } from "../../triggers/testing/trigger-graphs";
import { addViewer, installSignedPlugin, PLUGIN_SOURCE_FOLDER, signedPluginArchive, type TAttackWorkspace } from "./attack-workspace";

export type TInputPlan = {
  build(workspace: TAttackWorkspace): Promise<Record<string, unknown>>;
  /** It deletes, leaves or hands over the workspace it names: each call gets a workspace of its own. */
  needsOwnWorkspace?: boolean;
  /** What an allowed caller gets when success needs a state this input cannot reach: proof it passed authorization. */
  allowedRefusal?: { code: string; message: string };
  /** The policy's rule (lib/auth/abilities.ts) when it says more than the declared scope. */
  isAllowedBy?: (ability: TWorkspaceAbility) => boolean;
};

const owner = (workspace: TAttackWorkspace) => callerFor(workspace.members.owner);
const only = (build: (workspace: TAttackWorkspace) => Record<string, unknown>): TInputPlan => ({ build: async (workspace) => build(workspace) });
const inWorkspace = only((workspace) => ({ workspaceId: workspace.id }));
const onGraph = only((workspace) => ({ workspaceId: workspace.id, graphId: workspace.graphId }));
const onRun = only((workspace) => ({ workspaceId: workspace.id, runId: workspace.runId }));
const onPlugin = (rest: Record<string, unknown>): TInputPlan => ({
  build: async (workspace) => ({ workspaceId: workspace.id, pluginKey: await installSignedPlugin(workspace.members.owner, workspace.id), ...rest }),
});

async function newGraph(workspace: TAttackWorkspace) {
  return owner(workspace).graph.create({ workspaceId: workspace.id, name: `Graph ${uniqueSuffix()}`, spec: createSimpleGraphSpec() });
}

async function newQueuedRun(workspace: TAttackWorkspace) {
  return owner(workspace).run.start({ workspaceId: workspace.id, graphId: workspace.graphId, version: "latest", input: { body: {} } });
}

const OPENCLAW_JSON = '{ agents: { entries: { main: { model: "anthropic/claude-sonnet-4-6" } } }, bindings: [{ agentId: "main", match: { channel: "slack" } }] }';

const NOT_CONNECTED = { code: "CONFLICT", message: "This workspace is not connected to an OpenClaw gateway: connect from the Live gateway panel first" };
const NOT_WAITING = { code: "CONFLICT", message: "The run is not waiting for an approval" };
const NO_STAGING_CANARY = { code: "CONFLICT", message: "No canary runs in staging: there is no candidate version" };
const NOTHING_IN_STAGING = { code: "CONFLICT", message: "Nothing runs in staging yet: deploy a stable version there first" };
const inStaging = only((workspace) => ({ workspaceId: workspace.id, graphId: workspace.graphId, environment: "staging" }));

async function newEnvironment(workspace: TAttackWorkspace, options: { requiresApproval?: boolean } = {}) {
  const { name } = await owner(workspace).environment.create({ workspaceId: workspace.id, name: `env-${uniqueSuffix()}`, ...options });
  return name;
}

/** A deploy waiting for approval, asked for by an editor who is none of the attack's principals (none approves their own). */
async function newDeployRequest(workspace: TAttackWorkspace) {
  const environment = await newEnvironment(workspace, { requiresApproval: true });
  const { graphId } = await createPublishedGraph(owner(workspace), workspace.id, createTriggerGraphSpec());
  const requester = await createTestUser();
  await addMember(workspace.id, requester.id, "editor");
  const asked = await callerFor(await signInAs(requester)).deployment.deploy({ workspaceId: workspace.id, graphId, environment, version: 1 });
  return { workspaceId: workspace.id, requestId: asked.pendingRequestId };
}

export const WORKSPACE_INPUTS: Record<string, TInputPlan> = {
  "workspace.rename": only((workspace) => ({ workspaceId: workspace.id, name: `Renamed ${uniqueSuffix()}` })),
  "workspace.runRetention": inWorkspace,
  "workspace.setRunRetention": only((workspace) => ({ workspaceId: workspace.id, retention: { runDays: 30, failedDays: 90 } })),
  "workspace.delete": { ...only((workspace) => ({ workspaceId: workspace.id, confirmName: workspace.name })), needsOwnWorkspace: true },

  "member.list": inWorkspace,
  "member.changeRole": { build: async (workspace) => ({ workspaceId: workspace.id, userId: await addViewer(workspace), role: "operator" }) },
  "member.remove": { build: async (workspace) => ({ workspaceId: workspace.id, userId: await addViewer(workspace) }) },
  "member.leave": { ...inWorkspace, needsOwnWorkspace: true },
  "member.transferOwnership": { ...only((workspace) => ({ workspaceId: workspace.id, userId: workspace.members.admin.id })), needsOwnWorkspace: true },

  "graph.list": inWorkspace,
  "graph.get": onGraph,
  "graph.listVersions": onGraph,
  "graph.getVersion": only((workspace) => ({ workspaceId: workspace.id, graphId: workspace.graphId, number: 1 })),
  "graph.create": only((workspace) => ({ workspaceId: workspace.id, name: `Created ${uniqueSuffix()}` })),
  "graph.rename": only((workspace) => ({ workspaceId: workspace.id, graphId: workspace.graphId, name: `Renamed ${uniqueSuffix()}` })),
  "graph.setAccess": {
    ...only((workspace) => ({ workspaceId: workspace.id, graphId: workspace.graphId, isRestricted: false })),
    isAllowedBy: (ability) => canOnGraph(ability, "restrict", { id: "graph", isRestricted: false, allowedRoles: [], allowedUserIds: [] }),
  },
  "graph.delete": { build: async (workspace) => ({ workspaceId: workspace.id, graphId: (await newGraph(workspace)).id }) },
  "graph.saveDraft": {
    build: async (workspace) => {
      const graph = await newGraph(workspace);
      return { workspaceId: workspace.id, graphId: graph.id, spec: createSimpleGraphSpec(), baseRevision: graph.draftRevision };
    },
  },
  "graph.listTags": inWorkspace,
  // A graph of its own per call: a graph holds at most 8 tags.
  "graph.addTag": { build: async (workspace) => ({ workspaceId: workspace.id, graphId: (await newGraph(workspace)).id, tag: "support" }) },
  "graph.removeTag": {
    build: async (workspace) => {
      const graph = await newGraph(workspace);
      await owner(workspace).graph.addTag({ workspaceId: workspace.id, graphId: graph.id, tag: "support" });
      return { workspaceId: workspace.id, graphId: graph.id, tag: "support" };
    },
  },
  "graph.publishVersion": {
    build: async (workspace) => {
      const graph = await newGraph(workspace);
      return { workspaceId: workspace.id, graphId: graph.id, draftRevision: graph.draftRevision };
    },
  },

  "run.start": only((workspace) => ({ workspaceId: workspace.id, graphId: workspace.graphId, version: "latest", input: { body: {} } })),
  "run.get": onRun,
  "run.list": inWorkspace,
  "run.stats": inWorkspace,
  "run.steps": onRun,
  "run.events": onRun,
  "run.stepValue": only((workspace) => ({ workspaceId: workspace.id, runId: workspace.runId, stepSeq: 1, field: "output" })),
  "run.cancel": { build: async (workspace) => ({ workspaceId: workspace.id, runId: (await newQueuedRun(workspace)).id }) },
  "run.approve": { ...only((workspace) => ({ workspaceId: workspace.id, runId: workspace.runId, nodeId: "hook" })), allowedRefusal: NOT_WAITING },
  "run.reject": { ...only((workspace) => ({ workspaceId: workspace.id, runId: workspace.runId, nodeId: "hook" })), allowedRefusal: NOT_WAITING },
  "run.replay": onRun,
  "run.fork": only((workspace) => ({ workspaceId: workspace.id, runId: workspace.runId, stepSeq: 1 })),

  "plugin.list": inWorkspace,
  "plugin.install": { build: async (workspace) => ({ workspaceId: workspace.id, archiveBase64: (await signedPluginArchive()).archiveBase64 }) },
  "plugin.installFromFolder": only((workspace) => ({ workspaceId: workspace.id, folder: PLUGIN_SOURCE_FOLDER })),
  "plugin.uninstall": onPlugin({}),
  "plugin.setEnabled": onPlugin({ isEnabled: true }),
  "plugin.grant": onPlugin({ grants: { egress: [], secrets: [] } }),
  "plugin.listTrustedKeys": inWorkspace,
  "plugin.addTrustedKey": only((workspace) => ({ workspaceId: workspace.id, publisher: "acme", publicKey: generatePluginKeyPair().publicKey })),
  "plugin.removeTrustedKey": {
    build: async (workspace) => {
      const added = await owner(workspace).plugin.addTrustedKey({ workspaceId: workspace.id, publisher: "acme", publicKey: generatePluginKeyPair().publicKey });
      return { workspaceId: workspace.id, keyId: added.id };
    },
  },
  "plugin.setAllowUnsigned": { ...only((workspace) => ({ workspaceId: workspace.id, isAllowed: false })), isAllowedBy: (ability) => ability.can("allowUnsignedPlugins", "Workspace") },
  "nodeType.list": inWorkspace,

  "secret.list": inWorkspace,
  "secret.setEnvironmentValue": {
    build: async (workspace) => {
      const name = `TOKEN_${uniqueSuffix().toUpperCase()}`;
      await owner(workspace).secret.create({ workspaceId: workspace.id, name, value: "a-value-long-enough" });
      return { workspaceId: workspace.id, name, environment: "staging", value: "a-staging-value-long-enough" };
    },
  },
  "secret.clearEnvironmentValue": {
    build: async (workspace) => {
      const name = `TOKEN_${uniqueSuffix().toUpperCase()}`;
      await owner(workspace).secret.create({ workspaceId: workspace.id, name, value: "a-value-long-enough" });
      await owner(workspace).secret.setEnvironmentValue({ workspaceId: workspace.id, name, environment: "staging", value: "a-staging-value-long-enough" });
      return { workspaceId: workspace.id, name, environment: "staging" };
    },
  },
  "secret.listNames": inWorkspace,
  "secret.create": only((workspace) => ({ workspaceId: workspace.id, name: `TOKEN_${uniqueSuffix().toUpperCase()}`, value: "a-value-long-enough" })),
  "secret.delete": {
    build: async (workspace) => {
      const name = `TOKEN_${uniqueSuffix().toUpperCase()}`;
      await owner(workspace).secret.create({ workspaceId: workspace.id, name, value: "a-value-long-enough" });
      return { workspaceId: workspace.id, name };
    },
  },

  "egress.list": inWorkspace,
  "egress.add": only((workspace) => ({ workspaceId: workspace.id, host: `api-${uniqueSuffix()}.example.com` })),
  "egress.remove": {
    build: async (workspace) => ({ workspaceId: workspace.id, ruleId: (await owner(workspace).egress.add({ workspaceId: workspace.id, host: `api-${uniqueSuffix()}.example.com` })).id }),
  },

  "mcp.listCommands": inWorkspace,
  "mcp.addCommand": only((workspace) => ({ workspaceId: workspace.id, name: `Tools ${uniqueSuffix()}`, command: "node", args: ["server.js"] })),
  "mcp.removeCommand": {
    build: async (workspace) => {
      const added = await owner(workspace).mcp.addCommand({ workspaceId: workspace.id, name: `Tools ${uniqueSuffix()}`, command: "node", args: ["server.js"] });
      return { workspaceId: workspace.id, commandId: added.id };
    },
  },
  // Success would need an MCP server on the allowlist; the egress refusal is the service's own answer.
  "mcp.inspectServer": {
    ...only((workspace) => ({ workspaceId: workspace.id, transport: "http", url: "https://mcp.example.test/mcp" })),
    allowedRefusal: { code: "BAD_REQUEST", message: "Could not connect to the MCP server at https://mcp.example.test/mcp: mcp.example.test:443 is not on this workspace's egress allowlist" },
  },

  "openClaw.import": only((workspace) => ({ workspaceId: workspace.id, source: { kind: "skill", markdown: `---\nname: triage-${uniqueSuffix()}\ndescription: Triage\n---\nBody` } })),
  "openClaw.remove": {
    build: async (workspace) => {
      const markdown = `---\nname: triage-${uniqueSuffix()}\ndescription: Triage\n---\nBody`;
      const imported = await owner(workspace).openClaw.import({ workspaceId: workspace.id, source: { kind: "skill", markdown } });
      return { workspaceId: workspace.id, id: imported.id };
    },
  },

  "openClaw.list": inWorkspace,
  "openClaw.get": {
    build: async (workspace) => {
      const markdown = `---\nname: triage-${uniqueSuffix()}\ndescription: Triage\n---\nBody`;
      const imported = await owner(workspace).openClaw.import({ workspaceId: workspace.id, source: { kind: "skill", markdown } });
      return { workspaceId: workspace.id, id: imported.id };
    },
  },

  "openClaw.importConfig": only((workspace) => ({ workspaceId: workspace.id, name: `Gateway ${uniqueSuffix()}`, entry: "openclaw.json", files: [{ path: "openclaw.json", content: OPENCLAW_JSON }] })),
  "openClaw.exportConfig": {
    build: async (workspace) => {
      const files = [{ path: "openclaw.json", content: OPENCLAW_JSON }];
      const imported = await owner(workspace).openClaw.importConfig({ workspaceId: workspace.id, name: `Gateway ${uniqueSuffix()}`, entry: "openclaw.json", files });
      return { workspaceId: workspace.id, graphId: imported.graphId };
    },
  },

  // Success needs a running OpenClaw gateway on the allowlist; the egress refusal and "not connected" are the services' own answers.
  "openClawGateway.connect": {
    build: async (workspace) => {
      const files = [{ path: "openclaw.json", content: OPENCLAW_JSON }];
      const imported = await owner(workspace).openClaw.importConfig({ workspaceId: workspace.id, name: `Gateway ${uniqueSuffix()}`, entry: "openclaw.json", files });
      const secretName = `GATEWAY_${uniqueSuffix().toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
      await owner(workspace).secret.create({ workspaceId: workspace.id, name: secretName, value: JSON.stringify({ url: "ws://gateway.example.test:18789", token: "attack-suite-token" }) });
      return { workspaceId: workspace.id, graphId: imported.graphId, secretName };
    },
    allowedRefusal: { code: "BAD_REQUEST", message: "The egress guard refused gateway.example.test:18789: gateway.example.test:18789 is not on this workspace's egress allowlist" },
  },
  "openClawGateway.disconnect": inWorkspace,
  "openClawGateway.status": inWorkspace,
  "openClawGateway.agents": { ...inWorkspace, allowedRefusal: NOT_CONNECTED },
  "openClawGateway.sessions": { ...inWorkspace, allowedRefusal: NOT_CONNECTED },
  "openClawGateway.send": { ...only((workspace) => ({ workspaceId: workspace.id, agent: "main", message: "Hello" })), allowedRefusal: NOT_CONNECTED },

  "trigger.list": onGraph,
  "trigger.createWebhookToken": {
    build: async (workspace) => ({ workspaceId: workspace.id, graphId: (await createPublishedGraph(owner(workspace), workspace.id, createTriggerGraphSpec())).graphId, nodeId: "hook" }),
  },
  "trigger.rotateWebhookToken": {
    build: async (workspace) => {
      const { graphId } = await createPublishedGraph(owner(workspace), workspace.id, createTriggerGraphSpec());
      await owner(workspace).trigger.createWebhookToken({ workspaceId: workspace.id, graphId, nodeId: "hook" });
      return { workspaceId: workspace.id, graphId, nodeId: "hook" };
    },
  },

  "deployment.listEnvironments": inWorkspace,
  "deployment.lanes": onGraph,
  "deployment.comparison": inStaging,
  "deployment.history": onGraph,
  // Production needs an admin (the policy's deploy rule), more than the declared graph:publish.
  "deployment.deploy": {
    ...only((workspace) => ({ workspaceId: workspace.id, graphId: workspace.graphId, environment: "production", version: 1 })),
    isAllowedBy: (ability) => canDeployTo(ability, { deployRole: "admin" }),
  },
  "deployment.setShare": { ...only((workspace) => ({ workspaceId: workspace.id, graphId: workspace.graphId, environment: "staging", share: 10 })), allowedRefusal: NO_STAGING_CANARY },
  "deployment.promote": { ...inStaging, allowedRefusal: NO_STAGING_CANARY },
  // Moving a trigger takes it from production: the admin's rule as for a production deploy.
  "deployment.moveTrigger": {
    build: async (workspace) => {
      const { graphId } = await createPublishedGraph(owner(workspace), workspace.id, createTriggerGraphSpec());
      return { workspaceId: workspace.id, graphId, nodeId: "hook", kind: "webhook", environment: "staging" };
    },
    isAllowedBy: (ability) => canDeployTo(ability, { deployRole: "admin" }),
  },
  "deployment.rollback": { ...inStaging, allowedRefusal: { code: "CONFLICT", message: "Nothing is deployed in staging" } },
  "deployment.blueGreen": inStaging,
  "deployment.deployIdle": { ...only((workspace) => ({ workspaceId: workspace.id, graphId: workspace.graphId, environment: "staging", version: 1 })), allowedRefusal: NOTHING_IN_STAGING },
  "deployment.replayIdle": { ...only((workspace) => ({ workspaceId: workspace.id, graphId: workspace.graphId, environment: "staging", count: 5 })), allowedRefusal: NOTHING_IN_STAGING },
  "deployment.switchIdle": { ...inStaging, allowedRefusal: NOTHING_IN_STAGING },
  "deployment.requests": onGraph,
  "deployment.timeline": inStaging,
  // Each request is for an environment editors deploy to: whoever may publish may approve or reject it.
  "deployment.approve": { build: newDeployRequest },
  "deployment.reject": { build: newDeployRequest },

  "environment.create": only((workspace) => ({ workspaceId: workspace.id, name: `env-${uniqueSuffix()}`, requiresApproval: true })),
  "environment.update": { build: async (workspace) => ({ workspaceId: workspace.id, environment: await newEnvironment(workspace), deployRole: "admin", requiresApproval: true }) },
  "environment.delete": { build: async (workspace) => ({ workspaceId: workspace.id, environment: await newEnvironment(workspace) }) },

  "apiKey.list": inWorkspace,
  "apiKey.create": only((workspace) => ({ workspaceId: workspace.id, name: `Script ${uniqueSuffix()}`, role: "viewer" })),
  "apiKey.revoke": {
    build: async (workspace) => {
      const created = await owner(workspace).apiKey.create({ workspaceId: workspace.id, name: `Script ${uniqueSuffix()}`, role: "viewer" });
      return { workspaceId: workspace.id, apiKeyId: created.apiKey.id };
    },
  },

  "audit.list": inWorkspace,
  "audit.export": inWorkspace,
  "audit.verify": inWorkspace,

  "invitation.list": inWorkspace,
  "invitation.create": only((workspace) => ({ workspaceId: workspace.id, email: `new-${uniqueSuffix()}@example.test`, role: "viewer" })),
  "invitation.revoke": {
    build: async (workspace) => {
      const created = await owner(workspace).invitation.create({ workspaceId: workspace.id, email: `new-${uniqueSuffix()}@example.test`, role: "viewer" });
      return { workspaceId: workspace.id, invitationId: created.invitation.id };
    },
  },
  "passwordReset.issue": { build: async (workspace) => ({ workspaceId: workspace.id, userId: await addViewer(workspace) }) },
};

/** The signed-in user's own account and workspace list: valid inputs, whoever sends them. */
export const ACCOUNT_INPUTS: Record<string, unknown> = {
  "account.get": undefined,
  "account.rename": { name: "Mallory" },
  "account.changePassword": { currentPassword: "guessed-password-1", newPassword: "violet-anchor-drifts-at-noon" },
  "account.listSessions": undefined,
  "account.listActivity": undefined,
  "account.revokeSession": { sessionId: "session-id" },
  "account.signOutEverywhere": undefined,
  "workspace.list": undefined,
  "workspace.create": { name: "Taken over", slug: `taken-${uniqueSuffix()}` },
  "invitation.accept": { token: "invitation-token" },
  "apiKey.whoami": undefined,
};
