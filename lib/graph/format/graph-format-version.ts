// Which version of the graph format a document is in, read from its `format` field ("openclaw.graph/v<N>").

export const GRAPH_FORMAT_PREFIX = "openclaw.graph/v";

/** The format this studio writes. A document in an older one is upgraded on read (upgrade-graph-document.ts). */
export const CURRENT_GRAPH_FORMAT_VERSION = 2;

export function graphFormatName(version: number): string {
  return `${GRAPH_FORMAT_PREFIX}${version}`;
}

/** The version a document declares, or null when its `format` is missing or not an openclaw.graph format at all. */
export function readGraphFormatVersion(value: unknown): number | null {
  const format = value !== null && typeof value === "object" ? (value as { format?: unknown }).format : undefined;
  if (typeof format !== "string" || !format.startsWith(GRAPH_FORMAT_PREFIX)) return null;
  const digits = format.slice(GRAPH_FORMAT_PREFIX.length);
  return /^[1-9][0-9]{0,5}$/.test(digits) ? Number(digits) : null;
}
