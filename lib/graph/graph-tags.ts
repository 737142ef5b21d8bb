import { z } from "zod";

/** Tags file graphs under short words: lowercase, at most `maxLength` characters, at most `maxPerGraph` per graph. */
export const GRAPH_TAG_LIMITS = { maxLength: 24, maxPerGraph: 8 } as const;

/** A tag as typed: trimmed and lowercased, then one word of letters, digits, `-` and `_` (`support`, `billing-v2`). */
export const ZGraphTag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "A tag needs at least one letter or digit")
  .max(GRAPH_TAG_LIMITS.maxLength, `A tag has at most ${GRAPH_TAG_LIMITS.maxLength} characters`)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u, "A tag is one word: letters, digits, - and _, starting with a letter or digit");

/** The tag a person typed, or the reason it is refused (the same words the server answers with). */
export function readGraphTag(text: string): { tag: string } | { error: string } {
  const parsed = ZGraphTag.safeParse(text);
  return parsed.success ? { tag: parsed.data } : { error: parsed.error.issues[0]?.message ?? "Not a tag" };
}
