// The small HTTP face of a worker process (STUDIO_WORKER_PORT): liveness, readiness and its own metrics, for an
// orchestrator's probes and a Prometheus scrape. Nothing else: workers serve no pages and no API.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

type THandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export async function listenWorkerHttp(options: { port: number; host: string; routes: { health: THandler; ready: THandler; metrics: THandler } }) {
  const paths: Record<string, THandler> = { "/api/health": options.routes.health, "/api/ready": options.routes.ready, "/api/metrics": options.routes.metrics };
  const server = createServer((req, res) => {
    const handler = paths[new URL(req.url ?? "/", "http://worker").pathname];
    if (handler) return void Promise.resolve(handler(req, res)).catch(() => !res.headersSent && res.writeHead(500).end());
    res.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ error: "A worker serves /api/health, /api/ready and /api/metrics only" }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, resolve);
  });
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
