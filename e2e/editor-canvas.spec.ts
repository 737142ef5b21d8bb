import { expect, test, type Locator, type Page } from "@playwright/test";
import { ADMIN, apiSignIn } from "./support/auth";
import { expectSaved, nodePosition } from "./support/canvas";

async function newGraph(page: Page, name: string): Promise<void> {
  await apiSignIn(page.request, ADMIN);
  await page.goto("/w/demo");
  await page.getByLabel("New graph name").fill(name);
  await page.getByRole("button", { name: "New graph" }).click();
  await expect(page.getByTestId("problems-panel")).toBeVisible();
}

function port(page: Page, nodeId: string, portTestId: string): Locator {
  return page.locator(`.react-flow__node[data-id="${nodeId}"] [data-testid="${portTestId}"]`);
}

async function centerOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not visible");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * The edge is drawn: a line, not a dot. (Not toBeVisible: a straight, level edge between ports at the same height
 * has a box 0 px high, which Playwright counts as hidden.)
 */
async function expectEdgeDrawn(page: Page, edgeId: string): Promise<void> {
  const line = page.locator(`.react-flow__edge[data-id="${edgeId}"] .react-flow__edge-path`);
  await expect.poll(() => line.evaluate((path) => (path as SVGPathElement).getTotalLength())).toBeGreaterThan(10);
}

/** Presses on `from` and moves the mouse onto `to` in small steps, the way a hand draws a connection; no release. */
async function dragOnto(page: Page, from: Locator, to: Locator): Promise<void> {
  const start = await centerOf(from);
  const end = await centerOf(to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 8 });
  await page.mouse.move(end.x, end.y, { steps: 8 });
}

test("draws a connection between compatible ports with the mouse, and refuses an incompatible one with its reason", async ({ page }) => {
  await newGraph(page, "Connections");
  await page.getByTestId("palette-core/input").click();
  await page.getByTestId("palette-core/template").click();
  await page.getByTestId("palette-core/agent").click();
  await expect(page.getByTestId("studio-node")).toHaveCount(3);
  await expectSaved(page);

  await dragOnto(page, port(page, "input", "port-out-out"), port(page, "template", "port-in-in"));
  await page.mouse.up();
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);
  await expectEdgeDrawn(page, "input-template");

  await dragOnto(page, port(page, "input", "port-out-out"), port(page, "agent", "port-in-model"));
  await expect(page.getByRole("status").filter({ hasText: "Cannot connect" })).toContainText('"Input" out is a data port; "Agent" model takes model');
  await page.mouse.up();
  await expect(page.getByRole("status").filter({ hasText: "Cannot connect" })).toHaveCount(0);
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);

  await expectSaved(page);
  await page.reload();
  await expectEdgeDrawn(page, "input-template");
});

test("groups two nodes into a frame that moves them together, undoes and redoes it, renames and resizes it, and keeps it after a reload", async ({ page }) => {
  await newGraph(page, "Groups");
  await page.getByTestId("palette-core/template").click();
  await page.getByTestId("palette-core/transform").click();
  await page.getByTestId("palette-core/output").click();
  await expect(page.getByTestId("studio-node")).toHaveCount(3);
  await page.locator('.react-flow__node[data-id="template"]').click();
  await page.locator('.react-flow__node[data-id="transform"]').click({ modifiers: ["ControlOrMeta"] });
  await page.keyboard.press("ControlOrMeta+g");
  await expect(page.getByTestId("group-frame")).toHaveCount(1);
  await expect(page.getByTestId("group-frame")).toContainText("Group");

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("group-frame")).toHaveCount(0);
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(page.getByTestId("group-frame")).toHaveCount(1);
  await expectSaved(page);

  await page.getByTestId("group-frame").click({ position: { x: 12, y: 8 } });
  await page.getByTestId("inspector").getByLabel("Label").fill("Intake");
  await page.getByTestId("inspector").getByLabel("Label").blur();
  await expect(page.getByTestId("group-frame")).toContainText("Intake");
  const narrow = (await page.getByTestId("group-frame").boundingBox())!.width;
  const width = Number(await page.getByTestId("inspector").getByLabel("width").inputValue());
  await page.getByTestId("inspector").getByLabel("width").fill(String(width + 200));
  await page.getByTestId("inspector").getByLabel("width").blur();
  await expect.poll(async () => (await page.getByTestId("group-frame").boundingBox())!.width).toBeGreaterThan(narrow + 100);
  await expectSaved(page);

  const before = { template: await nodePosition(page, "template"), transform: await nodePosition(page, "transform"), output: await nodePosition(page, "output") };
  await dragFrame(page, 120, 80);
  await expectSaved(page);
  const after = { template: await nodePosition(page, "template"), transform: await nodePosition(page, "transform"), output: await nodePosition(page, "output") };
  const moved = (id: keyof typeof before) => ({ x: after[id].x - before[id].x, y: after[id].y - before[id].y });
  expect(moved("template").x).toBeGreaterThan(20);
  expect(moved("template").y).toBeGreaterThan(20);
  expect(moved("transform")).toEqual(moved("template"));
  expect(moved("output")).toEqual({ x: 0, y: 0 });

  await page.reload();
  await expect(page.getByTestId("group-frame")).toHaveCount(1);
  await expect(page.getByTestId("group-frame")).toContainText("Intake");
  const reloaded = await nodePosition(page, "template");
  // The spec stores whole pixels.
  expect({ x: Math.round(reloaded.x), y: Math.round(reloaded.y) }).toEqual({ x: Math.round(after.template.x), y: Math.round(after.template.y) });
  // Palette clicks put the nodes at the top left of the view, so the reloaded frame starts at the canvas's left edge.
  await dragFrame(page, 60, 40);
  const again = { template: await nodePosition(page, "template"), transform: await nodePosition(page, "transform") };
  expect(again.template.x).toBeGreaterThan(reloaded.x + 20);
  const offset = (positions: typeof again) => ({ x: Math.round(positions.transform.x - positions.template.x), y: Math.round(positions.transform.y - positions.template.y) });
  expect(offset(again)).toEqual(offset(after));

  await page.getByTestId("group-frame").click({ position: { x: 12, y: 8 } });
  await page.keyboard.press("ControlOrMeta+Shift+g");
  await expect(page.getByTestId("group-frame")).toHaveCount(0);
  await expect(page.getByTestId("studio-node")).toHaveCount(3);

  // Deleting a frame keeps its members, like Ungroup; undo brings the frame back.
  await page.keyboard.press("ControlOrMeta+z");
  await expect(page.getByTestId("group-frame")).toHaveCount(1);
  await page.getByTestId("group-frame").click({ position: { x: 12, y: 8 } });
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("group-frame")).toHaveCount(0);
  await expect(page.getByTestId("studio-node")).toHaveCount(3);
  await page.keyboard.press("ControlOrMeta+z");
  await expect(page.getByTestId("group-frame")).toHaveCount(1);
  await expect(page.getByTestId("studio-node")).toHaveCount(3);
});

/** Drags the frame by its label strip (the members cover the rest of it). */
async function dragFrame(page: Page, dx: number, dy: number): Promise<void> {
  const box = await page.getByTestId("group-frame").boundingBox();
  if (!box) throw new Error("no frame");
  const start = { x: box.x + 14, y: box.y + 8 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + dx / 2, start.y + dy / 2, { steps: 5 });
  await page.mouse.move(start.x + dx, start.y + dy, { steps: 5 });
  await page.mouse.up();
}
