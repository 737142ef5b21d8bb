import { graphRouter } from "./routers/graph";
import { workspaceRouter } from "./routers/workspace";
import { createCallerFactory, createRouter } from "./trpc";

export const appRouter = createRouter({
  workspace: workspaceRouter,
  graph: graphRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
