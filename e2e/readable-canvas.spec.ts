import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { GRAPH_FORMAT, type TGraphSpec } from "../lib/graph";
import { createDemoGraphSpec } from "../server/seed/demo-graph";
import { ADMIN, apiSignIn, demoWorkspaceId } from "./support/auth";
import { createGraph } from "./support/runs";

// A common laptop screen: the editor must be readable here without zooming or panning.
test.use({ viewport: { width: 1280, height: 800 } });

// The seeded demo graph, as a graph of its own: other specs rename the seeded one and move its nodes. Its name is
// longer than the seeded "Demo: answer a question", and no other spec looks it up.
const GRAPH_NAME = "Readable demo: answer a question";

/** The smallest size text on the canvas may render at, in screen pixels. */
const MIN_READABLE_PX = 10;

type TBox = { x: number; y: number; width: number; height: number };

function isOverlapping(a: TBox, b: TBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The canvas zoom once the opening fit has settled (React Flow's viewport transform, read twice to be sure it rests). */
async function settledZoom(page: Page): Promise<number> {
  const readZoom = () => page.locator(".react-flow__viewport").evaluate((element) => new DOMMatrix(getComputedStyle(element).transform).a);
  let previous = -1;
  await expect
    .poll(async () => {
      const zoom = await readZoom();
      const isSettled = zoom === previous;
      previous = zoom;
      return isSettled;
    })
    .toBe(true);
  return previous;
}

/** Text the user should be able to read: its size on screen, whether it is cut off, and whether anything covers it. */
async function readTexts(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) => {
    const pane = document.querySelector(".react-flow")!.getBoundingClientRect();
    const measure = document.createElement("canvas").getContext("2d")!;
    return elements.map((element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      const scale = box.width / (element as HTMLElement).offsetWidth;
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      // The text's full width against the room it has (a port's handle overflows its row, so scrollWidth would lie).
      measure.font = style.font;
      const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return {
        text: element.textContent ?? "",
        renderedPx: parseFloat(style.fontSize) * scale,
        isCutOff: measure.measureText(element.textContent ?? "").width > room + 0.5,
        isInPane: box.left >= pane.left && box.right <= pane.right && box.top >= pane.top && box.bottom <= pane.bottom,
        isUncovered: hit !== null && (hit === element || element.contains(hit)),
        /** Covered by the minimap or the zoom controls, which float over the canvas and can be panned away from. */
        isUnderPanel: hit !== null && hit.closest(".react-flow__panel") !== null,
        tooltip: element.getAttribute("title"),
      };
    });
  });
}

async function nodeBoxes(page: Page): Promise<{ id: string; box: TBox }[]> {
  const nodes = page.locator(".react-flow__node");
  const ids = await nodes.evaluateAll((elements) => elements.map((element) => element.getAttribute("data-id")!));
  return Promise.all(ids.map(async (id) => ({ id, box: (await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox())! })));
}

async function expectTitleWhole(page: Page): Promise<void> {
  const title = page.getByTestId("graph-title");
  await expect(title).toHaveText(GRAPH_NAME);
  const { scrollWidth, clientWidth } = await title.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
  expect(scrollWidth, "the title is not cut off with an ellipsis").toBeLessThanOrEqual(clientWidth);
}

async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

