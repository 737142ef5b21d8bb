import { expect, test, type Page } from "@playwright/test";
import { ADMIN, apiSignIn, demoWorkspaceId } from "./support/auth";
import { buildSpec, createGraph } from "./support/runs";

function node(page: Page, label: string) {
  return page.getByTestId("studio-node").filter({ hasText: label });
}

test("the URL carries the followed run: a reload mid-run shows it live again, and recent runs reopen an older one", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const spec = buildSpec(
    [
      { id: "in", type: "core/input", label: "Start" },
      { id: "wait", type: "core/delay", label: "Long wait", config: { ms: 5_000 } },
      { id: "out", type: "core/output", label: "Done" },
    ],
    ["in.out->wait.in", "wait.out->out.in"],
  );
  const graphId = await createGraph(page.request, workspaceId, "Reload mid-run", spec);
  await page.goto(`/w/demo/graphs/${graphId}`);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await page.getByRole("dialog", { name: "Run the draft" }).getByLabel("Run input JSON").fill('"first"');
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(node(page, "Long wait").getByTestId("node-run")).toHaveAttribute("data-status", "waiting");
  await expect(page).toHaveURL(/[?&]run=/);
  const firstRun = new URL(page.url()).searchParams.get("run");

  await page.reload();
  await expect(page.getByTestId("run-bar")).toBeVisible();
  await expect(page.getByTestId("run-bar-status")).toHaveText("succeeded", { timeout: 20_000 });
  await expect(node(page, "Done").getByTestId("node-run")).toHaveAttribute("data-status", "succeeded");

  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page).not.toHaveURL(/[?&]run=/);
  await page.getByRole("button", { name: "Recent runs" }).click();
  await page.getByRole("list", { name: "Recent runs" }).getByRole("button").first().click();
  await expect(page).toHaveURL(new RegExp(`run=${firstRun}`));
  await expect(page.getByTestId("run-bar-status")).toHaveText("succeeded");
});

test("publishing a draft with a problem asks first and lists the problem", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const spec = buildSpec([{ id: "in", type: "core/input", label: "Start" }, { id: "check", type: "core/branch", label: "Unfinished check" }], ["in.out->check.in"]);
  const graphId = await createGraph(page.request, workspaceId, "Publish with a problem", spec);
  await page.goto(`/w/demo/graphs/${graphId}`);
  await page.getByLabel("Version message").fill("first try");
  await page.getByRole("button", { name: "Publish version" }).click();
  const dialog = page.getByRole("dialog", { name: /Publish with 1 problem/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("publish-problems")).toContainText("Unfinished check");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("version-row")).toHaveCount(0);

  await page.getByRole("button", { name: "Publish version" }).click();
  await page.getByRole("dialog", { name: /Publish with 1 problem/ }).getByRole("button", { name: "Publish anyway" }).click();
  await expect(page.getByTestId("version-row")).toHaveCount(1);
});

test("palette search: the arrow keys move the highlight and Enter adds the highlighted node", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const graphId = await createGraph(page.request, workspaceId, "Palette keys", buildSpec([], []));
  await page.goto(`/w/demo/graphs/${graphId}`);
  const search = page.getByLabel("Search node types");
  await search.fill("delay");
  await expect(page.getByTestId("palette-core/delay")).toHaveAttribute("data-highlighted", "true");
  await search.press("Enter");
  await expect(page.getByTestId("studio-node")).toHaveCount(1);
  await expect(page.getByTestId("studio-node")).toContainText("Delay");
  await search.fill("o");
  await search.press("ArrowDown");
  // The second match is highlighted now, and only it.
  await expect(page.locator("[data-testid^=palette-][data-highlighted]")).toHaveCount(1);
  await expect(page.locator("[data-testid^=palette-]").first()).not.toHaveAttribute("data-highlighted", "true");
  await search.press("Enter");
  await expect(page.getByTestId("studio-node")).toHaveCount(2);
});
