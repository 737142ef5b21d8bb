import type { TSecretAddress } from "../../secrets/secret-cipher";

/**
 * The associated data an environment's value is sealed with: the secret's name and the environment's id (a NUL
 * cannot occur in a name), so a row copied to another environment, name or workspace does not decrypt.
 */
export function environmentValueAddress(options: { workspaceId: string; name: string; environmentId: string }): TSecretAddress {
  return { workspaceId: options.workspaceId, name: `${options.name}\0${options.environmentId}` };
}
