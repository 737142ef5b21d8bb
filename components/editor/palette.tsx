"use client";

import { useMemo, useState } from "react";
import { isGroupNode } from "@/lib/graph/group-node";
import { TextInput } from "../ui/text-input";
import styles from "./editor.module.css";

export const NODE_TYPE_DRAG_FORMAT = "application/x-studio-node-type";

export type TPaletteEntry = { type: string; title: string; description: string; category: string; pluginName: string; isExternal: boolean };

const CATEGORY_ORDER = ["io", "ai", "tool", "data", "flow", "human", "trigger", "test"];
const CATEGORY_TITLES: Record<string, string> = { io: "Input and output", ai: "AI", tool: "Tools", data: "Data", flow: "Flow", human: "Human", trigger: "Triggers", test: "Test" };

/**
 * Node types by category, searchable; click adds one at the center of the view, dragging drops it where it lands.
 * While searching, the arrow keys move a highlight over the matches and Enter adds the highlighted one.
 */
export function Palette({ entries, onAdd }: { entries: readonly TPaletteEntry[]; onAdd: (type: string) => void }) {
  const [query, setQuery] = useState("");
  const [highlighted, setHighlighted] = useState(0);
  const groups = useMemo(() => {
    const needle = query.trim().toLowerCase();
    // A Group frames a selection (Ctrl/Cmd+G): an empty frame dropped from here would hold nothing.
    const matching = entries.filter((entry) => !isGroupNode(entry) && (!needle || `${entry.title} ${entry.description} ${entry.type}`.toLowerCase().includes(needle)));
    return CATEGORY_ORDER.map((category) => ({ category, items: matching.filter((entry) => entry.category === category) })).filter((group) => group.items.length > 0);
  }, [entries, query]);
  const matches = groups.flatMap((group) => group.items);
  const highlightedType = query.trim() ? matches[Math.min(highlighted, matches.length - 1)]?.type : undefined;

  const onSearchKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setHighlighted((current) => (Math.min(current, matches.length - 1) + step + matches.length) % Math.max(matches.length, 1));
    } else if (event.key === "Enter" && highlightedType) {
      event.preventDefault();
      onAdd(highlightedType);
    } else if (event.key === "Escape") {
      setQuery("");
    }
  };

  return (
    <aside className={styles.palette} aria-label="Node palette">
      <TextInput
        aria-label="Search node types"
        placeholder="Search nodes (Enter adds the highlighted one)"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setHighlighted(0);
        }}
        onKeyDown={onSearchKeyDown}
      />
      {groups.map((group) => (
        <div key={group.category}>
          <div className={styles.paletteGroup}>{CATEGORY_TITLES[group.category] ?? group.category}</div>
          {group.items.map((entry) => (
            <button
              key={entry.type}
              type="button"
              className={styles.paletteItem}
              data-highlighted={entry.type === highlightedType || undefined}
              draggable
              data-testid={`palette-${entry.type}`}
              onDragStart={(event) => {
                event.dataTransfer.setData(NODE_TYPE_DRAG_FORMAT, entry.type);
                event.dataTransfer.effectAllowed = "copy";
              }}
              onClick={() => onAdd(entry.type)}
              title={entry.type}
            >
              {entry.title}
              {entry.isExternal && <small>external (OpenClaw) · not runnable</small>}
              <small>{entry.description}</small>
            </button>
          ))}
        </div>
      ))}
    </aside>
  );
}
