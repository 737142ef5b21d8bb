// What an auditor reads of each change: the record of a mutation made by a real member through the API says what it
// changed (before -> after: a role, a plugin's state, a secret's name and that its value changed, a webhook token's
// hint), a creation has nothing before and a deletion nothing after; every workspace mutation of the router notes
// both; and no secret value, API key, webhook token, invitation or reset link, or password ever reaches a record.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { createAttackWorkspace, type TAttackWorkspace } from "../security/attack/attack-workspace";
import { answerOf, callProcedure, listWorkspaceProcedures } from "../security/attack/procedure-catalog";
import { WORKSPACE_INPUTS } from "../security/attack/procedure-inputs";
import { addMember, createTestUser, signInAs, uniqueSuffix } from "../testing/factories";
import { callerFor } from "../testing/trpc-callers";
import { createPublishedGraph, createTriggerGraphSpec } from "../triggers/testing/trigger-graphs";
import { ACCOUNT_CHAIN } from "./record-audit-event";

type TExpectedChange = { before: unknown; after: unknown };

/** The newest record of `action` on a chain (optionally by one actor): its outcome and before/after. */
async function lastRecord(chain: string, action: string, actorId?: string) {
  const row = await db().auditEvent.findFirstOrThrow({
    where: { chain, action, ...(actorId ? { actorId } : {}) },
    orderBy: { seq: "desc" },
    select: { outcome: true, summary: true },
  });
  const summary = row.summary as Record<string, unknown>;
  return { outcome: row.outcome, before: summary.before, after: summary.after };
}

async function newViewer(workspaceId: string) {
  const user = await createTestUser();
  await addMember(workspaceId, user.id, "viewer");
  return signInAs(user);
}

const owner = (workspace: TAttackWorkspace) => callerFor(workspace.members.owner);
const ISO_DATE = expect.stringMatching(/^\d{4}-\d\d-\d\dT/);

