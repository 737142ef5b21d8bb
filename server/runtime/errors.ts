// Errors steer retries: a node throws NonRetriableError to fail at once, RetryAfterError to choose the delay.

export class NonRetriableError extends Error {
  override name = "NonRetriableError";
}

export class RetryAfterError extends Error {
  override name = "RetryAfterError";
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
  }
}

export class NodeTimeoutError extends Error {
  override name = "NodeTimeoutError";
}

/** An approval was rejected and the graph has no path for a rejection: the run fails, nothing after it runs. */
export class ApprovalRejectedError extends NonRetriableError {
  override name = "ApprovalRejected";
}

/**
 * A token or cost budget (the run's, or an agent's own) is used up. It fails the run: a delegated agent's budget error
 * is not handed to the calling model as a tool result, since the run's budget is shared by every agent in it.
 */
export class BudgetExceededError extends NonRetriableError {
  override name = "BudgetExceeded";
}

/** The run passed `settings.runTimeoutMs` since it first started; the abort reason its running steps see. */
export class RunTimedOutError extends NonRetriableError {
  override name = "RunTimedOut";
}

export class RunCancelledError extends Error {
  override name = "RunCancelledError";
}

/** The executor lost its lease (another executor took the run over): it must stop without writing. */
export class LeaseLostError extends Error {
  override name = "LeaseLostError";
}

export type TStepError = { code: string; message: string; stack?: string };

export function toStepError(error: unknown): TStepError {
  if (error instanceof Error) return { code: error.name, message: error.message, stack: error.stack };
  return { code: "Error", message: String(error) };
}

export function isRetriable(error: unknown): boolean {
  return !(error instanceof NonRetriableError || error instanceof RunCancelledError || error instanceof LeaseLostError);
}
