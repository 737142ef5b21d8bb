import { createRouter } from "../../trpc";
import { createWebhookTokenProcedure } from "./create-webhook-token";
import { listTriggersProcedure } from "./list";
import { rotateWebhookTokenProcedure } from "./rotate-webhook-token";

/** A graph's webhook and schedule triggers. Rows follow the published version (publish syncs them). */
export const triggerRouter = createRouter({
  list: listTriggersProcedure,
  createWebhookToken: createWebhookTokenProcedure,
  rotateWebhookToken: rotateWebhookTokenProcedure,
});
