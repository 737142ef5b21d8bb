import { expect, test } from "@playwright/test";
import { ADMIN, apiSignIn, demoWorkspaceId } from "./support/auth";
import { buildSpec, createGraph, startRun, waitForRunStatus } from "./support/runs";

const quickSpec = buildSpec([{ id: "in", type: "core/input", label: "In" }, { id: "out", type: "core/output", label: "Out" }], ["in.out->out.in"]);

test("the graph list searches by name and a history row opens its run from anywhere on the row", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const graphId = await createGraph(page.request, workspaceId, "Zebra search target", quickSpec);
  const runId = await startRun(page.request, workspaceId, graphId, { n: 1 });
  await waitForRunStatus(page.request, workspaceId, runId, ["succeeded"]);

  await page.goto("/w/demo");
  await page.getByLabel("Search graphs").fill("zebra TARGET");
  await expect(page.getByTestId("graph-row")).toHaveCount(1);
  await expect(page.getByTestId("graph-row")).toContainText("Zebra search target");
  await page.getByLabel("Search graphs").fill("no graph has this name");
  await expect(page.getByText("No graph name matches")).toBeVisible();

  await page.goto("/w/demo/runs");
  await page.locator(`[data-testid=run-row][data-run-id="${runId}"] td`).nth(2).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
  await expect(page.getByTestId("run-page")).toHaveAttribute("data-run-status", "succeeded");
});
