// One model call of a real provider, the same for every wire format: read the node's settings, resolve the key, stream
// the answer through the egress guard, and price it. A provider supplies only what differs: its wire (below).
import { computeModelCost } from "@/lib/agents/model-prices";
import type { TAttachedContext, TModelRequest, TModelResponse } from "../../runtime/attached-contract";
import { NonRetriableError } from "../../runtime/errors";
import type { TAgentServices } from "../agent-services";
import { readProviderConfig } from "./provider-config";
import { resolveApiKey } from "./resolve-api-key";
import { describeModel, streamModelAnswer } from "./stream-model-answer";
import type { TStreamReader } from "./stream-reader";

export type TProviderWire = {
  /** For messages: "The Anthropic model has no model id". */
  title: string;
  defaultBaseUrl: string;
  /** Appended to the base URL. */
  path: string;
  headers(apiKey: string | undefined): Record<string, string>;
  /** `config` is the model node's own (a wire may read settings of its own there). */
  toBody(model: string, request: TModelRequest, config: Record<string, unknown>): unknown;
  createReader(subject: string, onToken?: (text: string) => void): TStreamReader;
};

export async function completeStreamed(services: Pick<TAgentServices, "fetchStream">, wire: TProviderWire, context: TAttachedContext, request: TModelRequest): Promise<TModelResponse> {
  const config = readProviderConfig(context.config, wire.defaultBaseUrl);
  if (!config.model) throw new NonRetriableError(`The ${wire.title} has no model id: set one in its settings`);
  const apiKey = await resolveApiKey(context, config.apiKeySecret);
  const subject = describeModel(config.model, config.baseUrl);
  const call = { url: `${config.baseUrl}${wire.path}`, headers: wire.headers(apiKey), body: wire.toBody(config.model, request, context.config), subject, apiKeySecret: config.apiKeySecret, apiKey };
  const answer = await streamModelAnswer(services, context, call, wire.createReader(subject, request.onToken));
  // Priced by the configured id: routers answer with ids of their own (`openai/gpt-4o`), which the user did not choose.
  return { ...answer, model: answer.model ?? config.model, costUsd: computeModelCost(config.model, answer.usage, config.price) };
}
