// A model's streamed answer that stopped before its end: the host answered (so it was reached), then the connection
// closed or the stream ended without the answer's end. Retryable: the next attempt usually streams the whole answer.

export class ModelStreamCutError extends Error {
  override name = "ModelStreamCut";

  constructor(subject: string, chunks: number, how: string, options?: { cause?: unknown }) {
    super(`The model's answer stream from ${subject} was cut after ${chunks} ${chunks === 1 ? "chunk" : "chunks"}: ${how}`, options);
  }
}
