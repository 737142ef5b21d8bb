import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["{lib,server,components}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/*.scale.test.ts", "**/*.live.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["server/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["server/testing/global-setup.ts"],
          setupFiles: ["server/testing/connect-test-db.ts"],
          // One database for the whole run: files create their own users and workspaces, so they may share it.
          fileParallelism: false,
          testTimeout: 20_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Queue mode: worker processes, Redis (STUDIO_TEST_REDIS_URL, default redis://127.0.0.1:6379) and Postgres.
          // Not part of `npm test` (its quick start needs neither Redis nor an external database): `npm run test:scale`.
          name: "scale",
          include: ["server/**/*.scale.test.ts"],
          environment: "node",
          globalSetup: ["server/testing/global-setup.ts"],
          setupFiles: ["server/testing/connect-test-db.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // A real OpenClaw gateway (Node 24 and openclaw from the npm registry, minutes on the first run): not part
          // of `npm test`; `npm run test:openclaw-live` (server/openclaw-gateway/README.md).
          name: "openclaw-live",
          include: ["server/**/*.live.test.ts"],
          environment: "node",
          globalSetup: ["server/testing/global-setup.ts"],
          setupFiles: ["server/testing/connect-test-db.ts"],
          testTimeout: 600_000,
          hookTimeout: 1_200_000,
        },
      },
    ],
  },
});