test("the demo graph at 1280x800: whole title, every port named and readable, no node over another, streamed text kept in its box", async ({ page }, testInfo) => {
  await apiSignIn(page.request, ADMIN);
  const graphId = await createGraph(page.request, await demoWorkspaceId(page.request), GRAPH_NAME, createDemoGraphSpec());
  await page.goto(`/w/demo/graphs/${graphId}`);
  await expect(page.getByTestId("studio-node")).toHaveCount(7);
  const zoom = await settledZoom(page);
  await expectTitleWhole(page);

  const ports = await readTexts(page, "[data-testid^=port-name-]");
  expect(ports.map((port) => port.text)).toEqual(expect.arrayContaining(["message", "model", "tools", "memory", "as tool"]));
  for (const port of ports) {
    expect(port, `port "${port.text}" reads at ${port.renderedPx.toFixed(1)} px (zoom ${zoom.toFixed(2)})`).toMatchObject({ isCutOff: false, isInPane: true, isUncovered: true });
    expect(port.renderedPx).toBeGreaterThanOrEqual(MIN_READABLE_PX);
  }
  const labels = await readTexts(page, "[data-testid=node-label]");
  expect(labels).toHaveLength(7);
  for (const label of labels) {
    expect(label, `label "${label.text}"`).toMatchObject({ isCutOff: false, isInPane: true, isUncovered: true });
    expect(label.renderedPx).toBeGreaterThanOrEqual(MIN_READABLE_PX);
  }
  // Each card shows its type's lucide icon, tinted with its category's colour (Agent: ai, Question: io).
  const looks = await page.locator(".react-flow__node").evaluateAll((nodes) =>
    nodes.map((node) => {
      const card = node.querySelector("[data-testid=studio-node]")!;
      const icon = node.querySelector("[data-icon]")!;
      return { id: node.getAttribute("data-id"), category: card.getAttribute("data-category"), stripe: getComputedStyle(card).borderTopColor, icon: icon.getAttribute("data-icon"), mask: getComputedStyle(icon, "::before").maskImage };
    }),
  );
  for (const look of looks) expect(look.mask, `${look.id}'s icon ${look.icon} is drawn`).toMatch(/^url\("data:image\/svg\+xml/);
  const lookOf = (id: string) => looks.find((look) => look.id === id)!;
  expect(lookOf("assistant")).toMatchObject({ category: "ai", icon: "bot" });
  expect(lookOf("question")).toMatchObject({ category: "io", icon: "log-in" });
  expect(lookOf("assistant").stripe).not.toBe(lookOf("question").stripe);
  // A port's type shows on hover.
  await expect(page.locator('.react-flow__node[data-id="assistant"] [data-testid="port-in-model"]').locator("..")).toHaveAttribute("title", "model: model");

  // Cards draw at the sizes layouts are computed with (node-card-geometry.ts): the Agent, 4 input rows, is 180 x 150.
  const agentCard = (await page.locator('.react-flow__node[data-id="assistant"]').boundingBox())!;
  expect({ width: Math.round(agentCard.width / zoom), height: Math.round(agentCard.height / zoom) }).toEqual({ width: 180, height: 150 });

  const boxes = await nodeBoxes(page);
  for (const [index, a] of boxes.entries()) {
    for (const b of boxes.slice(index + 1)) expect(isOverlapping(a.box, b.box), `${a.id} and ${b.id} overlap`).toBe(false);
  }
  await saveScreenshot(page, testInfo, "demo-graph-1280x800.png");

  await page.getByRole("button", { name: "Run", exact: true }).click();
  await page.getByRole("dialog", { name: "Run the draft" }).getByLabel("question").fill("How many words are in this question?");
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page.getByTestId("run-bar-status")).toHaveText("succeeded", { timeout: 30_000 });
  const assistant = page.locator('.react-flow__node[data-id="assistant"]');
  await expect(assistant.getByTestId("node-run-text")).toContainText("6 × 7 = 42.");
  await expectTitleWhole(page);

  // The streamed text scrolls inside a box that stays within the room under the card (RUN_AREA_HEIGHT, 96 flow px).
  const overflowY = await assistant.getByTestId("node-run-output").evaluate((element) => getComputedStyle(element).overflowY);
  expect(["auto", "scroll"]).toContain(overflowY);
  const runArea = (await assistant.getByTestId("node-run").boundingBox())!;
  expect(runArea.height).toBeLessThanOrEqual(96 * zoom + 1);
  for (const other of (await nodeBoxes(page)).filter((node) => node.id !== "assistant")) {
    expect(isOverlapping(runArea, other.box), `the assistant's run text covers ${other.id}`).toBe(false);
  }
  const runText = await readTexts(page, '.react-flow__node[data-id="assistant"] [data-testid=node-run-output]');
  expect(runText[0]!.renderedPx).toBeGreaterThanOrEqual(MIN_READABLE_PX);
  await saveScreenshot(page, testInfo, "demo-run-1280x800.png");
});

/** 30 nodes in rows of six, as a long pipeline is drawn: Input, 28 Templates, Output, each wired to the next. */
function createThirtyNodeSpec(): TGraphSpec {
  const ids = Array.from({ length: 30 }, (_, index) => (index === 0 ? "start" : index === 29 ? "finish" : `step${index}`));
  const nodes = ids.map((id, index) => ({
    id,
    type: index === 0 ? "core/input" : index === 29 ? "core/output" : "core/template",
    typeVersion: 1,
    label: index === 0 ? "Incoming ticket" : index === 29 ? "Reply" : `Enrich ticket ${index}`,
    position: { x: (index % 6) * 230, y: Math.floor(index / 6) * 200 },
    config: index === 0 || index === 29 ? {} : { template: "{{input}}" },
  }));
  const edges = ids.slice(1).map((id, index) => ({ id: `${ids[index]}-${id}`, source: { node: ids[index]!, port: "out" }, target: { node: id, port: "in" } }));
  return { format: GRAPH_FORMAT, nodes, edges, settings: {} };
}

test("a 30-node graph opens readable at 1280x800: the start in view, every visible label and port at a readable size, no node over another", async ({ page }, testInfo) => {
  await apiSignIn(page.request, ADMIN);
  const graphId = await createGraph(page.request, await demoWorkspaceId(page.request), "Readable: thirty-node pipeline", createThirtyNodeSpec());
  await page.goto(`/w/demo/graphs/${graphId}`);
  await expect(page.getByTestId("studio-node")).toHaveCount(30);
  const zoom = await settledZoom(page);

  const labels = (await readTexts(page, "[data-testid=node-label]")).filter((label) => label.isInPane);
  expect(labels.map((label) => label.text)).toContain("Incoming ticket");
  expect(labels.length, "a screenful of the pipeline is in view").toBeGreaterThanOrEqual(12);
  for (const label of labels) {
    expect(label.renderedPx, `label "${label.text}" at zoom ${zoom.toFixed(2)}`).toBeGreaterThanOrEqual(MIN_READABLE_PX);
    expect(label.isUncovered || label.isUnderPanel, `label "${label.text}" is covered by another node`).toBe(true);
    // A label longer than its card ends in an ellipsis; the whole of it shows on hover.
    if (label.isCutOff) expect(label.tooltip).toBe(label.text);
  }
  expect(labels.filter((label) => !label.isCutOff).length, "short labels are whole").toBeGreaterThanOrEqual(6);
  for (const port of (await readTexts(page, "[data-testid^=port-name-]")).filter((text) => text.isInPane)) {
    expect(port.renderedPx, `port "${port.text}"`).toBeGreaterThanOrEqual(MIN_READABLE_PX);
  }
  const boxes = await nodeBoxes(page);
  for (const [index, a] of boxes.entries()) {
    for (const b of boxes.slice(index + 1)) expect(isOverlapping(a.box, b.box), `${a.id} and ${b.id} overlap`).toBe(false);
  }
  await saveScreenshot(page, testInfo, "thirty-nodes-1280x800.png");
});
