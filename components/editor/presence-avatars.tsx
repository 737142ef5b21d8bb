"use client";

import { useGraphPresence } from "../realtime/use-graph-presence";
import styles from "./editor.module.css";

function initialsOf(name: string): string {
  const words = name.replace(/@.*/, "").split(/[\s._-]+/).filter(Boolean);
  return (words.length > 1 ? `${words[0]![0]}${words[1]![0]}` : (words[0] ?? "?").slice(0, 2)).toUpperCase();
}

/** Everyone who has this graph open, as initials with the full name on hover. */
export function PresenceAvatars({ workspaceId, graphId }: { workspaceId: string; graphId: string }) {
  const users = useGraphPresence(workspaceId, graphId);
  if (users.length === 0) return null;
  return (
    <div className={styles.presence} aria-label={`Open by ${users.map((user) => user.name).join(", ")}`} data-testid="presence">
      {users.map((user) => (
        <span key={user.id} className={styles.avatar} title={user.name}>
          {initialsOf(user.name)}
        </span>
      ))}
    </div>
  );
}
