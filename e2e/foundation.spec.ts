import { expect, test } from "@playwright/test";
import { ADMIN, apiSignIn, demoWorkspaceId, openDemoGraph } from "./support/auth";
import { dragNode, expectSaved, nodePosition } from "./support/canvas";
import { createMember } from "./support/studio-db";

test("the seeded admin signs in through the form, sees the demo graph and creates a graph", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();

  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/w\/demo$/);
  await expect(page.getByRole("link", { name: "Demo: answer a question" })).toBeVisible();

  await page.getByLabel("New graph name").fill("Refund assistant");
  await page.getByRole("button", { name: "New graph" }).click();
  await expect(page).toHaveURL(/\/w\/demo\/graphs\/\w+/);
  await expect(page.getByRole("heading", { name: "Refund assistant" })).toBeVisible();

  await page.getByRole("link", { name: "Graphs" }).click();
  await expect(page.getByRole("link", { name: "Refund assistant" })).toBeVisible();
});

test("a dragged node keeps its new position after a reload", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  await openDemoGraph(page);

  const before = await nodePosition(page, "question");
  await dragNode(page, "question", 140, 90);
  const moved = await nodePosition(page, "question");
  expect(moved.x).toBeGreaterThan(before.x + 50);
  await expectSaved(page);

  await page.reload();
  await expect(page.getByTestId("studio-node").first()).toBeVisible();
  const after = await nodePosition(page, "question");
  expect(Math.abs(after.x - moved.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(after.y - moved.y)).toBeLessThanOrEqual(1);
});

test("a viewer sees graphs but no create button, cannot move nodes, and the API refuses a create", async ({ page }) => {
  const viewer = await createMember("demo", "viewer");
  await apiSignIn(page.request, viewer);
  await page.goto("/w/demo");
  await expect(page.getByRole("link", { name: "Demo: answer a question" })).toBeVisible();
  await expect(page.getByText("viewer", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "New graph" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Rename" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);

  await openDemoGraph(page);
  await expect(page.getByText("read-only")).toBeVisible();
  const before = await nodePosition(page, "answer");
  await dragNode(page, "answer", 120, 80);
  expect(await nodePosition(page, "answer")).toEqual(before);

  const workspaceId = await demoWorkspaceId(page.request);
  const response = await page.request.post("/api/trpc/graph.create", { data: { workspaceId, name: "Sneaky" } });
  expect(response.status()).toBe(403);
  expect(((await response.json()) as { error: { data: { code: string } } }).error.data.code).toBe("FORBIDDEN");
});

test("a second tab receives graph.updated: a rename shows in the list, a move shows on the canvas", async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await apiSignIn(first.request, ADMIN);

  await first.goto("/w/demo");
  await second.goto("/w/demo");
  await expect(second.getByRole("link", { name: "Demo: answer a question" })).toBeVisible();

  const row = first.getByTestId("graph-row").filter({ hasText: "Demo: answer a question" });
  await row.getByRole("button", { name: "Rename" }).click();
  await first.getByLabel("Graph name", { exact: true }).fill("Demo: answer any question");
  await first.getByRole("button", { name: "Save" }).click();
  await expect(second.getByRole("link", { name: "Demo: answer any question" })).toBeVisible();

  await first.getByRole("link", { name: "Demo: answer any question" }).click();
  await second.getByRole("link", { name: "Demo: answer any question" }).click();
  await expect(second.getByTestId("studio-node").first()).toBeVisible();
  await expect(first.getByTestId("studio-node").first()).toBeVisible();

  const before = await nodePosition(second, "prompt");
  await dragNode(first, "prompt", 0, 160);
  await expectSaved(first);
  // The draft stores whole pixels; the dragging tab still shows the unrounded position.
  const moved = await nodePosition(first, "prompt");
  const saved = { x: Math.round(moved.x), y: Math.round(moved.y) };
  await expect.poll(() => nodePosition(second, "prompt")).toEqual(saved);
  expect(saved).not.toEqual(before);
});

test("presence shows who else has the graph open", async ({ page, browser }) => {
  await apiSignIn(page.request, ADMIN);
  await openDemoGraph(page);
  await expect(page.getByTestId("presence").locator("span")).toHaveCount(1);

  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await apiSignIn(viewerPage.request, await createMember("demo", "viewer"));
  await openDemoGraph(viewerPage);
  await expect(page.getByTestId("presence").locator("span")).toHaveCount(2);
  await viewerContext.close();
  await expect(page.getByTestId("presence").locator("span")).toHaveCount(1);
});
