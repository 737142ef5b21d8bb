import { diffJson } from "@/lib/graph/diff-json";

/** What a blue/green event records of a replay: how many runs went through the idle version and how many changed. */
export type TReplayNumbers = { replayId: string; replayed: number; changed: number | null; allowLiveCalls: boolean };

/** A replay changed a run when it ended with another status, or another output (any leaf of the JSON). */
export function isReplayChanged(source: { status: string; output: unknown }, replay: { status: string; output: unknown }): boolean {
  return source.status !== replay.status || diffJson(source.output ?? null, replay.output ?? null).length > 0;
}
