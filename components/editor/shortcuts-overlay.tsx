"use client";

import { useEffect, useState } from "react";
import styles from "./editor.module.css";

const SHORTCUTS: [string, string][] = [
  ["Ctrl/Cmd + Z", "Undo"],
  ["Ctrl/Cmd + Shift + Z, Ctrl + Y", "Redo"],
  ["Ctrl/Cmd + C / X / V", "Copy / cut / paste nodes (between graphs too; a paste goes where the pointer is)"],
  ["Ctrl/Cmd + D", "Duplicate the selection"],
  ["Ctrl/Cmd + G", "Group the selection in a frame"],
  ["Ctrl/Cmd + Shift + G", "Ungroup the selected frame"],
  ["Ctrl/Cmd + click", "Add a node to the selection"],
  ["Delete, Backspace", "Delete the selection"],
  ["Shift + drag", "Select several nodes"],
  ["Double-click a Sub-graph", "Open the graph it runs"],
  ["?", "Show or hide this list"],
];

/** `?` toggles the list of editor shortcuts; Escape closes it. */
export function ShortcutsOverlay() {
  const [isOpen, setIsOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.target as HTMLElement | null)?.closest("input, textarea, select, [contenteditable]")) return;
      if (event.key === "?") setIsOpen((open) => !open);
      else if (event.key === "Escape") setIsOpen(false);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
  if (!isOpen) return null;
  return (
    <div className={styles.shortcuts} role="dialog" aria-label="Keyboard shortcuts">
      <strong>Keyboard shortcuts</strong>
      <table>
        <tbody>
          {SHORTCUTS.map(([keys, action]) => (
            <tr key={keys}>
              <td className={styles.mono}>{keys}</td>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
