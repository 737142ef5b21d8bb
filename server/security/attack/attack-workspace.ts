// The workspaces the attack suite aims at: one member of every role, a second owner, an owner-role API key, and one
// of each thing the API names by id (a published graph with a webhook node, a finished run with a recorded step, an
// installed signed plugin), all made through the real API and database.
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineAbilityFor, type TWorkspaceAbility } from "@/lib/auth/abilities";
import { ROLES, SCOPES, type TRole } from "@/lib/auth/access-rights";
import type { TApiKeyPrincipal } from "../../auth/principal";
import type { TSessionUser } from "../../auth/session-user";
import { db } from "../../db/client";
import { getPluginSourcesDir, setPluginStorageDir } from "../../plugins/plugin-storage";
import { createSignedFixture, packFixtureArchive } from "../../plugins/testing/plugin-fixtures";
import { setMasterKey } from "../../secrets/master-key";
import { authenticateApiKey } from "../../services/api-key/authenticate-api-key";
import { addMember, createTestUser, createWorkspaceWithMembers, signInAs } from "../../testing/factories";
import { createTestRun, createTestStep } from "../../testing/run-factories";
import { callerFor } from "../../testing/trpc-callers";
import { createPublishedGraph, createTriggerGraphSpec } from "../../triggers/testing/trigger-graphs";
import type { TCallerOptions } from "./procedure-catalog";

/** Who attacks: a signed-in member of each role, and an API key of the workspace (owner role, every scope). */
export const PRINCIPALS = [...ROLES, "apiKey"] as const;
export type TPrincipalName = (typeof PRINCIPALS)[number];

export type TAttackWorkspace = {
  id: string;
  name: string;
  members: Record<TRole, TSessionUser>;
  apiKey: TApiKeyPrincipal;
  /** The key itself (`ocs_...`), as a script sends it. */
  apiKeyToken: string;
  /** Published (version 1), with a webhook node `hook`. */
  graphId: string;
  /** Finished, with step 1 recorded. */
  runId: string;
  pluginKey: string;
};

let signedPlugin: Promise<{ archiveBase64: string; publicKey: string }> | undefined;

/** The plugin-sources folder holding the same signed plugin, for `plugin.installFromFolder`. */
export const PLUGIN_SOURCE_FOLDER = "attack-shout";

/**
 * What main.ts sets up at start, once per test file: a master key (secrets), a plugin storage folder of its own, and
 * one signed copy of the fixture plugin (also as a source folder).
 */
export function signedPluginArchive(): Promise<{ archiveBase64: string; publicKey: string }> {
  signedPlugin ??= (async () => {
    setMasterKey(randomBytes(32));
    setPluginStorageDir(path.join(mkdtempSync(path.join(tmpdir(), "studio-attack-")), "plugins"));
    const { dir, keys } = createSignedFixture("shout-plugin");
    cpSync(dir, path.join(getPluginSourcesDir(), PLUGIN_SOURCE_FOLDER), { recursive: true });
    return { archiveBase64: (await packFixtureArchive(dir)).toString("base64"), publicKey: keys.publicKey };
  })();
  return signedPlugin;
}

/** The signed fixture plugin's key in the workspace, installed as the owner first when it is not (or no longer) there. */
export async function installSignedPlugin(owner: TSessionUser, workspaceId: string): Promise<string> {
  const api = callerFor(owner);
  const installed = (await api.plugin.list({ workspaceId })).find((plugin) => plugin.pluginKey === "acme-shout");
  if (installed) return installed.pluginKey;
  const { archiveBase64, publicKey } = await signedPluginArchive();
  const trusted = await api.plugin.listTrustedKeys({ workspaceId });
  if (!trusted.some((key) => key.publicKey === publicKey)) await api.plugin.addTrustedKey({ workspaceId, publisher: "acme", publicKey });
  return (await api.plugin.install({ workspaceId, archiveBase64 })).pluginKey;
}

/**
 * `withResources: false` leaves out the graph, run and plugin (their ids are then empty): for calls that delete,
 * leave or hand over the workspace they name, each of which gets a workspace of its own.
 */
export async function createAttackWorkspace(options: { withResources?: boolean } = {}): Promise<TAttackWorkspace> {
  await signedPluginArchive();
  const { workspace, members } = await createWorkspaceWithMembers(ROLES);
  const coOwner = await createTestUser();
  await addMember(workspace.id, coOwner.id, "owner");
  const { name } = await db().workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { name: true } });
  const owner = callerFor(members.owner);
  const { key } = await owner.apiKey.create({ workspaceId: workspace.id, name: "attack", role: "owner" });
  const apiKey = (await authenticateApiKey(db(), { key }))!;
  const base = { id: workspace.id, name, members, apiKey, apiKeyToken: key, graphId: "", runId: "", pluginKey: "" };
  if (options.withResources === false) return base;

  const { graphId, version } = await createPublishedGraph(owner, workspace.id, createTriggerGraphSpec());
  const run = await createTestRun({ workspaceId: workspace.id, graphId }, { versionId: version.id });
  await createTestStep(run.id, { nodeId: "hook", input: { body: {} }, output: { out: { body: {} } } });
  const pluginKey = await installSignedPlugin(members.owner, workspace.id);
  return { ...base, graphId, runId: run.id, pluginKey };
}

/** A viewer added for a call to act on (change, remove, reset), signed in. */
export async function addViewer(workspace: TAttackWorkspace): Promise<string> {
  const user = await createTestUser();
  await addMember(workspace.id, user.id, "viewer");
  await signInAs(user);
  return user.id;
}

export function callerOptionsOf(workspace: TAttackWorkspace, principal: TPrincipalName): TCallerOptions {
  return principal === "apiKey" ? { user: null, apiKey: workspace.apiKey } : { user: workspace.members[principal] };
}

/** The policy's view of the principal (lib/auth/abilities.ts), from its attributes alone. */
export function abilityOfPrincipal(workspace: TAttackWorkspace, principal: TPrincipalName): TWorkspaceAbility {
  const isKey = principal === "apiKey";
  const role: TRole = isKey ? workspace.apiKey.role : principal;
  const userId = isKey ? workspace.apiKey.actorId : workspace.members[principal].id;
  return defineAbilityFor({ userId, role, apiKey: isKey ? { scopes: [...SCOPES], graphIds: [] } : null, allowUnsignedPlugins: false });
}