/** Each makes one change as the workspace's owner (setting up what it needs first) and says what its record must show. */
const CHANGES: Record<string, (workspace: TAttackWorkspace) => Promise<TExpectedChange>> = {
  "member.changeRole": async (workspace) => {
    const viewer = await newViewer(workspace.id);
    await owner(workspace).member.changeRole({ workspaceId: workspace.id, userId: viewer.id, role: "operator" });
    return { before: { role: "viewer" }, after: { role: "operator" } };
  },
  "member.remove": async (workspace) => {
    const viewer = await newViewer(workspace.id);
    await owner(workspace).member.remove({ workspaceId: workspace.id, userId: viewer.id });
    return { before: { userId: viewer.id, email: viewer.email, role: "viewer" }, after: null };
  },
  "graph.rename": async (workspace) => {
    const graph = await owner(workspace).graph.create({ workspaceId: workspace.id, name: "Support bot" });
    await owner(workspace).graph.rename({ workspaceId: workspace.id, graphId: graph.id, name: "Support desk" });
    return { before: { name: "Support bot" }, after: { name: "Support desk" } };
  },
  "graph.addTag": async (workspace) => {
    const graph = await owner(workspace).graph.create({ workspaceId: workspace.id, name: "Tagged" });
    await owner(workspace).graph.addTag({ workspaceId: workspace.id, graphId: graph.id, tag: "support" });
    return { before: { tags: [] }, after: { tags: ["support"] } };
  },
  // Publishing turns on the graph's webhook and schedule triggers.
  "graph.publishVersion": async (workspace) => {
    const graph = await owner(workspace).graph.create({ workspaceId: workspace.id, name: "Hourly", spec: createTriggerGraphSpec({ cron: "0 * * * *" }) });
    await owner(workspace).graph.publishVersion({ workspaceId: workspace.id, graphId: graph.id, draftRevision: graph.draftRevision, message: "first" });
    return { before: { version: null, enabledTriggers: 0 }, after: { version: 1, message: "first", enabledTriggers: 2 } };
  },
  "graph.delete": async (workspace) => {
    const graph = await owner(workspace).graph.create({ workspaceId: workspace.id, name: "Doomed" });
    await owner(workspace).graph.delete({ workspaceId: workspace.id, graphId: graph.id });
    return { before: { name: "Doomed", tags: [], version: null }, after: null };
  },
  "secret.create": async (workspace) => {
    await owner(workspace).secret.create({ workspaceId: workspace.id, name: "OPENAI_KEY", value: "sk-first-value-0123" });
    await owner(workspace).secret.create({ workspaceId: workspace.id, name: "OPENAI_KEY", value: "sk-second-value-0123", overwrite: true });
    return { before: { name: "OPENAI_KEY" }, after: { name: "OPENAI_KEY", valueChanged: true } };
  },
  "secret.delete": async (workspace) => {
    await owner(workspace).secret.create({ workspaceId: workspace.id, name: "OLD_KEY", value: "sk-old-value-0123" });
    await owner(workspace).secret.delete({ workspaceId: workspace.id, name: "OLD_KEY" });
    return { before: { name: "OLD_KEY" }, after: null };
  },
  "plugin.setEnabled": async (workspace) => {
    await owner(workspace).plugin.setEnabled({ workspaceId: workspace.id, pluginKey: workspace.pluginKey, isEnabled: false });
    return { before: { isEnabled: true }, after: { isEnabled: false } };
  },
  "plugin.grant": async (workspace) => {
    await owner(workspace).plugin.grant({ workspaceId: workspace.id, pluginKey: workspace.pluginKey, grants: { egress: [], secrets: [] } });
    return { before: { egress: [], secretNames: [] }, after: { egress: [], secretNames: [] } };
  },
  "plugin.uninstall": async (workspace) => {
    await owner(workspace).plugin.uninstall({ workspaceId: workspace.id, pluginKey: workspace.pluginKey });
    const grants = { egress: [], secretNames: [] };
    return { before: { pluginKey: "acme-shout", version: "1.0.0", isSigned: true, isEnabled: true, grants }, after: null };
  },
  "plugin.setAllowUnsigned": async (workspace) => {
    await owner(workspace).plugin.setAllowUnsigned({ workspaceId: workspace.id, isAllowed: true });
    return { before: { allowUnsignedPlugins: false }, after: { allowUnsignedPlugins: true, disabledPlugins: [] } };
  },
  "trigger.createWebhookToken": async (workspace) => {
    const { graphId } = await createPublishedGraph(owner(workspace), workspace.id, createTriggerGraphSpec());
    const issued = await owner(workspace).trigger.createWebhookToken({ workspaceId: workspace.id, graphId, nodeId: "hook" });
    return { before: null, after: { nodeId: "hook", triggerId: issued.triggerId, tokenHint: issued.token.slice(-4) } };
  },
  "trigger.rotateWebhookToken": async (workspace) => {
    const { graphId } = await createPublishedGraph(owner(workspace), workspace.id, createTriggerGraphSpec());
    const issued = await owner(workspace).trigger.createWebhookToken({ workspaceId: workspace.id, graphId, nodeId: "hook" });
    const rotated = await owner(workspace).trigger.rotateWebhookToken({ workspaceId: workspace.id, graphId, nodeId: "hook" });
    return { before: { nodeId: "hook", tokenHint: issued.token.slice(-4) }, after: { nodeId: "hook", tokenHint: rotated.token.slice(-4) } };
  },
  "apiKey.create": async (workspace) => {
    const { apiKey } = await owner(workspace).apiKey.create({ workspaceId: workspace.id, name: "Nightly export", role: "viewer" });
    return {
      before: null,
      after: { id: apiKey.id, name: "Nightly export", prefix: apiKey.prefix, role: "viewer", scopes: apiKey.scopes, graphIds: [], expiresAt: null, environment: "production" },
    };
  },
  "apiKey.revoke": async (workspace) => {
    const { apiKey } = await owner(workspace).apiKey.create({ workspaceId: workspace.id, name: "Leaked", role: "viewer" });
    await owner(workspace).apiKey.revoke({ workspaceId: workspace.id, apiKeyId: apiKey.id });
    return { before: { name: "Leaked", prefix: apiKey.prefix, revokedAt: null }, after: { name: "Leaked", prefix: apiKey.prefix, revokedAt: ISO_DATE } };
  },
  "invitation.revoke": async (workspace) => {
    const email = `guest-${uniqueSuffix()}@example.test`;
    const { invitation } = await owner(workspace).invitation.create({ workspaceId: workspace.id, email, role: "editor" });
    await owner(workspace).invitation.revoke({ workspaceId: workspace.id, invitationId: invitation.id });
    return { before: { email, role: "editor", state: "pending" }, after: { email, role: "editor", state: "revoked" } };
  },
  "egress.add": async (workspace) => {
    const rule = await owner(workspace).egress.add({ workspaceId: workspace.id, host: "API.Example.COM." });
    return { before: null, after: { id: rule.id, host: "api.example.com" } };
  },
  "mcp.removeCommand": async (workspace) => {
    const command = await owner(workspace).mcp.addCommand({ workspaceId: workspace.id, name: "Files", command: "node", args: ["files.js", "--root", "/srv"] });
    await owner(workspace).mcp.removeCommand({ workspaceId: workspace.id, commandId: command.id });
    return { before: { name: "Files", command: "node", args: ["files.js", "--root", "/srv"] }, after: null };
  },
  "run.cancel": async (workspace) => {
    const run = await owner(workspace).run.start({ workspaceId: workspace.id, graphId: workspace.graphId, version: "latest", input: { body: {} } });
    await owner(workspace).run.cancel({ workspaceId: workspace.id, runId: run.id });
    return { before: { number: run.number, status: "queued", cancelRequested: false }, after: { number: run.number, status: "queued", cancelRequested: true } };
  },
  "workspace.rename": async (workspace) => {
    const { slug } = await db().workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { slug: true } });
    await owner(workspace).workspace.rename({ workspaceId: workspace.id, name: "Support team" });
    return { before: { name: workspace.name, slug }, after: { name: "Support team", slug } };
  },
};

