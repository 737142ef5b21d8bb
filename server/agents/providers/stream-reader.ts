// What a provider's stream reader is: it takes the events of one streamed answer and assembles the answer.
import type { TModelUsage, TToolCall } from "../../runtime/attached-contract";

export type TStreamedAnswer = { content: string; toolCalls: TToolCall[]; usage: TModelUsage; finishReason: string; model?: string };

export type TStreamReader = {
  /** One event's data; true once the stream said it is done. */
  take(data: string): boolean;
  /** Whether the events so far hold a whole answer (a stream that stops before is cut: stream-model-answer.ts). */
  isComplete(): boolean;
  /** The answer, once it is complete. */
  finish(): TStreamedAnswer;
};

/** An event's data, which both wire formats send as one JSON object. */
export function parseEventObject<T>(subject: string, data: string): T {
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return parsed as T;
  } catch {
    // reported below
  }
  throw new Error(`The stream from ${subject} sent an event that is not a JSON object: ${data.slice(0, 200)}`);
}
