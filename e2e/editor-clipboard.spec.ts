import { expect, test, type Page } from "@playwright/test";
import { ADMIN, apiSignIn, demoWorkspaceId } from "./support/auth";
import { dragNode, expectSaved, flowPointAt, nodePosition } from "./support/canvas";
import { buildSpec, createGraph, trpcMutation, trpcQuery } from "./support/runs";

type TBox = { x: number; y: number; width: number; height: number };

const twoNodes = buildSpec(
  [
    { id: "first", type: "core/template", label: "First", config: { template: "Hello {{input}}" } },
    { id: "second", type: "core/output", label: "Second", config: { name: "answer" } },
  ],
  ["first.out->second.in"],
);

async function openNewGraph(page: Page, name: string, spec: unknown = twoNodes): Promise<{ workspaceId: string; graphId: string }> {
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const graphId = await createGraph(page.request, workspaceId, name, spec);
  await page.goto(`/w/demo/graphs/${graphId}`);
  await expect(page.getByTestId("studio-node")).toHaveCount(2);
  return { workspaceId, graphId };
}

/** A node's position as the spec stores it (whole pixels; a dragged node's canvas position may be fractional). */
async function specPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  const position = await nodePosition(page, id);
  return { x: Math.round(position.x), y: Math.round(position.y) };
}

const canvasNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

async function boxOf(page: Page, id: string): Promise<TBox> {
  const box = await canvasNode(page, id).boundingBox();
  if (!box) throw new Error(`node ${id} is not visible`);
  return box;
}

