// `npm run bench:editor`: initial render and drag smoothness of a 1,000-node graph in the studio's editor (production
// build) and, in the same run and browser, on a bare React Flow page as the baseline. One JSON line per figure.
import { loadavg } from "node:os";
import { chromium, type Browser, type CDPSession, type Page } from "@playwright/test";
import { startBaselineServer } from "./baseline-server";
import { BENCH_NODE_COUNT, generateBenchGraph } from "./bench-graph";
import { measureDrag, measureInitialRender, openMetrics, percentile, type TDragSample } from "./measure-page";
import { FRAME_PROBE, renderProbe } from "./page-probes";
import { createBenchGraph, signIn } from "./studio-session";
import { startStudioServer } from "./studio-server";

const LOADS = 5;
const DRAGS = 3;
const SETTLE_MS = 1_500;
const VIEWPORT = { width: 1280, height: 800 };
const GOALS = { renderMs: 1_500, renderVsBaseline: 2, dragFrameP95Ms: 17.5 };

type TSubject = { page: Page; metrics: CDPSession; path: string; renders: number[]; drags: TDragSample[] };

async function openSubject(browser: Browser, baseURL: string, prepare: (page: Page) => Promise<string>): Promise<TSubject> {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORT });
  await context.addInitScript({ content: renderProbe(BENCH_NODE_COUNT) + FRAME_PROBE });
  const page = await context.newPage();
  const path = await prepare(page);
  return { page, metrics: await openMetrics(page), path, renders: [], drags: [] };
}

/**
 * Loads and drags alternate between the two pages, so a burst of other work on the machine hits both alike. The first
 * load of each page is a warm-up (it compiles the JavaScript) and is not counted.
 */
async function measureBoth(subjects: TSubject[]): Promise<void> {
  for (let load = 0; load <= LOADS; load++) {
    for (const subject of subjects) {
      const sample = await measureInitialRender(subject.page, subject.path);
      if (load > 0) subject.renders.push(sample);
    }
  }
  for (let drag = 0; drag < DRAGS; drag++) {
    for (const subject of subjects) {
      await subject.page.waitForTimeout(SETTLE_MS);
      subject.drags.push(await measureDrag(subject.page, subject.metrics));
    }
  }
}

function round(value: number): number {
  return Number(value.toFixed(1));
}

function print(name: string, value: number, extra: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ name, value: round(value), unit: "ms", ...extra, load_average: loadavg().map((load) => Number(load.toFixed(2))) })}\n`);
}

function renderFigures(subject: TSubject) {
  return { value: percentile(subject.renders, 50), extra: { statistic: "median", samples: subject.renders.map(round) } };
}

function dragFigures(subject: TSubject) {
  const frames = subject.drags.flatMap((sample) => sample.frames);
  const mainThreadMs = subject.drags.reduce((sum, sample) => sum + sample.mainThreadMs, 0);
  return {
    value: percentile(frames, 95),
    extra: { statistic: "p95", frames: frames.length, frame_p50_ms: round(percentile(frames, 50)), frame_max_ms: round(Math.max(...frames)), main_thread_ms_per_frame: round(mainThreadMs / frames.length) },
  };
}

const spec = generateBenchGraph();
const graphSize = { nodes: spec.nodes.length, edges: spec.edges.length };
// Stopped in reverse order whatever fails, so no server or browser outlives the bench.
const cleanups: (() => Promise<void>)[] = [];

try {
  const studio = await startStudioServer();
  cleanups.push(studio.stop);
  const baseline = await startBaselineServer(spec);
  cleanups.push(baseline.stop);
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  cleanups.push(() => browser.close());

  const editor = await openSubject(browser, studio.url, async (page) => {
    await signIn(page.request, studio.adminEmail, studio.adminPassword);
    return createBenchGraph(page.request, "Bench: 1,000 nodes", spec);
  });
  const bare = await openSubject(browser, baseline.url, async () => "/");
  await measureBoth([editor, bare]);

  const baselineRender = renderFigures(bare);
  const editorRender = renderFigures(editor);
  const baselineDrag = dragFigures(bare);
  const editorDrag = dragFigures(editor);
  print("baseline_1000_initial_render_ms", baselineRender.value, { ...graphSize, ...baselineRender.extra });
  print("baseline_1000_drag_frame_p95_ms", baselineDrag.value, { ...graphSize, ...baselineDrag.extra });
  print("editor_1000_initial_render_ms", editorRender.value, {
    ...graphSize,
    ...editorRender.extra,
    goal_ms: GOALS.renderMs,
    goal_vs_baseline: GOALS.renderVsBaseline,
    vs_baseline: Number((editorRender.value / baselineRender.value).toFixed(2)),
    meets_goal: editorRender.value <= GOALS.renderMs && editorRender.value <= GOALS.renderVsBaseline * baselineRender.value,
  });
  print("editor_1000_drag_frame_p95_ms", editorDrag.value, { ...graphSize, ...editorDrag.extra, goal_ms: GOALS.dragFrameP95Ms, meets_goal: editorDrag.value <= GOALS.dragFrameP95Ms });
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
}
