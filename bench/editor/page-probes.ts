// Scripts the bench adds to every page before the page's own code runs. Plain JavaScript strings, so no compiler helper
// leaks into the browser.

/**
 * `window.__benchRendered` resolves with performance.now() (ms since navigation start) at the start of the first
 * animation frame in which the page holds at least `count` React Flow nodes, all measured (React Flow keeps a node
 * `visibility: hidden` until it knows its size), and at least `count` edges: that frame paints the whole graph.
 */
export function renderProbe(count: number): string {
  return `
    window.__benchRendered = new Promise((resolve) => {
      const check = (time) => {
        const nodes = document.querySelectorAll(".react-flow__node");
        const edges = document.querySelectorAll(".react-flow__edge");
        const isDrawn = nodes.length >= ${count} && edges.length >= ${count} && Array.prototype.every.call(nodes, (node) => node.style.visibility !== "hidden");
        if (isDrawn) resolve(time);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  `;
}

/** `window.__benchFrames.start()` records the time between consecutive animation frames until `.stop()` returns them. */
export const FRAME_PROBE = `
  window.__benchFrames = (() => {
    let durations = [];
    let last;
    let isRecording = false;
    const tick = (time) => {
      if (!isRecording) return;
      if (last !== undefined) durations.push(time - last);
      last = time;
      requestAnimationFrame(tick);
    };
    return {
      start() { durations = []; last = undefined; isRecording = true; requestAnimationFrame(tick); },
      stop() { isRecording = false; return durations; },
    };
  })();
`;