const isOverlapping = (a: TBox, b: TBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function selectBoth(page: Page): Promise<void> {
  await canvasNode(page, "first").click();
  await canvasNode(page, "second").click({ modifiers: ["ControlOrMeta"] });
}

test("without clipboard permission, copied nodes paste at the pointer from the studio's own clipboard with a notice, and one undo removes only the paste", async ({ page, context }) => {
  await context.clearPermissions();
  await openNewGraph(page, "Paste without permission");
  // An earlier edit of the user's, which the undo of the paste must leave alone.
  await dragNode(page, "second", 0, 60);
  await expectSaved(page);
  const moved = await specPosition(page, "second");

  await selectBoth(page);
  await page.keyboard.press("ControlOrMeta+c");
  await expect(page.getByTestId("editor-notice")).toHaveText("Copied 2 nodes.");

  const canvas = (await page.getByTestId("graph-canvas").boundingBox())!;
  const pointer = { x: canvas.x + canvas.width * 0.3, y: canvas.y + canvas.height * 0.7 };
  await page.mouse.move(pointer.x, pointer.y, { steps: 4 });
  const target = await flowPointAt(page, pointer);
  await page.keyboard.press("ControlOrMeta+v");

  await expect(page.getByTestId("editor-notice")).toHaveText("Pasted 2 nodes copied in the studio; the system clipboard cannot be read: the browser did not give this page permission.");
  await expect(page.getByTestId("studio-node")).toHaveCount(4);
  await expect(page.locator('.react-flow__edge[data-id="first-copy-second-copy"]')).toHaveCount(1);
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(2);
  expect(await page.locator(".react-flow__node.selected").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-id")).sort())).toEqual(["first-copy", "second-copy"]);

  // The pasted nodes' top-left corner is at the pointer, and they keep their places relative to each other.
  const first = await specPosition(page, "first");
  const firstCopy = await specPosition(page, "first-copy");
  const secondCopy = await specPosition(page, "second-copy");
  expect(Math.abs(firstCopy.x - target.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(firstCopy.y - target.y)).toBeLessThanOrEqual(1);
  expect({ x: secondCopy.x - firstCopy.x, y: secondCopy.y - firstCopy.y }).toEqual({ x: moved.x - first.x, y: moved.y - first.y });
  for (const copy of ["first-copy", "second-copy"]) {
    for (const original of ["first", "second"]) expect(isOverlapping(await boxOf(page, copy), await boxOf(page, original)), `${copy} over ${original}`).toBe(false);
  }
  await expectSaved(page);

  await page.keyboard.press("ControlOrMeta+z");
  await expect(page.getByTestId("studio-node")).toHaveCount(2);
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);
  expect(await specPosition(page, "second")).toEqual(moved);
  await expectSaved(page);
  await page.reload();
  await expect(page.getByTestId("studio-node")).toHaveCount(2);
  expect(await specPosition(page, "second")).toEqual(moved);
});

test("a paste without moving the pointer since the copy lands beside the originals, never on them; text that is not nodes gets a reason", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openNewGraph(page, "Paste beside");
  await selectBoth(page);
  await page.keyboard.press("ControlOrMeta+c");
  await page.keyboard.press("ControlOrMeta+v");
  await expect(page.getByTestId("studio-node")).toHaveCount(4);
  for (const copy of ["first-copy", "second-copy"]) {
    for (const original of ["first", "second"]) expect(isOverlapping(await boxOf(page, copy), await boxOf(page, original)), `${copy} over ${original}`).toBe(false);
  }

  await page.evaluate(() => navigator.clipboard.writeText("just some words"));
  await page.keyboard.press("ControlOrMeta+v");
  await expect(page.getByRole("alert").filter({ hasText: "Nothing pasted" })).toHaveText('Nothing pasted: the clipboard holds text ("just some words"), not nodes copied in the studio.');
  await expect(page.getByTestId("studio-node")).toHaveCount(4);
});

test("on a page without the clipboard API, a copy stays inside the studio with a notice and still pastes", async ({ page }) => {
  // What a page served over plain http from a LAN address gets: browsers offer the clipboard API only on secure pages.
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
  await openNewGraph(page, "No clipboard API");
  await canvasNode(page, "first").click();
  await page.keyboard.press("ControlOrMeta+x");
  await expect(page.getByTestId("editor-notice")).toContainText("Cut 1 node inside the studio; the system clipboard is not available: this page has no clipboard access");
  await expect(page.getByTestId("studio-node")).toHaveCount(1);
  await page.keyboard.press("ControlOrMeta+v");
  await expect(page.getByTestId("studio-node")).toHaveCount(2);
  await expect(canvasNode(page, "first-copy")).toBeVisible();
  await expect(page.getByTestId("editor-notice")).toContainText("Pasted 1 node copied in the studio; the system clipboard was not available when you copied");
});

test("an undo after someone else's save reverts only the user's own edit", async ({ page }) => {
  const { workspaceId, graphId } = await openNewGraph(page, "Undo beside a colleague");
  const start = await specPosition(page, "first");
  await dragNode(page, "first", 0, 120);
  await expectSaved(page);
  const dragged = await specPosition(page, "first");
  expect(dragged.y).toBeGreaterThan(start.y + 50);

  // A colleague renames the other node and adds one, saved from elsewhere.
  const graph = await trpcQuery<{ draft: ReturnType<typeof buildSpec>; draftRevision: number }>(page.request, "graph.get", { workspaceId, graphId });
  const theirs = {
    ...graph.draft,
    nodes: [
      ...graph.draft.nodes.map((node) => (node.id === "second" ? { ...node, label: "Renamed elsewhere" } : node)),
      { id: "theirs", type: "core/output", typeVersion: 1, label: "Added elsewhere", position: { x: 600, y: 400 }, config: { name: "theirs" } },
    ],
  };
  await trpcMutation(page.request, "graph.saveDraft", { workspaceId, graphId, spec: theirs, baseRevision: graph.draftRevision, clientId: "someone-else" });
  await expect(canvasNode(page, "second")).toContainText("Renamed elsewhere");
  await expect(page.getByTestId("studio-node")).toHaveCount(3);

  await page.keyboard.press("ControlOrMeta+z");
  await expect.poll(() => specPosition(page, "first")).toEqual(start);
  await expect(canvasNode(page, "second")).toContainText("Renamed elsewhere");
  await expect(canvasNode(page, "theirs")).toBeVisible();
  // Their save is no entry of this user's history: nothing is left to undo.
  await expect(page.getByRole("button", { name: "Undo" })).toBeDisabled();
  await expectSaved(page);

  const saved = await trpcQuery<{ draft: ReturnType<typeof buildSpec> }>(page.request, "graph.get", { workspaceId, graphId });
  expect(saved.draft.nodes.map((node) => [node.id, node.label])).toEqual([["first", "First"], ["second", "Renamed elsewhere"], ["theirs", "Added elsewhere"]]);
  expect(saved.draft.nodes[0]!.position).toEqual(start);
});
