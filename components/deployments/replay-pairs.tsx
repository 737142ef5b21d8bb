import Link from "next/link";
import type { TBlueGreenReplay } from "./deployment-types";
import styles from "./blue-green.module.css";
import laneStyles from "./deployments.module.css";

/** A replay through the idle version: each production run beside its replay, whether it changed, and its diff. */
export function ReplayPairs({ replay, workspaceSlug }: { replay: TBlueGreenReplay; workspaceSlug: string }) {
  const ended = replay.pairs.filter((pair) => pair.changed !== null).length;
  const changed = replay.pairs.filter((pair) => pair.changed).length;
  const calls = replay.allowLiveCalls ? "live calls allowed" : "recorded calls only";
  return (
    <div data-testid="replay">
      <p className={laneStyles.muted} data-testid="replay-summary">
        Replay of v{replay.sourceVersion} through v{replay.targetVersion} ({calls}):{" "}
        {replay.finishedAt ? `${changed} of ${replay.pairs.length} changed` : `${ended} of ${replay.pairs.length} replays ended`}
      </p>
      <table className={styles.pairs} aria-label="Replayed runs">
        <thead>
          <tr>
            <th scope="col">Original</th>
            <th scope="col">Replay</th>
            <th scope="col">Result</th>
            <th scope="col">Diff</th>
          </tr>
        </thead>
        <tbody>
          {replay.pairs.map(({ source, replay: replayed, changed: isChanged }) => (
            <tr key={replayed.id} data-testid="replay-pair">
              <td>#{source.number} {source.status}</td>
              <td>#{replayed.number} {replayed.status}</td>
              <td className={isChanged ? styles.changed : undefined}>{isChanged === null ? "running" : isChanged ? "changed" : "unchanged"}</td>
              <td>
                <Link href={`/w/${workspaceSlug}/runs/compare?a=${source.id}&b=${replayed.id}`}>Diff #{source.number} vs #{replayed.number}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
