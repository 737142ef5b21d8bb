"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "../trpc/trpc";
import { Modal } from "../ui/modal";
import { CreateWorkspaceForm } from "./create-workspace-form";
import styles from "./workspace-switcher.module.css";

/** The header's workspace menu: every workspace the user belongs to, and a way to create one. */
export function WorkspaceSwitcher() {
  const trpc = useTRPC();
  const params = useParams<{ workspace?: string }>();
  const workspaces = useQuery(trpc.workspace.list.queryOptions());
  const [isOpen, setIsOpen] = useState(false);
  const [isCreating, setIsCreating] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const current = workspaces.data?.find((workspace) => workspace.slug === params.workspace);

  // A click anywhere else closes the menu, like any menu.
  useEffect(() => {
    if (!isOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) setIsOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [isOpen]);

  return (
    <div className={styles.switcher} ref={menu}>
      <button type="button" className={styles.trigger} aria-haspopup="true" aria-expanded={isOpen} onClick={() => setIsOpen(!isOpen)}>
        <span className={styles.triggerLabel}>Workspace</span> {current?.name ?? "Choose…"} <span aria-hidden="true">▾</span>
      </button>
      {isOpen && (
        <div className={styles.menu}>
          <ul aria-label="Your workspaces">
            {workspaces.data?.map((workspace) => (
              <li key={workspace.id}>
                <Link
                  href={`/w/${workspace.slug}`}
                  className={styles.item}
                  aria-current={workspace.slug === params.workspace ? "page" : undefined}
                  onClick={() => setIsOpen(false)}
                >
                  <span>{workspace.name}</span>
                  <span className={styles.role}>{workspace.role}</span>
                </Link>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className={styles.item}
            onClick={() => {
              setIsOpen(false);
              setIsCreating(true);
            }}
          >
            + New workspace
          </button>
        </div>
      )}
      {isCreating && (
        <Modal title="New workspace" onClose={() => setIsCreating(false)}>
          <p className={styles.hint}>You will be its owner; invite your team from its settings.</p>
          <CreateWorkspaceForm onCancel={() => setIsCreating(false)} />
        </Modal>
      )}
    </div>
  );
}