describe("what each change's audit record says it changed", () => {
  it.each(Object.keys(CHANGES))("%s", async (action) => {
    const workspace = await createAttackWorkspace();
    const expected = await CHANGES[action]!(workspace);
    expect(await lastRecord(workspace.id, action)).toEqual({ outcome: "ok", ...expected });
  });

  it("hands ownership over: both members' roles, before and after", async () => {
    const workspace = await createAttackWorkspace({ withResources: false });
    const { owner: from, admin: to } = workspace.members;
    await owner(workspace).member.transferOwnership({ workspaceId: workspace.id, userId: to.id });
    expect(await lastRecord(workspace.id, "member.transferOwnership")).toEqual({
      outcome: "ok",
      before: { newOwner: { userId: to.id, email: to.email, role: "admin" }, previousOwner: { userId: from.id, email: from.email, role: "owner" } },
      after: { newOwner: { userId: to.id, email: to.email, role: "owner" }, previousOwner: { userId: from.id, email: from.email, role: "admin" } },
    });
  });

  it("records a deleted workspace, and a renamed account, on the account chain", async () => {
    const workspace = await createAttackWorkspace({ withResources: false });
    const { slug } = await db().workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { slug: true } });
    await owner(workspace).workspace.delete({ workspaceId: workspace.id, confirmName: workspace.name });
    const actorId = workspace.members.owner.id;
    expect(await lastRecord(ACCOUNT_CHAIN, "workspace.delete", actorId)).toEqual({ outcome: "ok", before: { name: workspace.name, slug }, after: null });

    await owner(workspace).account.rename({ name: "Ada Lovelace" });
    expect(await lastRecord(ACCOUNT_CHAIN, "account.rename", actorId)).toEqual({ outcome: "ok", before: { name: workspace.members.owner.name }, after: { name: "Ada Lovelace" } });
  });

  it("notes nothing for a refused change", async () => {
    const workspace = await createAttackWorkspace({ withResources: false });
    const viewer = await newViewer(workspace.id);
    await answerOf(() => callerFor(workspace.members.editor).member.changeRole({ workspaceId: workspace.id, userId: viewer.id, role: "admin" }));
    expect(await lastRecord(workspace.id, "member.changeRole")).toEqual({ outcome: "FORBIDDEN", before: undefined, after: undefined });
  });
});

