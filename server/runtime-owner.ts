// Which lease owner this process's runtime is. A stable owner lets a restarted studio take back the runs it was driving
// at once (claimRuns returns an owner's own leases) instead of waiting for their leases to expire (30 s).
import { loadOrCreateSecretFile } from "./secret-file";

export const RUNTIME_OWNER_FILE = "runtime-owner";

/**
 * STUDIO_RUNTIME_OWNER when set (the operator vouches it is unique per live process, e.g. a StatefulSet pod name).
 * Embedded mode: an id kept in the data directory, whose Postgres admits one studio at a time. With an external
 * database and no STUDIO_RUNTIME_OWNER, undefined (a random owner per process): several processes may share a data
 * directory there, and a shared owner would let one drive the other's live runs.
 */
export function resolveRuntimeOwner(options: { envOwner: string | undefined; dataDir: string; isEmbedded: boolean }): string | undefined {
  if (options.envOwner) return options.envOwner;
  if (!options.isEmbedded) return undefined;
  // Not a secret, but the same need: a random value created once and kept with the data.
  return `studio-${loadOrCreateSecretFile(options.dataDir, RUNTIME_OWNER_FILE)}`;
}
