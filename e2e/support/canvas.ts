import { expect, type Page } from "@playwright/test";

/** A node's position in flow coordinates, read from React Flow's transform (independent of zoom and pan). */
export async function nodePosition(page: Page, nodeId: string): Promise<{ x: number; y: number }> {
  const transform = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).evaluate((element) => (element as HTMLElement).style.transform);
  const match = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(transform);
  if (!match) throw new Error(`node ${nodeId} has no translate transform: ${transform}`);
  return { x: Number(match[1]), y: Number(match[2]) };
}

/** Drags a node by screen pixels with real mouse events. */
export async function dragNode(page: Page, nodeId: string, dx: number, dy: number): Promise<void> {
  const box = await page.locator(`.react-flow__node[data-id="${nodeId}"]`).boundingBox();
  if (!box) throw new Error(`node ${nodeId} is not visible`);
  const startX = box.x + box.width / 2;
  const startY = box.y + box.height / 2;
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  await page.mouse.move(startX + dx / 2, startY + dy / 2, { steps: 5 });
  await page.mouse.move(startX + dx, startY + dy, { steps: 5 });
  await page.mouse.up();
}

export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
}

/** Draws an edge with the mouse from a node's output handle to another node's input handle (test ids `port-out-<id>`, `port-in-<id>`). */
export async function connectPorts(page: Page, from: { node: string; port: string }, to: { node: string; port: string }): Promise<void> {
  const source = await page.locator(`.react-flow__node[data-id="${from.node}"] [data-testid="port-out-${from.port}"]`).boundingBox();
  const target = await page.locator(`.react-flow__node[data-id="${to.node}"] [data-testid="port-in-${to.port}"]`).boundingBox();
  if (!source || !target) throw new Error(`ports ${from.node}.${from.port} -> ${to.node}.${to.port} are not visible`);
  const start = { x: source.x + source.width / 2, y: source.y + source.height / 2 };
  const end = { x: target.x + target.width / 2, y: target.y + target.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 8 });
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
}

/** The flow coordinates under a screen point, from React Flow's viewport transform (what screenToFlowPosition computes). */
export async function flowPointAt(page: Page, screen: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const pane = await page.locator(".react-flow").boundingBox();
  if (!pane) throw new Error("no canvas");
  const matrix = await page.locator(".react-flow__viewport").evaluate((element) => {
    const { a, e, f } = new DOMMatrix(getComputedStyle(element).transform);
    return { zoom: a, x: e, y: f };
  });
  return { x: (screen.x - pane.x - matrix.x) / matrix.zoom, y: (screen.y - pane.y - matrix.y) / matrix.zoom };
}

/** The smallest size text on the canvas may render at, in screen pixels (as readable-canvas.spec.ts measures it). */
const MIN_READABLE_PX = 10;

/**
 * What a user needs before drawing edges between the given nodes: each node's label renders at a readable size, and
 * each of its ports lies inside the canvas with nothing over it, so the mouse finds the port where it is drawn.
 */
export async function expectNodesReadableAndPortsHittable(page: Page, nodeIds: string[]): Promise<void> {
  const findings = await page.evaluate(
    ({ ids, minPx }) => {
      const pane = document.querySelector(".react-flow")!.getBoundingClientRect();
      return ids.flatMap((id) => {
        const node = document.querySelector(`.react-flow__node[data-id="${id}"]`);
        if (!node) return [`${id} is not on the canvas`];
        const label = node.querySelector<HTMLElement>("[data-testid=node-label]")!;
        const labelPx = parseFloat(getComputedStyle(label).fontSize) * (label.getBoundingClientRect().width / label.offsetWidth);
        const unreadable = labelPx < minPx ? [`${id}'s label renders at ${labelPx.toFixed(1)} px`] : [];
        const unhittable = [...node.querySelectorAll<HTMLElement>(".react-flow__handle")].flatMap((handle) => {
          const box = handle.getBoundingClientRect();
          const center = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
          const isInPane = center.x > pane.left && center.x < pane.right && center.y > pane.top && center.y < pane.bottom;
          const hit = isInPane ? document.elementFromPoint(center.x, center.y) : null;
          return hit && handle.contains(hit) ? [] : [`${id}'s port ${handle.dataset.testid} at (${Math.round(center.x)}, ${Math.round(center.y)}) is ${isInPane ? "covered" : "outside the canvas"}`];
        });
        return [...unreadable, ...unhittable];
      });
    },
    { ids: nodeIds, minPx: MIN_READABLE_PX },
  );
  expect(findings).toEqual([]);
}
