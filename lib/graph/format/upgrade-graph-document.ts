// The one way a stored, imported or posted graph document is read: older formats are upgraded one version at a time
// (a pure function per step), the current one passes unchanged, a newer one is refused naming its version.
import { CURRENT_GRAPH_FORMAT_VERSION, graphFormatName, readGraphFormatVersion } from "./graph-format-version";
import { upgradeV1ToV2 } from "./upgrade-v1-to-v2";

type TJsonObject = Record<string, unknown>;

/** `UPGRADE_STEPS[n]` turns a version n+1 document into version n+2. */
const UPGRADE_STEPS: readonly ((document: TJsonObject) => TJsonObject)[] = [upgradeV1ToV2];

export type TGraphUpgrade =
  | { ok: true; document: unknown; fromVersion: number | null }
  | { ok: false; code: "UNSUPPORTED_FORMAT"; message: string };

/**
 * Upgrades `value` to the current format. A value that is not an object or names no openclaw.graph format is passed on
 * unchanged (`fromVersion` null) for validation to describe; upgrading a current-format document returns it as is.
 */
export function upgradeGraphDocument(value: unknown): TGraphUpgrade {
  const version = readGraphFormatVersion(value);
  if (version === null) return { ok: true, document: value, fromVersion: null };
  if (version > CURRENT_GRAPH_FORMAT_VERSION) {
    const message = `The graph is in format ${graphFormatName(version)}, newer than this studio reads (${graphFormatName(CURRENT_GRAPH_FORMAT_VERSION)} at most): open it in a newer studio`;
    return { ok: false, code: "UNSUPPORTED_FORMAT", message };
  }
  let document = value as TJsonObject;
  for (let step = version; step < CURRENT_GRAPH_FORMAT_VERSION; step += 1) document = UPGRADE_STEPS[step - 1]!(document);
  return { ok: true, document, fromVersion: version };
}
