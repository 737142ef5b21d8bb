// Admins edit a workspace's environments: create, rename, who deploys there, delete once nothing uses it.
import { describe, expect, it } from "vitest";
import { createWorkspaceWithMembers } from "../testing/factories";
import { callerFor, rejectionOf } from "../testing/trpc-callers";
import { createPublishedGraph, createTriggerGraphSpec } from "../triggers/testing/trigger-graphs";

async function setUp() {
  const { workspace, members } = await createWorkspaceWithMembers(["owner", "admin", "editor"]);
  const workspaceId = workspace.id;
  const admin = callerFor(members.admin);
  const { graphId } = await createPublishedGraph(admin, workspaceId, createTriggerGraphSpec());
  return { workspaceId, graphId, admin, owner: callerFor(members.owner), editor: callerFor(members.editor) };
}

const names = (lanes: { environment: string }[]) => lanes.map((lane) => lane.environment);

describe("editing environments", () => {
  it("creates a lane, renames it, reserves it for admins, and deletes it once its deployment and trigger are gone", { timeout: 30_000 }, async () => {
    const { workspaceId, graphId, admin, editor } = await setUp();
    await admin.environment.create({ workspaceId, name: "QA" });
    expect(names(await editor.deployment.lanes({ workspaceId, graphId }))).toEqual(["development", "staging", "production", "qa"]);
    await admin.environment.update({ workspaceId, environment: "qa", name: "qa-eu" });
    await editor.deployment.deploy({ workspaceId, graphId, environment: "qa-eu", version: 1 });
    await admin.deployment.moveTrigger({ workspaceId, graphId, nodeId: "hook", kind: "webhook", environment: "qa-eu" });

    await admin.environment.update({ workspaceId, environment: "qa-eu", deployRole: "admin" });
    const refused = await rejectionOf(editor.deployment.rollback({ workspaceId, graphId, environment: "qa-eu" }));
    expect([refused.code, refused.message]).toEqual(["FORBIDDEN", "Deploying to qa-eu needs the admin role or above (yours: editor)"]);
    expect((await editor.deployment.listEnvironments({ workspaceId })).find((environment) => environment.name === "qa-eu")).toMatchObject({ deployRole: "admin", canDeploy: false, requiresApproval: false });

    const inUse = await rejectionOf(admin.environment.delete({ workspaceId, environment: "qa-eu" }));
    expect([inUse.code, inUse.message]).toEqual(["CONFLICT", "qa-eu is still in use by the deployment of “Triggered” (v1), the webhook trigger hook of “Triggered”: move or remove them first"]);
    await admin.deployment.moveTrigger({ workspaceId, graphId, nodeId: "hook", kind: "webhook", environment: "production" });
    const stillDeployed = await rejectionOf(admin.environment.delete({ workspaceId, environment: "qa-eu" }));
    expect(stillDeployed.message).toBe("qa-eu is still in use by the deployment of “Triggered” (v1): move or remove them first");
    // A deleted graph's deployment no longer holds the environment (it goes with it).
    await admin.graph.delete({ workspaceId, graphId });
    await expect(admin.environment.delete({ workspaceId, environment: "qa-eu" })).resolves.toEqual({ name: "qa-eu" });
    expect((await editor.deployment.listEnvironments({ workspaceId })).map((environment) => environment.name)).toEqual(["development", "staging", "production"]);
  });

  it("keeps production's name, refuses duplicates and bad names, and lets no one reserve deploys above their own role", async () => {
    const { workspaceId, admin, owner, editor } = await setUp();
    const attempts = [
      admin.environment.update({ workspaceId, environment: "production", name: "prod" }),
      admin.environment.delete({ workspaceId, environment: "production" }),
      admin.environment.create({ workspaceId, name: "staging" }),
      admin.environment.update({ workspaceId, environment: "staging", deployRole: "owner" }),
      admin.environment.create({ workspaceId, name: "9lives" }),
      editor.environment.create({ workspaceId, name: "sandbox" }),
    ];
    const answers = await Promise.all(attempts.map(async (attempt) => rejectionOf(attempt).then((error) => `${error.code}: ${error.message}`)));
    expect(answers.slice(0, 4)).toEqual([
      "BAD_REQUEST: production cannot be renamed: new triggers and API keys join it by that name",
      "BAD_REQUEST: production cannot be deleted: new triggers and API keys join it",
      "CONFLICT: An environment named staging already exists",
      "FORBIDDEN: Deploys cannot be reserved for a role above your own (admin)",
    ]);
    expect(answers[4]).toContain("BAD_REQUEST");
    expect(answers[5]).toMatch(/^FORBIDDEN/);

    // An owner may reserve an environment for owners; an admin then cannot change or delete it.
    await owner.environment.update({ workspaceId, environment: "staging", deployRole: "owner" });
    const locked = await rejectionOf(admin.environment.update({ workspaceId, environment: "staging", requiresApproval: true }));
    expect([locked.code, locked.message]).toEqual(["FORBIDDEN", "staging is reserved for the owner role: only they change it"]);
    expect((await rejectionOf(admin.environment.delete({ workspaceId, environment: "staging" }))).code).toBe("FORBIDDEN");
  });

  it("puts an API key's runs into the environment chosen for it", async () => {
    const { workspaceId, admin } = await setUp();
    const { apiKey } = await admin.apiKey.create({ workspaceId, name: "staging runner", role: "operator", environment: "staging" });
    const { apiKey: unplaced } = await admin.apiKey.create({ workspaceId, name: "default runner", role: "operator" });
    expect([apiKey.environment, unplaced.environment]).toEqual(["staging", "production"]);
    const listed = await admin.apiKey.list({ workspaceId });
    expect(listed.map((key) => [key.name, key.environment]).sort()).toEqual([["default runner", "production"], ["staging runner", "staging"]]);
    const unknown = await rejectionOf(admin.apiKey.create({ workspaceId, name: "lost", role: "viewer", environment: "moon" }));
    expect([unknown.code, unknown.message]).toEqual(["NOT_FOUND", 'Environment "moon" not found']);
  });
});
