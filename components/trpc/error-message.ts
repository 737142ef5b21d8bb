import { TRPCClientError } from "@trpc/client";

/** The message to show a user for a failed call; server faults arrive already scrubbed. */
export function getErrorMessage(error: unknown): string {
  if (error instanceof TRPCClientError || error instanceof Error) return error.message;
  return "Something went wrong";
}

export function getErrorCode(error: unknown): string | undefined {
  if (error instanceof TRPCClientError) return (error.data as { code?: string } | undefined)?.code;
  return undefined;
}
