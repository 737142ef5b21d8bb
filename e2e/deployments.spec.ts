import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Locator } from "@playwright/test";
import { ADMIN, apiSignIn, demoWorkspaceId } from "./support/auth";
import { trpcMutation, trpcQuery } from "./support/runs";
import { createMember } from "./support/studio-db";

/** webhook -> output named `outputName`: two versions that differ in what they answer, both succeeding. */
function webhookSpec(outputName: string) {
  return {
    format: "openclaw.graph/v1",
    nodes: [
      { id: "hook", type: "core/webhook", typeVersion: 1, label: "Incoming", position: { x: 0, y: 0 }, config: {} },
      { id: "out", type: "core/output", typeVersion: 1, label: "", position: { x: 240, y: 0 }, config: { name: outputName } },
    ],
    edges: [{ id: "e0", source: { node: "hook", port: "out" }, target: { node: "out", port: "in" } }],
    settings: {},
  };
}

async function createWebhookGraphWithTwoVersions(request: APIRequestContext, workspaceId: string) {
  const graph = await trpcMutation<{ id: string; draftRevision: number }>(request, "graph.create", { workspaceId, name: `Canary ${randomUUID().slice(0, 6)}`, spec: webhookSpec("v1") });
  const graphId = graph.id;
  await trpcMutation(request, "graph.publishVersion", { workspaceId, graphId, draftRevision: graph.draftRevision, message: "first" });
  const saved = await trpcMutation<{ draftRevision: number }>(request, "graph.saveDraft", { workspaceId, graphId, spec: webhookSpec("v2"), baseRevision: graph.draftRevision });
  await trpcMutation(request, "graph.publishVersion", { workspaceId, graphId, draftRevision: saved.draftRevision, message: "second" });
  const { url } = await trpcMutation<{ url: string }>(request, "trigger.createWebhookToken", { workspaceId, graphId, nodeId: "hook" });
  return { graphId, hookPath: new URL(url).pathname };
}

/** The numbers of one row of the comparison table: [stable, candidate]. */
async function rowOf(table: Locator, label: string): Promise<string[]> {
  return table.getByRole("row").filter({ has: table.page().getByRole("rowheader", { name: label }) }).getByRole("cell").allTextContents();
}

test("an admin deploys v1, runs v2 as a 50 % canary of a webhook graph, watches the comparison fill in, and rolls back with one click", async ({ page }) => {
  // 20 real runs on a busy CI machine, besides the page.
  test.setTimeout(120_000);
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const { graphId, hookPath } = await createWebhookGraphWithTwoVersions(page.request, workspaceId);

  await page.goto(`/w/demo/graphs/${graphId}`);
  await page.getByRole("link", { name: "Deployments" }).click();
  await expect(page).toHaveURL(`/w/demo/graphs/${graphId}/deployments`);
  const production = page.getByTestId("lane-production");
  await expect(production).toContainText("Nothing deployed: its triggers run the latest published version");

  await production.getByLabel("Version").selectOption("1");
  await production.getByRole("button", { name: "Deploy" }).click();
  await expect(production.getByTestId("lane-stable")).toContainText("v1 “first” since just now by");

  await production.getByLabel("Version").selectOption("2");
  await production.getByLabel("as canary").check();
  await production.getByLabel("Share %").fill("50");
  await production.getByLabel("Min runs").fill("1000");
  await production.getByRole("button", { name: "Start canary" }).click();
  await expect(production.getByTestId("lane-candidate")).toContainText("Canary v2 takes 50 % of the deliveries");

  // The chart starts empty and fills in as the deliveries finish.
  const chart = production.getByTestId("canary-chart");
  await expect(chart).toHaveAttribute("data-candidate-runs", "0");
  await expect(chart).toHaveAttribute("data-stable-runs", "0");

  const deliveries = 20;
  for (let index = 0; index < deliveries; index++) {
    const response = await page.request.post(hookPath, { data: { index }, headers: { "Idempotency-Key": `e2e-${graphId}-${index}` } });
    expect(response.status()).toBe(202);
  }

  const table = production.getByRole("table", { name: "Comparison" });
  await expect.poll(async () => (await rowOf(table, "Runs")).reduce((sum, cell) => sum + Number(cell), 0), { timeout: 30_000 }).toBe(deliveries);
  const runs = (await rowOf(table, "Runs")).map(Number);
  expect(runs.every((count) => count > 0)).toBe(true);
  expect(await rowOf(table, "Success rate")).toEqual(["100.0 %", "100.0 %"]);
  await expect(chart).toHaveAttribute("data-stable-runs", String(runs[0]));
  await expect(chart).toHaveAttribute("data-candidate-runs", String(runs[1]));
  const barRuns = async (arm: string) => (await chart.locator(`rect[data-arm="${arm}"]`).evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute("data-runs"))))).reduce((sum, count) => sum + count, 0);
  expect([await barRuns("stable"), await barRuns("candidate")]).toEqual(runs);
  // Success rate and p95 of the candidate: a point in each panel for every bucket with finished runs.
  await expect(chart.locator('g[data-arm="candidate"]').getByTestId("chart-point").first()).toBeVisible();
  await expect(production.getByTestId("canary-verdict")).toContainText(`${runs[1]} of 1000 candidate runs finished`);
  // What the table counts is what ran: the candidate's runs answered with v2's output.
  const listed = await trpcQuery<{ items: { versionNumber: number | null }[] }>(page.request, "run.list", { workspaceId, graphId, limit: 50 });
  expect(listed.items.filter((run) => run.versionNumber === 2)).toHaveLength(runs[1]!);

  await production.getByRole("button", { name: "Roll back v2" }).click();
  await expect(production.getByTestId("lane-candidate")).toHaveCount(0);
  await expect(production.getByTestId("lane-stable")).toContainText("v1");
  await expect(page.getByTestId("deployment-event").first()).toContainText("Rolled back in production by");
  await expect(page.getByTestId("deployment-event").first()).toContainText("version 2 rolled back by hand");
});

