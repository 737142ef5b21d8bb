// `npm start`: build the web app when the build is missing or older than its sources, then serve it in production mode.
import { buildWebApp, isBuildFresh } from "./web-build";

if (!isBuildFresh()) {
  process.stdout.write("Building the studio (first start, or its sources changed)...\n");
  buildWebApp();
}
Object.assign(process.env, { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
const { startStudio } = await import("./main");
await startStudio({ dev: false });
