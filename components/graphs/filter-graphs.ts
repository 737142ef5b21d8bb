// The graph list's search and order, outside React so they are tested on their own.

export type TGraphSort = "updated" | "name" | "published";
export type TListedGraph = { name: string; updatedAt: Date | string; publishedAt: Date | string | null };

const time = (value: Date | string | null) => (value === null ? 0 : new Date(value).getTime());

/** Graphs whose name holds every word of `query` (any case, any order), in the chosen order. */
export function filterGraphs<T extends TListedGraph>(graphs: readonly T[], query: string, sort: TGraphSort): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = graphs.filter((graph) => {
    const name = graph.name.toLowerCase();
    return words.every((word) => name.includes(word));
  });
  const compare: Record<TGraphSort, (a: T, b: T) => number> = {
    updated: (a, b) => time(b.updatedAt) - time(a.updatedAt),
    name: (a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: "base", numeric: true }),
    published: (a, b) => time(b.publishedAt) - time(a.publishedAt),
  };
  return [...matching].sort(compare[sort]);
}
