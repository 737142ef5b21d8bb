/** Why an outbound request was refused or failed. Callers branch on `code`; `message` is safe to show to a user. */
export type TEgressErrorCode =
  | "BAD_URL"
  | "BAD_REQUEST"
  | "NOT_ALLOWLISTED"
  | "BLOCKED_ADDRESS"
  | "TOO_MANY_REDIRECTS"
  | "RESPONSE_TOO_LARGE"
  | "TIMEOUT"
  | "ABORTED"
  | "NETWORK";

/**
 * Messages name the host and the reason, never a response body: a body may hold secrets of the remote side, and these
 * messages end up in run events and logs.
 */
export class EgressError extends Error {
  readonly code: TEgressErrorCode;

  constructor(code: TEgressErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = "EgressError";
    this.code = code;
  }
}
