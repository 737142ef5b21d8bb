import type { TGraphSpec } from "../spec";
import { upgradeGraphDocument } from "./upgrade-graph-document";

/**
 * A graph the studio stored itself (a draft, a version, a run's snapshot), validated when it was written, read in the
 * current format. Throws when it is in a format newer than this studio: a newer studio wrote to this database.
 */
export function readGraphDocument(value: unknown): TGraphSpec {
  const upgrade = upgradeGraphDocument(value);
  if (!upgrade.ok) throw new Error(upgrade.message);
  return upgrade.document as TGraphSpec;
}
