import { accountRouter } from "./routers/account";
import { apiKeyRouter } from "./routers/api-key";
import { auditRouter } from "./routers/audit";
import { deploymentRouter } from "./routers/deployment";
import { egressRouter } from "./routers/egress";
import { environmentRouter } from "./routers/environment";
import { graphRouter } from "./routers/graph";
import { invitationRouter } from "./routers/invitation";
import { mcpRouter } from "./routers/mcp";
import { memberRouter } from "./routers/member";
import { nodeTypeRouter } from "./routers/node-type";
import { openClawRouter } from "./routers/openclaw";
import { openClawGatewayRouter } from "./routers/openclaw-gateway";
import { passwordResetRouter } from "./routers/password-reset";
import { pluginRouter } from "./routers/plugin";
import { runRouter } from "./routers/run";
import { secretRouter } from "./routers/secret";
import { triggerRouter } from "./routers/trigger";
import { workspaceRouter } from "./routers/workspace";
import { createCallerFactory, createRouter } from "./trpc";

export const appRouter = createRouter({
  workspace: workspaceRouter,
  member: memberRouter,
  graph: graphRouter,
  run: runRouter,
  plugin: pluginRouter,
  nodeType: nodeTypeRouter,
  secret: secretRouter,
  egress: egressRouter,
  mcp: mcpRouter,
  openClaw: openClawRouter,
  openClawGateway: openClawGatewayRouter,
  trigger: triggerRouter,
  deployment: deploymentRouter,
  environment: environmentRouter,
  apiKey: apiKeyRouter,
  audit: auditRouter,
  invitation: invitationRouter,
  account: accountRouter,
  passwordReset: passwordResetRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
