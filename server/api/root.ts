import { graphRouter } from "./routers/graph";
import { runRouter } from "./routers/run";
import { workspaceRouter } from "./routers/workspace";
import { createCallerFactory, createRouter } from "./trpc";

export const appRouter = createRouter({
  workspace: workspaceRouter,
  graph: graphRouter,
  run: runRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
