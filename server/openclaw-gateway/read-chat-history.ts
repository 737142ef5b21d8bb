// chat.history, read for what recovery needs: the in-flight run's buffered text, the session's active run ids and the
// last assistant reply (docs/gateway/clients.md, "Recover state after reconnect").
import { z } from "zod";
import { textOfMessage } from "./gateway-protocol";

const ZChatHistoryResult = z.object({
  messages: z.array(z.unknown()).default([]),
  inFlightRun: z.object({ runId: z.string(), text: z.string().default("") }).loose().optional(),
  sessionInfo: z.object({ hasActiveRun: z.boolean().optional(), activeRunIds: z.array(z.string()).nullable().optional() }).loose().optional(),
}).loose();

export type TChatHistory = {
  inFlightRun: { runId: string; text: string } | undefined;
  /** The exact active set when the gateway knows it; undefined when it does not say. */
  activeRunIds: string[] | undefined;
  lastAssistantText: string | undefined;
};

const HISTORY_LIMIT = 20;

export async function readChatHistory(request: (method: string, params: Record<string, unknown>) => Promise<unknown>, sessionKey: string): Promise<TChatHistory> {
  const parsed = ZChatHistoryResult.safeParse(await request("chat.history", { sessionKey, limit: HISTORY_LIMIT }));
  if (!parsed.success) throw new Error("chat.history answered in an unexpected shape");
  const { messages, inFlightRun, sessionInfo } = parsed.data;
  const lastAssistant = [...messages].reverse().find((message) => (message as { role?: unknown })?.role === "assistant");
  return {
    inFlightRun: inFlightRun ? { runId: inFlightRun.runId, text: inFlightRun.text } : undefined,
    activeRunIds: sessionInfo?.activeRunIds ?? (sessionInfo?.hasActiveRun === false ? [] : undefined),
    lastAssistantText: lastAssistant === undefined ? undefined : textOfMessage(lastAssistant),
  };
}
