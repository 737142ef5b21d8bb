import type { TAttachedContext } from "../../runtime/attached-contract";
import { NonRetriableError } from "../../runtime/errors";

/** The key's value, or undefined for a server without keys. The runtime redacts the value from all it records. */
export async function resolveApiKey(context: Pick<TAttachedContext, "resolveSecret">, secretName: string | undefined): Promise<string | undefined> {
  if (!secretName) return undefined;
  try {
    return await context.resolveSecret(secretName);
  } catch (error) {
    throw new NonRetriableError(`The API key secret ${secretName} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}
