// The graph list's tag filter lives in the URL (`?tag=support&tag=billing`), so a tag chip is a link and a filtered
// list can be shared or gone back to. Pure, so it is tested on its own.
import { readGraphTag } from "@/lib/graph";

/** The tags a URL filters by: valid tags only, lowercased, each once. */
export function readTagFilter(search: URLSearchParams): string[] {
  const tags = search.getAll("tag").flatMap((text) => {
    const read = readGraphTag(text);
    return "tag" in read ? [read.tag] : [];
  });
  return [...new Set(tags)];
}

/** The list's URL filtered by `tags` (none: the whole list). */
export function tagFilterHref(workspaceSlug: string, tags: readonly string[]): string {
  const search = new URLSearchParams(tags.map((tag) => ["tag", tag]));
  return search.size > 0 ? `/w/${workspaceSlug}?${search}` : `/w/${workspaceSlug}`;
}
