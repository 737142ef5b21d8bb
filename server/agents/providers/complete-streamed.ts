// One model call of a real provider, the same for every wire format: read the node's settings, resolve the key, stream
// the answer through the egress guard, and price it. A provider supplies only what differs: its wire (below).
import { computeModelCost } from "@/lib/agents/model-prices";
import type { TAttachedContext, TModelRequest, TModelResponse } from "../../runtime/attached-contract";
import { NonRetriableError } from "../../runtime/errors";
import type { TAgentServices } from "../agent-services";
import { readProviderConfig } from "./provider-config";
import { resolveApiKey } from "./resolve-api-key";
import { describeModel, streamModelEvents } from "./stream-model-events";
import type { TStreamReader } from "./stream-reader";

export type TProviderWire = {
  /** For messages: "The Anthropic model has no model id". */
  title: string;
  defaultBaseUrl: string;
  /** Appended to the base URL. */
  path: string;
  headers(apiKey: string | undefined): Record<string, string>;
  toBody(model: string, request: TModelRequest): unknown;
  createReader(subject: string, onToken?: (text: string) => void): TStreamReader;
};

export async function completeStreamed(services: Pick<TAgentServices, "fetchStream">, wire: TProviderWire, context: TAttachedContext, request: TModelRequest): Promise<TModelResponse> {
  const config = readProviderConfig(context.config, wire.defaultBaseUrl);
  if (!config.model) throw new NonRetriableError(`The ${wire.title} has no model id: set one in its settings`);
  const apiKey = await resolveApiKey(context, config.apiKeySecret);
  const subject = describeModel(config.model, config.baseUrl);
  const reader = wire.createReader(subject, request.onToken);
  const events = streamModelEvents(services, context, {
    url: `${config.baseUrl}${wire.path}`,
    headers: wire.headers(apiKey),
    body: wire.toBody(config.model, request),
    subject,
    apiKeySecret: config.apiKeySecret,
    apiKey,
  });
  // Leaving the loop at the stream's end marker closes the connection, whatever the server sends after it.
  for await (const event of events) {
    if (reader.take(event.data)) break;
  }
  const answer = reader.finish();
  // Priced by the configured id: routers answer with ids of their own (`openai/gpt-4o`), which the user did not choose.
  return { ...answer, model: answer.model ?? config.model, costUsd: computeModelCost(config.model, answer.usage, config.price) };
}