test("an editor deploys to staging, and finds production refused on the page and by the API", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const { graphId } = await createWebhookGraphWithTwoVersions(page.request, workspaceId);
  await apiSignIn(page.request, await createMember("demo", "editor"));

  await page.goto(`/w/demo/graphs/${graphId}/deployments`);
  const production = page.getByTestId("lane-production");
  await expect(production.getByText("admin deploys")).toBeVisible();
  await expect(production.getByRole("button", { name: "Deploy" })).toBeDisabled();
  const staging = page.getByTestId("lane-staging");
  await staging.getByLabel("Version").selectOption("2");
  await staging.getByRole("button", { name: "Deploy" }).click();
  await expect(staging.getByTestId("lane-stable")).toContainText("v2 “second” since just now by editor");

  // Taking the webhook away from production changes what production runs: refused, with the reason beside the button.
  await staging.getByLabel("Trigger").selectOption({ label: "webhook (hook) from production" });
  await staging.getByRole("button", { name: "Move here" }).click();
  await expect(staging.getByRole("alert")).toHaveText("Deploying to production needs the admin role or above (yours: editor)");

  const refused = await page.request.post("/api/trpc/deployment.deploy", { data: { workspaceId, graphId, environment: "production", version: 1 } });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain("Deploying to production needs the admin role or above (yours: editor)");
});

test("an admin makes an environment need four eyes in Settings; a deploy there waits until a second admin approves it", async ({ page }) => {
  test.setTimeout(90_000);
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const { graphId } = await createWebhookGraphWithTwoVersions(page.request, workspaceId);
  const environment = `qa-${randomUUID().slice(0, 6)}`;

  await page.goto("/w/demo/settings");
  const section = page.getByRole("region", { name: "Environments" });
  await section.getByLabel("Environment name").fill(environment);
  await section.getByRole("button", { name: "Add environment" }).click();
  const row = section.getByTestId(`environment-${environment}`);
  await row.getByLabel(`Who deploys to ${environment}`).selectOption("admin");
  await expect(row.getByLabel(`Who deploys to ${environment}`)).toHaveValue("admin");
  // The box shows what the server holds: checked once the change is saved.
  await row.getByLabel("needs a second person").click();
  await expect(row.getByLabel("needs a second person")).toBeChecked();

  await page.goto(`/w/demo/graphs/${graphId}/deployments`);
  const lane = page.getByTestId(`lane-${environment}`);
  await expect(lane.getByText("four eyes")).toBeVisible();
  await lane.getByLabel("Version").selectOption("1");
  await lane.getByRole("button", { name: "Deploy" }).click();
  await expect(lane.getByText("Waiting for a second person's approval.")).toBeVisible();
  const request = page.getByTestId("deployment-request");
  await expect(request).toContainText(`asks to deploy v1 in ${environment}`);
  await expect(request.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(request.getByRole("button", { name: "Withdraw" })).toBeVisible();
  await expect(lane).toContainText("Nothing deployed");

  await apiSignIn(page.request, await createMember("demo", "admin"));
  await page.reload();
  await page.getByTestId("deployment-request").getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("deployment-request")).toHaveCount(0);
  await expect(lane.getByTestId("lane-stable")).toContainText("v1 “first” since just now");
  await expect(page.getByTestId("deployment-event").first()).toContainText(`Approved in ${environment}`);
});