describe("every workspace mutation of the router", () => {
  it("notes a before and an after when it succeeds", { timeout: 240_000 }, async () => {
    const shared = await createAttackWorkspace();
    const missing: string[] = [];
    for (const { path } of listWorkspaceProcedures().filter((entry) => entry.type === "mutation")) {
      const plan = WORKSPACE_INPUTS[path]!;
      const workspace = plan.needsOwnWorkspace ? await createAttackWorkspace({ withResources: false }) : shared;
      const input = await plan.build(workspace);
      const answer = await answerOf(() => callProcedure({ user: workspace.members.owner }, path, input));
      if (!answer.ok) {
        expect({ path, code: answer.code, message: answer.message }).toEqual({ path, ...plan.allowedRefusal });
        continue;
      }
      const chain = path === "workspace.delete" ? ACCOUNT_CHAIN : workspace.id;
      const record = await lastRecord(chain, path, workspace.members.owner.id);
      if (record.before === undefined || record.after === undefined) missing.push(path);
    }
    expect(missing).toEqual([]);
  });
});

describe("credentials in the audit log", () => {
  it("never holds a secret value, an API key, a webhook token, a link's token or a password, in any record", async () => {
    const workspace = await createAttackWorkspace();
    const api = owner(workspace);
    const workspaceId = workspace.id;
    const secretValue = `sk-canary-${randomUUID()}`;
    const replacedValue = `sk-canary-${randomUUID()}`;
    await api.secret.create({ workspaceId, name: "CANARY_KEY", value: secretValue });
    await api.secret.create({ workspaceId, name: "CANARY_KEY", value: replacedValue, overwrite: true });
    const { key } = await api.apiKey.create({ workspaceId, name: "Canary", role: "editor" });
    const { graphId } = await createPublishedGraph(api, workspaceId, createTriggerGraphSpec());
    const issued = await api.trigger.createWebhookToken({ workspaceId, graphId, nodeId: "hook" });
    const rotated = await api.trigger.rotateWebhookToken({ workspaceId, graphId, nodeId: "hook" });
    const invitation = await api.invitation.create({ workspaceId, email: `canary-${uniqueSuffix()}@example.test`, role: "viewer" });
    const viewer = await newViewer(workspaceId);
    const reset = await api.passwordReset.issue({ workspaceId, userId: viewer.id });
    const resetToken = reset.link.split("/").pop()!;
    const newPassword = `canary-password-${randomUUID()}`;
    await callerFor(null).passwordReset.complete({ token: resetToken, password: newPassword });

    const canaries = { secretValue, replacedValue, apiKey: key, webhookToken: issued.token, rotatedToken: rotated.token, invitationToken: invitation.link.split("/").pop()!, resetToken, newPassword };
    const records = JSON.stringify(await db().auditEvent.findMany());
    expect(records).toContain("CANARY_KEY");
    expect(records).toContain(rotated.token.slice(-4));
    const found = Object.entries(canaries).filter(([, canary]) => records.includes(canary));
    expect(found.map(([name]) => name)).toEqual([]);
  });
});
