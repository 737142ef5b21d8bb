// How a person names a run: its number within its graph (`#12`), with the graph's name when the run belongs to another
// graph than the one in view ("Summarize #4"). Ids stay in URLs and the API.

/** A run named for the caller: `seen` is null for a run of a graph the caller does not see. */
export type TRunRef = { runId: string; seen: { number: number; graphId: string; graphName: string } | null };

export function formatRunNumber(number: number): string {
  return `#${number}`;
}

/** "#4" for a run of the graph in view (`currentGraphId`), "Summarize #4" for another graph's. */
export function formatRunRef(ref: TRunRef, currentGraphId?: string): string {
  if (!ref.seen) return "a run you cannot see";
  const number = formatRunNumber(ref.seen.number);
  return ref.seen.graphId === currentGraphId ? number : `${ref.seen.graphName} ${number}`;
}
