import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN, apiSignIn, demoWorkspaceId } from "./support/auth";
import { buildSpec, trpcMutation, trpcQuery, waitForRunStatus } from "./support/runs";

/** webhook -> template -> output `greeting`; v2's template adds the body's note, so only deliveries with one change. */
function greetingSpec(template: string) {
  return buildSpec(
    [
      { id: "hook", type: "core/webhook", label: "Incoming" },
      { id: "greet", type: "core/template", label: "Greet", config: { template } },
      { id: "out", type: "core/output", label: "", config: { name: "greeting" } },
    ],
    ["hook.out->greet.in", "greet.out->out.in"],
  );
}

async function createGraphWithTwoVersions(request: APIRequestContext, workspaceId: string) {
  const graph = await trpcMutation<{ id: string; draftRevision: number }>(request, "graph.create", { workspaceId, name: `Blue green ${randomUUID().slice(0, 6)}`, spec: greetingSpec("Hello {{input.body.name}}") });
  const graphId = graph.id;
  await trpcMutation(request, "graph.publishVersion", { workspaceId, graphId, draftRevision: graph.draftRevision, message: "blue" });
  const saved = await trpcMutation<{ draftRevision: number }>(request, "graph.saveDraft", { workspaceId, graphId, spec: greetingSpec("Hello {{input.body.name}}{{input.body.note}}"), baseRevision: graph.draftRevision });
  await trpcMutation(request, "graph.publishVersion", { workspaceId, graphId, draftRevision: saved.draftRevision, message: "green" });
  const { url } = await trpcMutation<{ url: string }>(request, "trigger.createWebhookToken", { workspaceId, graphId, nodeId: "hook" });
  return { graphId, hookPath: new URL(url).pathname };
}

test("an admin deploys v2 idle, replays production through it, reads the diffs, switches, and rolls back", async ({ page }) => {
  test.setTimeout(120_000);
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const { graphId, hookPath } = await createGraphWithTwoVersions(page.request, workspaceId);
  await trpcMutation(page.request, "deployment.deploy", { workspaceId, graphId, environment: "production", version: 1 });
  const deliver = async (body: { name: string; note?: string }) => {
    const response = await page.request.post(hookPath, { data: body, headers: { "Idempotency-Key": `bg-${randomUUID()}` } });
    expect(response.status()).toBe(202);
    const { runId } = (await response.json()) as { runId: string };
    await waitForRunStatus(page.request, workspaceId, runId, ["succeeded"]);
    return runId;
  };
  for (const body of [{ name: "Ada" }, { name: "Bob", note: " (vip)" }, { name: "Cy" }]) await deliver(body);

  await page.goto(`/w/demo/graphs/${graphId}/deployments`);
  const production = page.getByTestId("lane-production");
  await expect(production.getByTestId("lane-stable")).toContainText("v1 “blue”");
  await production.getByLabel("Idle candidate").selectOption("2");
  await production.getByRole("button", { name: "Add as idle" }).click();
  await expect(production.getByTestId("lane-idle")).toHaveText("v2 idle: it takes no deliveries until the switch.");

  await production.getByLabel("Runs to replay").fill("3");
  await expect(production.getByLabel("allow live calls")).not.toBeChecked();
  await production.getByRole("button", { name: "Replay on v2" }).click();
  await expect(production.getByTestId("replay-summary")).toHaveText("Replay of v1 through v2 (recorded calls only): 1 of 3 changed", { timeout: 30_000 });
  const pairs = production.getByTestId("replay-pair");
  await expect(pairs).toHaveCount(3);
  // Newest production run first: Cy, Bob, Ada.
  await expect(pairs.nth(0)).toContainText("unchanged");
  await expect(pairs.nth(1)).toContainText("changed");
  await expect(pairs.nth(1)).not.toContainText("unchanged");
  await expect(pairs.nth(2)).toContainText("unchanged");

  await pairs.nth(1).getByRole("link", { name: /^Diff / }).click();
  await expect(page).toHaveURL(/\/w\/demo\/runs\/compare\?a=.+&b=.+/);
  const compare = page.getByTestId("run-compare");
  await expect(compare).toContainText("Hello Bob (vip)");
  await expect(compare).toContainText("Hello Bob");
  await page.goBack();

  await production.getByRole("button", { name: "Switch to v2" }).click();
  await expect(production.getByTestId("lane-stable")).toContainText("v2 “green”");
  await expect(production.getByTestId("lane-idle")).toHaveText("v1 on standby: switching back to it is the rollback.");
  const afterSwitch = await deliver({ name: "Dee", note: " (new)" });
  expect(await trpcQuery<{ output: unknown }>(page.request, "run.get", { workspaceId, runId: afterSwitch })).toMatchObject({ output: { greeting: "Hello Dee (new)" } });

  await production.getByRole("button", { name: "Roll back to the previous version" }).click();
  await expect(production.getByTestId("lane-stable")).toContainText("v1 “blue”");
  await expect(production.getByTestId("lane-idle")).toHaveText("v2 idle: it takes no deliveries until the switch.");
  const events = page.getByTestId("deployment-event");
  await expect(events.first()).toContainText("Switched back in production by");
  await expect(events.nth(1)).toContainText("Switched in production by");
  await expect(events.nth(1)).toContainText("every new delivery in production runs version 2 after 3 replayed runs, 1 changed");
  await expect(page.getByTestId("deployment-event").filter({ hasText: "Replayed in production" })).toContainText("3 runs of version 1 replayed through version 2: 1 changed, 2 unchanged");
  const afterRollback = await deliver({ name: "Eve", note: " (late)" });
  expect(await trpcQuery<{ output: unknown }>(page.request, "run.get", { workspaceId, runId: afterRollback })).toMatchObject({ output: { greeting: "Hello Eve" } });
});
