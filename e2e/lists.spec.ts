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
  await expect(page.getByText("No graph has a name matching")).toBeVisible();

  await page.goto("/w/demo/runs");
  await page.locator(`[data-testid=run-row][data-run-id="${runId}"] td`).nth(2).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
  await expect(page.getByTestId("run-page")).toHaveAttribute("data-run-status", "succeeded");
});

test("a tagged graph is found by its tag, together with the name search", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  await createGraph(page.request, workspaceId, "Tagged lists graph", quickSpec);
  await createGraph(page.request, workspaceId, "Untagged lists graph", quickSpec);
  const rowOf = (name: string) => page.getByTestId("graph-row").filter({ hasText: name });

  await page.goto("/w/demo");
  await rowOf("Tagged lists graph").getByRole("button", { name: "Add a tag to Tagged lists graph" }).click();
  await page.getByLabel("New tag for Tagged lists graph").fill("two words");
  await page.keyboard.press("Enter");
  await expect(rowOf("Tagged lists graph").getByRole("alert")).toHaveText("A tag is one word: letters, digits, - and _, starting with a letter or digit");
  await page.getByLabel("New tag for Tagged lists graph").fill("Lists-E2E");
  await page.keyboard.press("Enter");
  await expect(rowOf("Tagged lists graph").getByTestId("graph-tag")).toHaveText(["lists-e2e"]);

  // The other graph's tag field suggests the workspace's tags.
  await rowOf("Untagged lists graph").getByRole("button", { name: "Add a tag to Untagged lists graph" }).click();
  const suggestions = await page.getByLabel("New tag for Untagged lists graph").evaluate((input: HTMLInputElement) => [...(input.list?.options ?? [])].map((option) => option.value));
  expect(suggestions).toContain("lists-e2e");
  await page.getByRole("button", { name: "Cancel" }).click();

  await page.getByLabel("Filter by tag").selectOption("lists-e2e");
  await expect(page).toHaveURL(/\/w\/demo\?tag=lists-e2e$/);
  await expect(page.getByTestId("graph-row")).toHaveCount(1);
  await expect(page.getByTestId("graph-row")).toContainText("Tagged lists graph");
  await page.getByLabel("Search graphs").fill("untagged");
  await expect(page.getByText("No graph tagged lists-e2e has a name matching “untagged”.")).toBeVisible();
  await page.getByLabel("Search graphs").fill("lists");
  await expect(page.getByTestId("graph-row")).toHaveCount(1);

  await page.getByRole("link", { name: "Stop filtering by lists-e2e" }).click();
  await expect(page.getByTestId("graph-row")).toHaveCount(2);
  await rowOf("Tagged lists graph").getByRole("button", { name: "Remove tag lists-e2e" }).click();
  await expect(rowOf("Tagged lists graph").getByTestId("graph-tag")).toHaveCount(0);
});

test("runs are numbered per graph on the history and the run page, and the compare picker finds one by number or status", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const graphId = await createGraph(page.request, workspaceId, "Numbered runs graph", quickSpec);
  const first = await startRun(page.request, workspaceId, graphId, { n: 1 });
  await waitForRunStatus(page.request, workspaceId, first, ["succeeded"]);
  const second = await startRun(page.request, workspaceId, graphId, { n: 2 });
  await waitForRunStatus(page.request, workspaceId, second, ["succeeded"]);
  const third = await startRun(page.request, workspaceId, graphId, { n: 3 });
  await waitForRunStatus(page.request, workspaceId, third, ["succeeded"]);

  await page.goto(`/w/demo/runs?graph=${graphId}`);
  const rows = page.getByTestId("run-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.getByRole("link")).toHaveText(["#3", "#2", "#1"]);
  await page.getByRole("link", { name: "Open run #2 of Numbered runs graph" }).click();

  await expect(page).toHaveURL(new RegExp(`/runs/${second}$`));
  await expect(page.getByTestId("run-title")).toHaveText("Numbered runs graph #2");
  await expect(page).toHaveTitle("Numbered runs graph #2 · OpenClaw Studio");
  await expect(page.getByText(second)).toHaveCount(0);

  await page.getByRole("button", { name: "Compare with…" }).click();
  const dialog = page.getByRole("dialog", { name: "Compare #2 with another run" });
  await expect(dialog.getByTestId("compare-choice")).toHaveCount(2);
  await dialog.getByLabel("Search runs").fill("failed");
  await expect(dialog.getByText("No other run of this graph matches.")).toBeVisible();
  await dialog.getByLabel("Search runs").fill("#1");
  await expect(dialog.getByTestId("compare-choice")).toHaveCount(1);
  await expect(dialog.getByTestId("compare-choice")).toContainText("#1");
  await expect(dialog.getByTestId("compare-choice")).toContainText("succeeded");
  await dialog.getByLabel("Search runs").press("Enter");

  await expect(page).toHaveURL(new RegExp(`/runs/compare\\?a=${first}&b=${second}$`));
  await expect(page.getByTestId("compare-run-A")).toContainText("Numbered runs graph #1");
  await expect(page.getByTestId("compare-run-B")).toContainText("Numbered runs graph #2");
});
