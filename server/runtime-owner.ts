// This process's lease owner: `<instance>#<random per start>`. The instance is a stable name for "this studio"; at
// start the runtime releases the leases left by the instance's earlier starts (db/release-earlier-leases.ts), so a
// restarted studio resumes its runs at once instead of after their 30 s lease. The random part keeps two live
// processes apart even when they are given one instance name: neither ever passes the other's lease checks.
import { randomUUID } from "node:crypto";
import { loadOrCreateSecretFile } from "./secret-file";

export const RUNTIME_INSTANCE_FILE = "runtime-instance";

/**
 * STUDIO_RUNTIME_INSTANCE when set (e.g. a StatefulSet pod name). Embedded mode: a name kept in the data directory,
 * whose Postgres serves one studio at a time. With an external database and no STUDIO_RUNTIME_INSTANCE, none: several
 * processes may share a data directory there, and each start would interrupt the runs of the others.
 */
export function resolveRuntimeInstance(options: { envInstance: string | undefined; dataDir: string; isEmbedded: boolean }): string | undefined {
  if (options.envInstance) return options.envInstance;
  if (!options.isEmbedded) return undefined;
  // Not a secret, but the same need: a random value created once and kept with the data.
  return `studio-${loadOrCreateSecretFile(options.dataDir, RUNTIME_INSTANCE_FILE)}`;
}

/** `#` cannot occur in an instance name (env.ts), so one instance's prefix never matches another's owners. */
export function createRuntimeOwner(instance: string): string {
  return `${instance}#${randomUUID()}`;
}
