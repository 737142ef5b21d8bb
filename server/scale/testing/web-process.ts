// A queue-mode web process (STUDIO_PROCESS=web) for scale tests, without Next: the studio's HTTP server as
// server/main.ts builds it (http/studio-http-server.ts) with the run queue and event bridge of startScaleOut, pages
// answered 404. It drives no runs, as a web process. Started by spawnWebProcess (queue-mode-harness.ts), which reads
// the line it prints once it listens.
import type { AddressInfo } from "node:net";
import { connectDb, disconnectDb } from "../../db/client";
import { env } from "../../env";
import { createSecurityHeaders } from "../../http/security-headers";
import { createStudioHttpServer } from "../../http/studio-http-server";
import { createRunEventHub } from "../../realtime/run-stream/run-event-hub";
import { startScaleOut } from "../start-scale-out";

const config = env();
if (config.STUDIO_PROCESS !== "web" || !config.NEXTAUTH_SECRET) throw new Error("A test web process needs STUDIO_PROCESS=web, REDIS_URL and NEXTAUTH_SECRET");
const databaseUrl = config.DATABASE_URL!;
const db = connectDb(databaseUrl);
const runEvents = createRunEventHub();
const scale = (await startScaleOut(config, runEvents))!;
const { server, realtime } = createStudioHttpServer({
  config,
  db,
  databaseUrl,
  secret: config.NEXTAUTH_SECRET,
  runEvents,
  scale,
  readinessChecks: scale.queueMode.readinessChecks,
  securityHeaders: createSecurityHeaders({ publicUrl: config.publicUrl, isDev: false }),
  next: (_req, res) => {
    res.statusCode = 404;
    res.end();
  },
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
process.stdout.write(`web process listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);

process.on("SIGTERM", () => {
  void realtime
    .close()
    .then(() => new Promise((resolve) => server.close(resolve)))
    .then(() => scale.close())
    .then(disconnectDb)
    .then(() => process.exit(0));
});
