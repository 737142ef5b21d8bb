// The two figures, measured the same way on the studio's editor and on the baseline page, plus the renderer's main-thread
// time per drag frame (CPU time: less sensitive than wall time to other work on a busy machine).
import type { CDPSession, Page } from "@playwright/test";

const DRAG_MS = 2_000;
const DRAG_RADIUS_PX = 120;

export type TDragSample = { frames: number[]; mainThreadMs: number };

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export async function openMetrics(page: Page): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send("Performance.enable");
  return session;
}

/** Milliseconds the renderer's main thread has spent running tasks so far. */
async function readMainThreadMs(session: CDPSession): Promise<number> {
  const { metrics } = await session.send("Performance.getMetrics");
  return (metrics.find((metric) => metric.name === "TaskDuration")?.value ?? 0) * 1_000;
}

/** Loads `url` and waits for the render probe (page-probes.ts): ms from navigation start to the frame that paints it all. */
export async function measureInitialRender(page: Page, url: string): Promise<number> {
  await page.goto(url);
  return (await page.evaluate("window.__benchRendered")) as number;
}

/**
 * Drags the node nearest the canvas's center in a circle for DRAG_MS with as many mouse moves as the browser accepts,
 * and returns the animation frame durations recorded between the press and the release.
 */
export async function measureDrag(page: Page, session: CDPSession): Promise<TDragSample> {
  const start = await findCentralNode(page);
  await page.mouse.move(start.x, start.y);
  const before = await readMainThreadMs(session);
  await page.evaluate("window.__benchFrames.start()");
  await page.mouse.down();
  const began = Date.now();
  for (let elapsed = 0; elapsed < DRAG_MS; elapsed = Date.now() - began) {
    const angle = (elapsed / DRAG_MS) * 2 * Math.PI;
    await page.mouse.move(start.x + DRAG_RADIUS_PX * Math.sin(angle), start.y + DRAG_RADIUS_PX * (1 - Math.cos(angle)));
  }
  const frames = (await page.evaluate("window.__benchFrames.stop()")) as number[];
  const mainThreadMs = (await readMainThreadMs(session)) - before;
  await page.mouse.up();
  return { frames, mainThreadMs };
}

async function findCentralNode(page: Page): Promise<{ x: number; y: number }> {
  const canvas = await page.locator(".react-flow").boundingBox();
  if (!canvas) throw new Error("no React Flow canvas on the page");
  const center = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
  const boxes = await page.locator(".react-flow__node").evaluateAll((nodes) =>
    nodes.map((node) => {
      const box = node.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }),
  );
  const distance = (box: { x: number; y: number }) => Math.hypot(box.x - center.x, box.y - center.y);
  return boxes.reduce((best, box) => (distance(box) < distance(best) ? box : best));
}
