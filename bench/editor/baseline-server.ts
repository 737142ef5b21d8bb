// Bundles baseline-page.tsx with esbuild into a temp folder and serves it, with the graph inlined, on a free port.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import type { TGraphSpec } from "@/lib/graph";
import { findFreePort } from "./free-port";

export type TBaselineServer = { url: string; stop: () => Promise<void> };

export async function startBaselineServer(spec: TGraphSpec): Promise<TBaselineServer> {
  const outdir = mkdtempSync(path.join(tmpdir(), "bench-editor-baseline-"));
  await build({
    entryPoints: [path.join(import.meta.dirname, "baseline-page.tsx")],
    bundle: true,
    minify: true,
    format: "esm",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    outdir,
    entryNames: "page",
    logLevel: "warning",
  });
  // Default React Flow nodes: the label only, handles top and bottom; the same positions and edges as the studio.
  const graph = {
    nodes: spec.nodes.map((node) => ({ id: node.id, position: node.position, data: { label: node.label } })),
    edges: spec.edges.map((edge) => ({ id: edge.id, source: edge.source.node, target: edge.target.node })),
  };
  // "<" escaped so no label can close the script element.
  const graphJson = JSON.stringify(graph).replace(/</g, "\\u003c");
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>React Flow baseline</title><link rel="stylesheet" href="/page.css"><style>body{margin:0}</style></head><body><div id="root"></div><script type="application/json" id="graph">${graphJson}</script><script type="module" src="/page.js"></script></body></html>`;
  const files: Record<string, { type: string; body: string | Buffer }> = {
    "/": { type: "text/html", body: html },
    "/page.js": { type: "text/javascript", body: readFileSync(path.join(outdir, "page.js")) },
    "/page.css": { type: "text/css", body: readFileSync(path.join(outdir, "page.css")) },
  };
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? "/", "http://localhost").pathname];
    response.writeHead(file ? 200 : 404, { "content-type": file?.type ?? "text/plain" });
    response.end(file?.body ?? "not found");
  });
  const port = await findFreePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      rmSync(outdir, { recursive: true, force: true });
    },
  };
}
